package bt.druk.registry.domain.land;

/** Status of a land title; the ledger code is what the chaincode stores for the same state. */
public enum TitleStatus {
    REGISTERED("registered"),
    ENCUMBERED("encumbered"),
    TRANSFER_PENDING("transfer-pending"),
    TRANSFER_OBJECTED("transfer-objected"),
    /** Subdivided (or merged) into other parcels: kept as history, no dealing with it any more. */
    RETIRED("retired");

    private final String ledgerCode;

    TitleStatus(String ledgerCode) {
        this.ledgerCode = ledgerCode;
    }

    public String ledgerCode() {
        return ledgerCode;
    }

    public static TitleStatus fromLedgerCode(String code) {
        for (TitleStatus status : values()) {
            if (status.ledgerCode.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown title status: " + code);
    }
}
