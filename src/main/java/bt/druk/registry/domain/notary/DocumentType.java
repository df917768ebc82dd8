package bt.druk.registry.domain.notary;

/** What kind of document a notary registered; its code goes into the notarisation's hashed JSON. */
public enum DocumentType {
    AFFIDAVIT("affidavit", "Affidavit"),
    POWER_OF_ATTORNEY("power-of-attorney", "Power of attorney"),
    SALE_AGREEMENT("sale-agreement", "Sale agreement"),
    COMPANY_RESOLUTION("company-resolution", "Company resolution"),
    CERTIFIED_TRANSLATION("certified-translation", "Certified translation"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    DocumentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Stored in the hashed JSON; never changes meaning. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static DocumentType fromCode(String code) {
        for (DocumentType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown document type: " + code);
    }
}
