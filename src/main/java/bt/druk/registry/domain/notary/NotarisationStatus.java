package bt.druk.registry.domain.notary;

/** Where a notarisation stands; the codes are the chaincode's statuses. {@code revoked} and {@code superseded} are final. */
public enum NotarisationStatus {
    REGISTERED("registered"),
    REVOKED("revoked"),
    SUPERSEDED("superseded");

    private final String ledgerCode;

    NotarisationStatus(String ledgerCode) {
        this.ledgerCode = ledgerCode;
    }

    public String ledgerCode() {
        return ledgerCode;
    }

    /** Whether the document still counts as notarised (and blocks another registration of the same file). */
    public boolean isActive() {
        return this == REGISTERED;
    }

    public static NotarisationStatus fromLedgerCode(String code) {
        for (NotarisationStatus status : values()) {
            if (status.ledgerCode.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown notarisation status: " + code);
    }
}
