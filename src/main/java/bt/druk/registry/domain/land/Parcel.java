package bt.druk.registry.domain.land;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The land itself.
 *
 * @param pin        parcel identification (plot) number, upper case
 * @param thramNo    number of the thram (land register book) entry
 * @param areaAcres  area in acres, exact decimal
 * @param boundary   the surveyed boundary, or null where none has been recorded (every title
 *                   registered before boundaries were kept); a title's document names it only
 *                   when present, so the hashes of titles without one are unchanged
 */
public record Parcel(String pin, String thramNo, String dzongkhag, String gewog, BigDecimal areaAcres, LandType landType,
                     Boundary boundary) {
    public Parcel {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(thramNo, "thramNo");
        Objects.requireNonNull(dzongkhag, "dzongkhag");
        Objects.requireNonNull(gewog, "gewog");
        Objects.requireNonNull(areaAcres, "areaAcres");
        Objects.requireNonNull(landType, "landType");
    }

    /** A parcel without a surveyed boundary. */
    public Parcel(String pin, String thramNo, String dzongkhag, String gewog, BigDecimal areaAcres, LandType landType) {
        this(pin, thramNo, dzongkhag, gewog, areaAcres, landType, null);
    }

    /** The same parcel with this area. */
    public Parcel withArea(BigDecimal acres) {
        return new Parcel(pin, thramNo, dzongkhag, gewog, acres, landType, boundary);
    }

    /** The same parcel with this surveyed boundary (null for none). */
    public Parcel withBoundary(Boundary surveyed) {
        return new Parcel(pin, thramNo, dzongkhag, gewog, areaAcres, landType, surveyed);
    }
}
