package bt.druk.registry.domain.land;

/** Land categories used in Bhutan's thram, with their Dzongkha names. */
public enum LandType {
    DRY_LAND("Kamzhing"),
    WETLAND("Chhuzhing"),
    HOUSE_PLOT("Khimsa"),
    ORCHARD("Orchard"),
    URBAN("Urban"),
    INSTITUTIONAL("Institutional");

    private final String localName;

    LandType(String localName) {
        this.localName = localName;
    }

    /** Name in romanised Dzongkha where there is one, e.g. Kamzhing for dry land. */
    public String localName() {
        return localName;
    }
}
