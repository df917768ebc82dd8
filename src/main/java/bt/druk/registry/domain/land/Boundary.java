package bt.druk.registry.domain.land;

import bt.druk.registry.domain.land.BoundaryText.RawPoint;
import bt.druk.registry.domain.land.BoundaryText.RawPolygon;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A parcel's surveyed boundary: one polygon (an outer ring and optional holes) in one of Bhutan's
 * {@link SurveyCrs survey coordinate systems}. Immutable; two boundaries that describe the same
 * polygon to the millimetre are {@link #equals equal} and have the same {@link #canonicalJson()}.
 *
 * <p><b>Normalisation</b>, done once on construction:
 * <ol>
 *   <li>every ordinate is rounded to the millimetre (3 decimals, half away from zero) from the
 *       decimal text as written; the survey's precision is no finer, and a hash must not depend on
 *       the last bits of a binary double;</li>
 *   <li>a point that repeats the point before it (after rounding) is dropped;</li>
 *   <li>the outer ring runs counter-clockwise and holes clockwise (RFC 7946's right-hand rule);</li>
 *   <li>each ring starts (and ends) at its lexicographically smallest vertex: smallest easting,
 *       then smallest northing;</li>
 *   <li>holes are ordered by that first vertex, the same way.</li>
 * </ol>
 * So the same polygon given from another start vertex, in the other direction, or with its holes
 * in another order becomes the same value.
 *
 * <p><b>Checks</b> ({@link #parseGeoJson}, {@link #parseWkt}, {@link #of}) report problems the way
 * {@link LandValidation} does: each a field, a stable code and an English message, collected
 * together. Codes: {@code boundary.format}, {@code boundary.crs.required},
 * {@code boundary.crs.unknown}, {@code boundary.crs.conflict}, {@code boundary.empty},
 * {@code boundary.ring.not-closed}, {@code boundary.ring.too-few-points},
 * {@code boundary.axis-order}, {@code boundary.outside-bhutan},
 * {@code boundary.self-intersection}, {@code boundary.hole-outside}, {@code boundary.invalid}.
 */
public final class Boundary {

    /** One acre in square metres (international acre: 4840 square yards of 0.9144 m). */
    public static final BigDecimal SQUARE_METRES_PER_ACRE = new BigDecimal("4046.8564224");
    /** Decimals in an acre (Bhutan's Land Act 2007 counts area in acres of 100 decimals). */
    public static final BigDecimal DECIMALS_PER_ACRE = BigDecimal.valueOf(100);
    /** The difference between a surveyed and a recorded area that passes without a clerk's reason. */
    public static final BigDecimal DEFAULT_AREA_TOLERANCE_PERCENT = BigDecimal.valueOf(5);

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final SurveyCrs crs;
    /** Normalised rings, outer first; each {@code [e0, n0, e1, n1, …]} in millimetres, closed. */
    private final long[][] rings;
    private final Polygon polygon;
    private final BigDecimal areaSquareMetres;

    private Boundary(SurveyCrs crs, long[][] rings) {
        this.crs = crs;
        this.rings = rings;
        this.polygon = toPolygon(rings);
        this.areaSquareMetres = exactArea(rings);
    }

    /** A position of a boundary: easting and northing in whole millimetres. */
    public record Position(long eastingMillimetres, long northingMillimetres) {

        public double easting() {
            return eastingMillimetres / 1000.0;
        }

        public double northing() {
            return northingMillimetres / 1000.0;
        }

        public BigDecimal eastingMetres() {
            return BigDecimal.valueOf(eastingMillimetres, 3);
        }

        public BigDecimal northingMetres() {
            return BigDecimal.valueOf(northingMillimetres, 3);
        }
    }

    // ---- reading and checking ---------------------------------------------------------------

    /**
     * A boundary from a GeoJSON Polygon ({@code coordinates} as {@code [easting, northing]}).
     *
     * @param crsCode the CRS chosen beside the text (e.g. a form's select), or null to take the one
     *                the GeoJSON names in its {@code crs} member
     * @return the boundary, or null when a problem was added to {@code errors}
     */
    public static Boundary parseGeoJson(ValidationException.Collector errors, String field, String crsCode, String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            errors.add(field, "required", "Enter the parcel boundary");
            return null;
        }
        RawPolygon raw = BoundaryText.readGeoJson(errors, field, geoJson);
        return raw == null ? null : check(errors, field, crsCode, raw);
    }

    /** A boundary from WKT {@code POLYGON ((e n, …), …)}; null when a problem was added to {@code errors}. */
    public static Boundary parseWkt(ValidationException.Collector errors, String field, String crsCode, String wkt) {
        if (wkt == null || wkt.isBlank()) {
            errors.add(field, "required", "Enter the parcel boundary");
            return null;
        }
        RawPolygon raw = BoundaryText.readWkt(errors, field, wkt);
        return raw == null ? null : check(errors, field, crsCode, raw);
    }

    /** {@link #parseGeoJson} for callers that want an exception: field {@code boundary}. */
    public static Boundary fromGeoJson(String crsCode, String geoJson) {
        return orThrow((errors) -> parseGeoJson(errors, "boundary", crsCode, geoJson));
    }

    /** {@link #parseWkt} for callers that want an exception: field {@code boundary}. */
    public static Boundary fromWkt(String crsCode, String wkt) {
        return orThrow((errors) -> parseWkt(errors, "boundary", crsCode, wkt));
    }

    /**
     * A boundary from numbers, each ring as {@code {e0, n0, e1, n1, …}} in metres, the outer ring
     * first; checked like the text forms (field {@code boundary}).
     *
     * @throws ValidationException with every problem found
     */
    public static Boundary of(SurveyCrs crs, double[]... rings) {
        List<List<RawPoint>> raw = new ArrayList<>();
        for (double[] ring : rings) {
            if (ring.length % 2 != 0) {
                throw new IllegalArgumentException("a ring needs an even number of ordinates");
            }
            List<RawPoint> points = new ArrayList<>();
            for (int i = 0; i < ring.length; i += 2) {
                points.add(new RawPoint(BigDecimal.valueOf(ring[i]), BigDecimal.valueOf(ring[i + 1])));
            }
            raw.add(points);
        }
        return orThrow((errors) -> check(errors, "boundary", crs.code(), new RawPolygon(null, raw)));
    }

    private interface Parse {
        Boundary parse(ValidationException.Collector errors);
    }

    private static Boundary orThrow(Parse parse) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Boundary boundary = parse.parse(errors);
        errors.throwIfAny();
        return boundary;
    }

    private static Boundary check(ValidationException.Collector errors, String field, String chosenCrs, RawPolygon raw) {
        boolean ok = true;
        SurveyCrs crs = null;
        String crsField = field + ".crs";
        String given = chosenCrs != null && !chosenCrs.isBlank() ? chosenCrs : raw.crsCode();
        if (given == null || given.isBlank()) {
            errors.add(crsField, "boundary.crs.required", "Choose the coordinate system the boundary was surveyed in");
            ok = false;
        } else {
            Optional<SurveyCrs> found = SurveyCrs.fromCode(given);
            if (found.isEmpty()) {
                errors.add(new FieldError(crsField, "boundary.crs.unknown",
                        given.strip() + " is not a coordinate system that Bhutan's surveys use; use one of "
                                + SurveyCrs.listForMessages(), List.of(given.strip())));
                ok = false;
            } else {
                crs = found.get();
                Optional<SurveyCrs> named = SurveyCrs.fromCode(raw.crsCode());
                if (raw.crsCode() != null && named.orElse(null) != crs) {
                    errors.add(crsField, "boundary.crs.conflict", "The boundary text names " + raw.crsCode().strip()
                            + " but " + crs.code() + " was chosen; give one coordinate system");
                    ok = false;
                    crs = null; // in doubt: the points are not checked against either
                }
            }
        }

        if (raw.rings().isEmpty()) {
            errors.add(field, "boundary.empty", "The boundary has no points");
            return null;
        }
        // Before any arithmetic: a number like 1e999999999 or 1e-999999999 would take rounding
        // minutes and gigabytes; no coordinate in metres has more than 9 digits before the point.
        for (int r = 0; r < raw.rings().size(); r++) {
            List<RawPoint> ring = raw.rings().get(r);
            for (int i = 0; i < ring.size(); i++) {
                for (BigDecimal ordinate : List.of(ring.get(i).easting(), ring.get(i).northing())) {
                    if (ordinate.scale() > 15 || ordinate.precision() - ordinate.scale() > 9) {
                        errors.add(ringField(field, r), BoundaryText.FORMAT, "Point " + (i + 1) + " of "
                                + ringName(r).toLowerCase(Locale.ROOT) + " has " + ordinate + ", which is not a coordinate in metres");
                        return null;
                    }
                }
            }
        }
        // Rings as written, rounded to the millimetre, repeated neighbours dropped.
        List<List<RawPoint>> rounded = new ArrayList<>();
        for (int r = 0; r < raw.rings().size(); r++) {
            List<RawPoint> ring = roundAndDropRepeats(raw.rings().get(r));
            rounded.add(ring);
            String ringField = ringField(field, r);
            if (ring.size() >= 2 && !ring.get(0).equals(ring.get(ring.size() - 1))) {
                RawPoint first = ring.get(0);
                errors.add(ringField, "boundary.ring.not-closed", ringName(r) + " is not closed: its last point must repeat its first ("
                        + place(first) + ")");
                ok = false;
            } else if (ring.size() < 4) {
                errors.add(ringField, "boundary.ring.too-few-points", ringName(r) + " has " + ring.size() + " point"
                        + (ring.size() == 1 ? "" : "s") + "; a ring needs at least 4: three corners, then the first point again"
                        + " (a point repeating the one before it counts once)");
                ok = false;
            }
        }
        if (crs != null && !insideBhutan(errors, field, crs, rounded)) {
            ok = false;
        }
        if (!ok) {
            return null;
        }

        long[][] millimetres = new long[rounded.size()][];
        for (int r = 0; r < rounded.size(); r++) {
            List<RawPoint> ring = rounded.get(r);
            long[] ordinates = new long[ring.size() * 2];
            for (int i = 0; i < ring.size(); i++) {
                ordinates[2 * i] = ring.get(i).easting().unscaledValue().longValueExact();
                ordinates[2 * i + 1] = ring.get(i).northing().unscaledValue().longValueExact();
            }
            millimetres[r] = ordinates;
        }
        TopologyValidationError invalid = new IsValidOp(toPolygon(millimetres)).getValidationError();
        if (invalid != null) {
            addTopologyError(errors, field, invalid);
            return null;
        }
        return new Boundary(crs, normalise(millimetres));
    }

    private static List<RawPoint> roundAndDropRepeats(List<RawPoint> ring) {
        List<RawPoint> out = new ArrayList<>(ring.size());
        for (RawPoint p : ring) {
            RawPoint mm = new RawPoint(p.easting().setScale(3, RoundingMode.HALF_UP), p.northing().setScale(3, RoundingMode.HALF_UP));
            if (out.isEmpty() || !out.get(out.size() - 1).equals(mm)) {
                out.add(mm);
            }
        }
        return out;
    }

    /**
     * Every point must lie in Bhutan's box for the CRS. When none does as given but every one would
     * with easting and northing swapped, the axis order is wrong (one message for the boundary);
     * otherwise the first point outside is named. A CRS whose easting and northing ranges overlap
     * (the dzongkhag zones) cannot tell a swap inside that overlap, so that case passes as given.
     */
    private static boolean insideBhutan(ValidationException.Collector errors, String field, SurveyCrs crs, List<List<RawPoint>> rings) {
        SurveyCrs.ProjectedBounds box = crs.bounds();
        boolean allOutside = true;
        boolean allInsideSwapped = true;
        int firstRing = -1;
        int firstPoint = -1;
        for (int r = 0; r < rings.size(); r++) {
            List<RawPoint> ring = rings.get(r);
            for (int i = 0; i < ring.size(); i++) {
                double e = ring.get(i).easting().doubleValue();
                double n = ring.get(i).northing().doubleValue();
                boolean inside = box.contains(e, n);
                allOutside &= !inside;
                allInsideSwapped &= box.contains(n, e);
                if (!inside && firstRing < 0) {
                    firstRing = r;
                    firstPoint = i;
                }
            }
        }
        if (firstRing < 0) {
            return true;
        }
        if (allOutside && allInsideSwapped) {
            errors.add(field + ".coordinates", "boundary.axis-order", "The coordinates look like [northing, easting]: give each point as"
                    + " [easting, northing] (in " + crs.code() + " eastings in Bhutan are " + range(box.minEasting(), box.maxEasting())
                    + " m and northings " + range(box.minNorthing(), box.maxNorthing()) + " m)");
        } else {
            RawPoint p = rings.get(firstRing).get(firstPoint);
            errors.add(ringField(field, firstRing), "boundary.outside-bhutan", "Point " + (firstPoint + 1) + " of "
                    + ringName(firstRing).toLowerCase(Locale.ROOT) + " (" + place(p) + ") is outside Bhutan in "
                    + crs.code() + " " + crs.title() + ", where eastings are " + range(box.minEasting(), box.maxEasting())
                    + " m and northings " + range(box.minNorthing(), box.maxNorthing())
                    + " m; check the coordinate system and the numbers");
        }
        return false;
    }

    private static void addTopologyError(ValidationException.Collector errors, String field, TopologyValidationError invalid) {
        Coordinate c = invalid.getCoordinate();
        String near = c == null ? "" : " near E " + BigDecimal.valueOf(c.x).setScale(3, RoundingMode.HALF_UP).toPlainString()
                + ", N " + BigDecimal.valueOf(c.y).setScale(3, RoundingMode.HALF_UP).toPlainString();
        String coordinates = field + ".coordinates";
        switch (invalid.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                    errors.add(coordinates, "boundary.self-intersection", "The boundary crosses or touches itself" + near
                            + "; a parcel's edges may meet only at their shared corners");
            case TopologyValidationError.HOLE_OUTSIDE_SHELL ->
                    errors.add(coordinates, "boundary.hole-outside", "A hole lies outside the outer ring" + near);
            default ->
                    errors.add(coordinates, "boundary.invalid", "The boundary is not a valid polygon: " + invalid.getMessage() + near);
        }
    }

    private static String ringField(String field, int ring) {
        return field + ".coordinates[" + ring + "]";
    }

    private static String ringName(int ring) {
        return ring == 0 ? "The outer ring" : "Hole " + ring;
    }

    private static String place(RawPoint p) {
        return "E " + p.easting().toPlainString() + ", N " + p.northing().toPlainString();
    }

    private static String range(double min, double max) {
        return String.format(Locale.ROOT, "%,.0f–%,.0f", min, max);
    }

    // ---- normalisation ----------------------------------------------------------------------

    private static long[][] normalise(long[][] rings) {
        long[][] out = new long[rings.length][];
        for (int r = 0; r < rings.length; r++) {
            out[r] = startAtSmallest(oriented(rings[r], r == 0));
        }
        Arrays.sort(out, 1, out.length, Comparator.<long[]>comparingLong(ring -> ring[0]).thenComparingLong(ring -> ring[1]));
        return out;
    }

    /** The ring counter-clockwise (outer) or clockwise (hole), reversed if needed. */
    private static long[] oriented(long[] ring, boolean outer) {
        boolean ccw = Orientation.isCCW(coordinates(ring));
        if (ccw == outer) {
            return ring;
        }
        int points = ring.length / 2;
        long[] reversed = new long[ring.length];
        for (int i = 0; i < points; i++) {
            reversed[2 * i] = ring[2 * (points - 1 - i)];
            reversed[2 * i + 1] = ring[2 * (points - 1 - i) + 1];
        }
        return reversed;
    }

    /** The same closed ring, rotated to start (and end) at its smallest (easting, northing). */
    private static long[] startAtSmallest(long[] ring) {
        int distinct = ring.length / 2 - 1; // the closing point repeats the first
        int start = 0;
        for (int i = 1; i < distinct; i++) {
            long e = ring[2 * i];
            long n = ring[2 * i + 1];
            if (e < ring[2 * start] || e == ring[2 * start] && n < ring[2 * start + 1]) {
                start = i;
            }
        }
        long[] rotated = new long[ring.length];
        for (int i = 0; i < distinct; i++) {
            int from = (start + i) % distinct;
            rotated[2 * i] = ring[2 * from];
            rotated[2 * i + 1] = ring[2 * from + 1];
        }
        rotated[2 * distinct] = rotated[0];
        rotated[2 * distinct + 1] = rotated[1];
        return rotated;
    }

    private static Coordinate[] coordinates(long[] ring) {
        Coordinate[] coordinates = new Coordinate[ring.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(ring[2 * i] / 1000.0, ring[2 * i + 1] / 1000.0);
        }
        return coordinates;
    }

    private static Polygon toPolygon(long[][] rings) {
        LinearRing shell = GEOMETRY.createLinearRing(coordinates(rings[0]));
        LinearRing[] holes = new LinearRing[rings.length - 1];
        for (int r = 1; r < rings.length; r++) {
            holes[r - 1] = GEOMETRY.createLinearRing(coordinates(rings[r]));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    /**
     * The planar area, exactly: the shoelace formula in whole millimetres (differences from the
     * ring's first point keep each product well inside a long), the holes' areas taken away.
     */
    private static BigDecimal exactArea(long[][] rings) {
        BigInteger twiceSquareMm = BigInteger.ZERO;
        for (int r = 0; r < rings.length; r++) {
            long[] ring = rings[r];
            long e0 = ring[0];
            long n0 = ring[1];
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i + 3 < ring.length; i += 2) {
                long x1 = ring[i] - e0;
                long y1 = ring[i + 1] - n0;
                long x2 = ring[i + 2] - e0;
                long y2 = ring[i + 3] - n0;
                sum = sum.add(BigInteger.valueOf(Math.multiplyExact(x1, y2)).subtract(BigInteger.valueOf(Math.multiplyExact(x2, y1))));
            }
            twiceSquareMm = r == 0 ? twiceSquareMm.add(sum.abs()) : twiceSquareMm.subtract(sum.abs());
        }
        return new BigDecimal(twiceSquareMm).divide(BigDecimal.valueOf(2)).divide(MILLION);
    }

    // ---- what a boundary tells --------------------------------------------------------------

    public SurveyCrs crs() {
        return crs;
    }

    /** The outer ring, normalised (counter-clockwise, from its smallest vertex, closed). */
    public List<Position> exterior() {
        return positions(rings[0]);
    }

    /** The holes, normalised (each clockwise, from its smallest vertex, closed), in canonical order. */
    public List<List<Position>> holes() {
        List<List<Position>> holes = new ArrayList<>();
        for (int r = 1; r < rings.length; r++) {
            holes.add(positions(rings[r]));
        }
        return List.copyOf(holes);
    }

    private static List<Position> positions(long[] ring) {
        List<Position> positions = new ArrayList<>(ring.length / 2);
        for (int i = 0; i < ring.length; i += 2) {
            positions.add(new Position(ring[i], ring[i + 1]));
        }
        return List.copyOf(positions);
    }

    /** A JTS copy of the polygon (coordinates in metres), for spatial operations; changing it changes nothing here. */
    public Polygon polygon() {
        return (Polygon) polygon.copy();
    }

    /**
     * Whether this parcel and {@code other} share a stretch of border at least {@code minimumMetres}
     * long, their edges within a centimetre of each other (the survey's millimetres, and rounding):
     * neighbours, not parcels that meet at a corner or lie apart. Boundaries in different CRSs share none.
     */
    public boolean sharesBorderWith(Boundary other, double minimumMetres) {
        if (other.crs != crs) {
            return false;
        }
        return polygon.getExteriorRing().intersection(other.polygon.buffer(0.01)).getLength() >= minimumMetres;
    }

    /** Planar area in square metres in the projected CRS, exact for the millimetre coordinates. */
    public BigDecimal areaSquareMetres() {
        return areaSquareMetres;
    }

    /** Area in acres, to 4 decimal places (the precision a title records), half up. */
    public BigDecimal areaAcres() {
        return areaSquareMetres.divide(SQUARE_METRES_PER_ACRE, 4, RoundingMode.HALF_UP);
    }

    /** Area as whole acres and decimals (1 acre = 100 decimals), the decimals to 2 places. */
    public AcresAndDecimals areaAcresAndDecimals() {
        BigDecimal decimals = areaSquareMetres.multiply(DECIMALS_PER_ACRE).divide(SQUARE_METRES_PER_ACRE, 2, RoundingMode.HALF_UP);
        BigDecimal[] split = decimals.divideAndRemainder(DECIMALS_PER_ACRE);
        return new AcresAndDecimals(split[0].longValueExact(), split[1]);
    }

    /** @param decimals 0 ≤ decimals &lt; 100, two decimal places */
    public record AcresAndDecimals(long acres, BigDecimal decimals) {
        @Override
        public String toString() {
            return acres + (acres == 1 ? " acre " : " acres ") + decimals.toPlainString() + " decimals";
        }
    }

    /**
     * Compares the surveyed area with the area a title records.
     *
     * @param recordedAcres    the recorded area, greater than zero
     * @param tolerancePercent how far (in % of the recorded area) the two may differ without a
     *                         clerk giving a reason, e.g. {@link #DEFAULT_AREA_TOLERANCE_PERCENT}
     */
    public AreaComparison compareArea(BigDecimal recordedAcres, BigDecimal tolerancePercent) {
        Objects.requireNonNull(recordedAcres, "recordedAcres");
        Objects.requireNonNull(tolerancePercent, "tolerancePercent");
        if (recordedAcres.signum() <= 0) {
            throw new IllegalArgumentException("the recorded area must be greater than zero");
        }
        if (tolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("the tolerance cannot be negative");
        }
        BigDecimal recordedSquareMetres = recordedAcres.multiply(SQUARE_METRES_PER_ACRE);
        BigDecimal difference = areaSquareMetres.subtract(recordedSquareMetres).abs();
        // Exact comparison: difference / recorded > tolerance / 100  ⇔  100 × difference > tolerance × recorded.
        boolean reasonRequired = difference.multiply(BigDecimal.valueOf(100)).compareTo(tolerancePercent.multiply(recordedSquareMetres)) > 0;
        BigDecimal percent = difference.multiply(BigDecimal.valueOf(100)).divide(recordedSquareMetres, 2, RoundingMode.HALF_UP);
        return new AreaComparison(areaAcres(), recordedAcres, percent, tolerancePercent, reasonRequired);
    }

    /**
     * @param differencePercent |surveyed − recorded| as a percentage of the recorded area, 2 places
     * @param reasonRequired    the difference is more than the tolerance: the clerk must say why
     */
    public record AreaComparison(BigDecimal surveyedAcres, BigDecimal recordedAcres, BigDecimal differencePercent,
                                 BigDecimal tolerancePercent, boolean reasonRequired) {
    }

    // ---- text forms ------------------------------------------------------------------------

    /**
     * The boundary's canonical JSON: {@code {"crs":"EPSG:5266","type":"Polygon","coordinates":[[[e,n],…],…]}},
     * members in that order, no white space, every ordinate with exactly three decimals and no
     * exponent, rings normalised as described on the class. It is also valid GeoJSON (RFC 7946
     * ignores the {@code crs} member) and {@link #parseGeoJson} reads it back to an equal value.
     */
    public String canonicalJson() {
        StringBuilder out = new StringBuilder(32 + rings.length * 64);
        out.append("{\"crs\":\"").append(crs.code()).append("\",\"type\":\"Polygon\",\"coordinates\":[");
        for (int r = 0; r < rings.length; r++) {
            if (r > 0) {
                out.append(',');
            }
            out.append('[');
            long[] ring = rings[r];
            for (int i = 0; i < ring.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('[');
                appendMetres(out, ring[i]);
                out.append(',');
                appendMetres(out, ring[i + 1]);
                out.append(']');
            }
            out.append(']');
        }
        return out.append("]}").toString();
    }

    /** WKT {@code POLYGON ((e n, …), …)} of the normalised rings, three decimals. */
    public String wkt() {
        StringBuilder out = new StringBuilder("POLYGON (");
        for (int r = 0; r < rings.length; r++) {
            out.append(r == 0 ? "(" : ", (");
            long[] ring = rings[r];
            for (int i = 0; i < ring.length; i += 2) {
                if (i > 0) {
                    out.append(", ");
                }
                appendMetres(out, ring[i]);
                out.append(' ');
                appendMetres(out, ring[i + 1]);
            }
            out.append(')');
        }
        return out.append(')').toString();
    }

    private static void appendMetres(StringBuilder out, long millimetres) {
        out.append(BigDecimal.valueOf(millimetres, 3).toPlainString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Boundary that && crs == that.crs && Arrays.deepEquals(rings, that.rings);
    }

    @Override
    public int hashCode() {
        return 31 * crs.hashCode() + Arrays.deepHashCode(rings);
    }

    @Override
    public String toString() {
        return canonicalJson();
    }
}
