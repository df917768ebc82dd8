package bt.druk.registry.domain.procurement;

/** Where a tender stands; the ledger codes are the chaincode's (chaincode/README.md, kind tender). */
public enum TenderStatus {
    ACTIVE_TENDERING("active.tendering"),
    EVALUATION("evaluation"),
    AWARDED("awarded"),
    COMPLETE("complete"),
    UNSUCCESSFUL("unsuccessful"),
    CANCELLED("cancelled");

    private final String ledgerCode;

    TenderStatus(String ledgerCode) {
        this.ledgerCode = ledgerCode;
    }

    public String ledgerCode() {
        return ledgerCode;
    }

    public static TenderStatus fromLedgerCode(String code) {
        for (TenderStatus status : values()) {
            if (status.ledgerCode.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown tender status: " + code);
    }

    /** Open for bids until the deadline. */
    public boolean acceptsBids() {
        return this == ACTIVE_TENDERING;
    }

    public boolean isFinal() {
        return this == COMPLETE || this == UNSUCCESSFUL || this == CANCELLED;
    }
}
