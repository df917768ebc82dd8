package bt.druk.registry.domain.procurement;

/** What produced a tender version, with the chaincode function that records it. */
public enum TenderOperation {
    PUBLISH("PublishTender"),
    AMEND("AmendTender"),
    CANCEL("CancelTender"),
    OPEN_BIDS("OpenBids"),
    AWARD("AwardTender"),
    COMPLETE("CompleteTender"),
    UNSUCCESSFUL("TenderUnsuccessful");

    private final String chaincodeFunction;

    TenderOperation(String chaincodeFunction) {
        this.chaincodeFunction = chaincodeFunction;
    }

    public String chaincodeFunction() {
        return chaincodeFunction;
    }
}
