package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.land.Wgs84Reprojection.Wgs84Polygon;
import java.math.BigDecimal;

/**
 * One parcel on the public map: where it lies, its outline and the link to its public record. What
 * the public search shows already; nothing about owners.
 *
 * @param areaAcres   the area the title records (not the surveyed polygon's)
 * @param surveyedCrs the CRS its boundary was surveyed in
 * @param outline     its boundary reprojected to WGS 84, for drawing only
 * @param recordPath  context-relative link to its public record, e.g. {@code /records/land.xhtml?pin=TH-1001}
 */
public record MapParcel(String pin, String dzongkhag, String gewog, LandType landType, BigDecimal areaAcres,
                        SurveyCrs surveyedCrs, Wgs84Polygon outline, String recordPath) {
}
