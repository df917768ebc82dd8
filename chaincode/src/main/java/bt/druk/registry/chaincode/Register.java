package bt.druk.registry.chaincode;

import java.util.Optional;

/** The three registers and the organisation (MSP) that issues each one's records. */
public enum Register {
    LAND("land", "LandMSP"),
    PROCUREMENT("procurement", "ProcurementMSP"),
    NOTARY("notary", "JusticeMSP");

    /** MSP id of the Royal Audit Authority, which co-endorses every key (state-based endorsement). */
    public static final String AUDIT_MSP = "AuditMSP";

    private final String code;
    private final String issuingMsp;

    Register(String code, String issuingMsp) {
        this.code = code;
        this.issuingMsp = issuingMsp;
    }

    /** The value of the certificate attribute {@code register} and of the entry field {@code register}. */
    public String code() {
        return code;
    }

    public String issuingMsp() {
        return issuingMsp;
    }

    public static Optional<Register> fromCode(String code) {
        for (Register r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
