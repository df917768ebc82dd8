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
                    out.append(i == 0 ? "[" : ",[");
                    appendDegrees(out, ring.get(i).longitude());
                    out.append(',');
                    appendDegrees(out, ring.get(i).latitude());
                    out.append(']');
                }
                out.append(']');
            }
            return out.append("]}").toString();
        }
    }

    /**
     * {@code degrees} rounded half up to 8 decimals, as {@code new BigDecimal(degrees).setScale(8,
     * HALF_UP).toPlainString()} writes it, without that method's cost on a map of thousands of outlines:
     * the scaled value is rounded in {@code double} arithmetic unless it lies within a hair of a tie,
     * where only the exact binary value can tell which way it goes.
     */
    private static void appendDegrees(StringBuilder out, double degrees) {
        double magnitude = Math.abs(degrees);
        double scaled = magnitude * 1e8;
        double fraction = scaled - Math.floor(scaled);
        long units;
        if (magnitude >= 1e7 || Math.abs(fraction - 0.5) < 1e-4) {
            units = new BigDecimal(magnitude).setScale(8, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } else {
            units = (long) Math.floor(scaled + 0.5);
        }
        if (degrees < 0 && units != 0) {
            out.append('-');
        }
        out.append(units / 100_000_000L).append('.');
        String fractionDigits = Long.toString(units % 100_000_000L);
        for (int pad = fractionDigits.length(); pad < 8; pad++) {
            out.append('0');
        }
        out.append(fractionDigits);
    }
}
