package bt.druk.registry.domain.land;

/** What produced a version of a land title, and the chaincode function that records it. */
public enum TitleOperation {
    FIRST_REGISTRATION("RegisterTitle"),
    TRANSFER_LODGED("LodgeTransfer"),
    TRANSFER_OBJECTED("ObjectToTransfer"),
    TRANSFER_FINALISED("FinaliseTransfer"),
    MORTGAGE_REGISTERED("RegisterMortgage"),
    MORTGAGE_DISCHARGED("DischargeMortgage"),
    CAVEAT_LODGED("LodgeCaveat"),
    CAVEAT_RELEASED("ReleaseCaveat"),
    /** The ledger learns the parcel's facts (area, land type, boundary hash, owners digest); nothing else changes. */
    PARCEL_FACTS_RECORDED("RecordParcelFacts"),
    /** The parent retired into its children, and each child's first version: one ledger transaction. */
    SUBDIVISION("SubdivideParcel"),
    /** The parents retired into one merged parcel, and its first version: one ledger transaction. */
    MERGER("MergeParcels"),
    /** New owners by a court's verdict, registered the same day with the order's SHA-256: no notice period. */
    COURT_ORDER_TRANSFER("TransferByCourtOrder"),
    /** The boundary between two parcels moved: a version of each, one ledger transaction; owners and PINs stay. */
    BOUNDARY_ADJUSTMENT("AdjustBoundary");

    private final String chaincodeFunction;

    TitleOperation(String chaincodeFunction) {
        this.chaincodeFunction = chaincodeFunction;
    }

    public String chaincodeFunction() {
        return chaincodeFunction;
    }
}
