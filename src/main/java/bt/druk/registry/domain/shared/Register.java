package bt.druk.registry.domain.shared;

/**
 * The three registers kept by the portal. Each has an issuing organisation on the ledger whose
 * peer (together with the auditor's) must endorse every write to that register's records.
 */
public enum Register {
    LAND("land", "LandMSP"),
    PROCUREMENT("procurement", "ProcurementMSP"),
    NOTARY("notary", "JusticeMSP");

    private final String code;
    private final String issuingMspId;

    Register(String code, String issuingMspId) {
        this.code = code;
        this.issuingMspId = issuingMspId;
    }

    /** Lower-case word used on the ledger and in certificates, e.g. {@code land}. */
    public String code() {
        return code;
    }

    public String issuingMspId() {
        return issuingMspId;
    }

    public static Register fromCode(String code) {
        for (Register register : values()) {
            if (register.code.equalsIgnoreCase(code)) {
                return register;
            }
        }
        throw new IllegalArgumentException("unknown register: " + code);
    }
}
