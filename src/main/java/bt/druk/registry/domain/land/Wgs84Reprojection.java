package bt.druk.registry.domain.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Turns a boundary's eastings and northings into WGS 84 longitudes and latitudes, for map layers
 * (GeoJSON per RFC 7946 is always WGS 84). The survey datums are realisations of ITRS that EPSG
 * relates to WGS 84 by null transformations (DRUKREF 03 to WGS 84 (1) with 1 m accuracy), so this
 * is the inverse map projection on GRS 1980; it is for showing a parcel, never for recording one.
 *
 * <p>An interface here so that the projection library stays in infrastructure.
 */
public interface Wgs84Reprojection {

    /** The boundary's rings (outer first, then holes, as {@link Boundary#exterior()} and {@link Boundary#holes()}) in WGS 84. */
    Wgs84Polygon toWgs84(Boundary boundary);

    /** One point in decimal degrees. */
    record LonLat(double longitude, double latitude) {
    }

    /** A polygon in WGS 84: the outer ring first, then the holes, each closed. */
    record Wgs84Polygon(List<List<LonLat>> rings) {
        public Wgs84Polygon {
            rings = rings.stream().map(List::copyOf).toList();
        }

        /**
         * RFC 7946 Polygon geometry, {@code [longitude, latitude]} with 8 decimals (about 1 mm):
         * {@code {"type":"Polygon","coordinates":[[[lon,lat],…]]}}.
         */
        public String geoJson() {
            StringBuilder out = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
            for (int r = 0; r < rings.size(); r++) {
                out.append(r == 0 ? "[" : ",[");
                List<LonLat> ring = rings.get(r);
                for (int i = 0; i < ring.size(); i++) {
                    out.append(i == 0 ? "[" : ",[")
                            .append(new BigDecimal(ring.get(i).longitude()).setScale(8, RoundingMode.HALF_UP).toPlainString())
                            .append(',')
                            .append(new BigDecimal(ring.get(i).latitude()).setScale(8, RoundingMode.HALF_UP).toPlainString())
                            .append(']');
                }
                out.append(']');
            }
            return out.append("]}").toString();
        }
    }
}
