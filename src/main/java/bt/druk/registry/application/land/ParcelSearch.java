package bt.druk.registry.application.land;

/**
 * Public search criteria; blank fields are ignored, at least one must be given.
 * PIN and thram number match exactly (case-insensitive); dzongkhag/gewog match exactly.
 */
public record ParcelSearch(String pin, String thramNo, String dzongkhag, String gewog) {

    public static ParcelSearch byPin(String pin) {
        return new ParcelSearch(pin, null, null, null);
    }

    public static ParcelSearch byThram(String thramNo) {
        return new ParcelSearch(null, thramNo, null, null);
    }

    public static ParcelSearch byLocation(String dzongkhag, String gewog) {
        return new ParcelSearch(null, null, dzongkhag, gewog);
    }
}
