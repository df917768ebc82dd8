package bt.druk.registry.chaincode;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The three registers and the organisation (MSP) that issues each one's records. */
public enum Register {
    LAND("land", "LandMSP"),
    PROCUREMENT("procurement", "ProcurementMSP"),
    NOTARY("notary", "JusticeMSP");

    /** MSP id of the Royal Audit Authority, which co-endorses every key (state-based endorsement). */
    public static final String AUDIT_MSP = "AuditMSP";
    /** The organisations whose staff use the ledger: the three issuers and the auditor (not the orderer's). */
    public static final SortedSet<String> CONSORTIUM_MSPS = consortium();

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

    private static SortedSet<String> consortium() {
        SortedSet<String> msps = new TreeSet<>();
        for (Register r : values()) {
            msps.add(r.issuingMsp);
        }
        msps.add(AUDIT_MSP);
        return Collections.unmodifiableSortedSet(msps);
    }
}
