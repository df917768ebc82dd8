package bt.druk.registry.domain.land;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The land itself.
 *
 * @param pin        parcel identification (plot) number, upper case
 * @param thramNo    number of the thram (land register book) entry
 * @param areaAcres  area in acres, exact decimal
 */
public record Parcel(String pin, String thramNo, String dzongkhag, String gewog, BigDecimal areaAcres, LandType landType) {
    public Parcel {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(thramNo, "thramNo");
        Objects.requireNonNull(dzongkhag, "dzongkhag");
        Objects.requireNonNull(gewog, "gewog");
        Objects.requireNonNull(areaAcres, "areaAcres");
        Objects.requireNonNull(landType, "landType");
    }
}
