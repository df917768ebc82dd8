package bt.druk.registry.domain.procurement;

/** OCDS procurementCategory codelist ({@code tender.mainProcurementCategory}). */
public enum MainCategory {
    GOODS("goods"),
    WORKS("works"),
    SERVICES("services");

    private final String code;

    MainCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MainCategory fromCode(String code) {
        for (MainCategory category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown procurement category: " + code);
    }
}
