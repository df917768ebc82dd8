package bt.druk.registry.domain.procurement;

/** OCDS method codelist ({@code tender.procurementMethod}). */
public enum ProcurementMethod {
    OPEN("open"),
    SELECTIVE("selective"),
    LIMITED("limited"),
    DIRECT("direct");

    private final String code;

    ProcurementMethod(String code) {
        this.code = code;
    }

    /** The OCDS code, also what the hashed tender JSON holds. */
    public String code() {
        return code;
    }

    public static ProcurementMethod fromCode(String code) {
        for (ProcurementMethod method : values()) {
            if (method.code.equals(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown procurement method: " + code);
    }
}
