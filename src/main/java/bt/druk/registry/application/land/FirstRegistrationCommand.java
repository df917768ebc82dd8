package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.LandType;
import java.math.BigDecimal;
import java.util.List;

/**
 * First registration of a parcel. Field names used in validation errors: pin, thramNo,
 * dzongkhag, gewog, areaAcres, landType, owners, owners[i].name, owners[i].cid, owners[i].share,
 * boundary (and boundary.crs, boundary.coordinates, boundary.coordinates[i] as {@code Boundary}
 * names them), areaReason.
 *
 * @param boundary   the surveyed boundary as a GeoJSON Polygon naming its CRS in a {@code crs}
 *                   member ({@code "EPSG:5266"}), or null for a title without one
 * @param areaReason why the boundary's area differs from {@code areaAcres} by more than the
 *                   tolerance; required only then
 */
public record FirstRegistrationCommand(
        String pin,
        String thramNo,
        String dzongkhag,
        String gewog,
        BigDecimal areaAcres,
        LandType landType,
        List<OwnerInput> owners,
        String boundary,
        String areaReason) {

    /** A registration without a boundary (the form, the bulk import). */
    public FirstRegistrationCommand(String pin, String thramNo, String dzongkhag, String gewog, BigDecimal areaAcres,
                                    LandType landType, List<OwnerInput> owners) {
        this(pin, thramNo, dzongkhag, gewog, areaAcres, landType, owners, null, null);
    }
}
