package bt.druk.registry.domain.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BoundaryTest {

    /** A 100 m square near Thimphu on the national grid (EPSG:5266), counter-clockwise from its south-west corner. */
    private static final String SQUARE_WKT =
            "POLYGON ((214000 3041900, 214100 3041900, 214100 3042000, 214000 3042000, 214000 3041900))";
    private static final String SQUARE_JSON = "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[214000.000,3041900.000],"
            + "[214100.000,3041900.000],[214100.000,3042000.000],[214000.000,3042000.000],[214000.000,3041900.000]]]}";

    private static List<FieldError> problems(String crs, String geoJson) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Boundary boundary = Boundary.parseGeoJson(errors, "boundary", crs, geoJson);
        try {
            errors.throwIfAny();
            throw new AssertionError("expected problems, got " + boundary);
        } catch (ValidationException e) {
            assertNull(boundary);
            return e.errors();
        }
    }

    private static List<FieldError> wktProblems(String crs, String wkt) {
        ValidationException e = assertThrows(ValidationException.class, () -> Boundary.fromWkt(crs, wkt));
        return e.errors();
    }

    private static String polygon(String... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
    }

    private static FieldError only(List<FieldError> errors) {
        assertEquals(1, errors.size(), () -> "one problem expected: " + errors);
        return errors.get(0);
    }

    @Nested
    class Reading {

        @Test
        void geoJsonAndWktOfOnePolygonAreEqual() {
            Boundary fromWkt = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            Boundary fromJson = Boundary.fromGeoJson("EPSG:5266",
                    polygon("[[214000,3041900],[214100,3041900],[214100,3042000],[214000,3042000],[214000,3041900]]"));
            assertEquals(fromWkt, fromJson);
            assertEquals(fromWkt.hashCode(), fromJson.hashCode());
            assertEquals(SurveyCrs.BHUTAN_NATIONAL_GRID, fromWkt.crs());
        }

        @Test
        void theCanonicalJsonReadsBackToAnEqualBoundaryTakingItsCrsFromTheText() {
            Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            Boundary again = Boundary.fromGeoJson(null, square.canonicalJson());
            assertEquals(square, again);
            assertEquals(square.canonicalJson(), again.canonicalJson());
        }

        @Test
        void aGeoJson2008NamedCrsIsUnderstood() {
            Boundary named = Boundary.fromGeoJson(null, "{\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                    + "\"urn:ogc:def:crs:EPSG::5266\"}},\"coordinates\":[[[214000,3041900],[214100,3041900],[214100,3042000],"
                    + "[214000,3042000],[214000,3041900]]]}");
            assertEquals(Boundary.fromWkt("EPSG:5266", SQUARE_WKT), named);
        }

        @Test
        void wktKeywordsInAnyCaseAndLooseSpacingAreRead() {
            Boundary loose = Boundary.fromWkt("epsg:5266",
                    "  polygon((214000 3041900,214100 3041900 , 214100 3042000,214000 3042000,214000 3041900))  ");
            assertEquals(Boundary.fromWkt("EPSG:5266", SQUARE_WKT), loose);
        }

        @Test
        void theWktFormRoundTrips() {
            Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            assertEquals("POLYGON ((214000.000 3041900.000, 214100.000 3041900.000, 214100.000 3042000.000, "
                    + "214000.000 3042000.000, 214000.000 3041900.000))", square.wkt());
            assertEquals(square, Boundary.fromWkt("EPSG:5266", square.wkt()));
        }
    }

    @Nested
    class Millimetres {

        @Test
        void ordinatesAreRoundedToTheMillimetreHalfUpFromTheTextAsWritten() {
            Boundary b = Boundary.fromWkt("EPSG:5266", "POLYGON ((214000.0004 3041900.0005, 214100.00049999 3041900.4994999,"
                    + " 214100.9995 3042000, 214000 3042000, 214000.0004 3041900.0005))");
            List<Boundary.Position> ring = b.exterior();
            assertEquals(new Boundary.Position(214_000_000L, 3_041_900_001L), ring.get(0));
            assertEquals(new Boundary.Position(214_100_000L, 3_041_900_499L), ring.get(1));
            assertEquals(new Boundary.Position(214_101_000L, 3_042_000_000L), ring.get(2));
            assertEquals(new BigDecimal("214101.000"), ring.get(2).eastingMetres());
        }

        @Test
        void boundariesEqualToTheMillimetreAreEqual() {
            Boundary a = Boundary.of(SurveyCrs.BHUTAN_NATIONAL_GRID, new double[] {
                214000.0001, 3041900, 214100, 3041900, 214100, 3042000.0004, 214000, 3042000, 214000.0001, 3041900});
            Boundary b = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            assertEquals(b, a);
            assertEquals(b.canonicalJson(), a.canonicalJson());
        }

        @Test
        void aPointThatRoundsOntoTheOneBeforeItIsDropped() {
            Boundary b = Boundary.fromWkt("EPSG:5266", "POLYGON ((214000 3041900, 214100 3041900, 214100.0003 3041900.0002,"
                    + " 214100 3042000, 214000 3042000, 214000 3041900))");
            assertEquals(Boundary.fromWkt("EPSG:5266", SQUARE_WKT), b);
            assertEquals(5, b.exterior().size());
        }
    }

    @Nested
    class CanonicalJson {

        @Test
        void hasFixedMembersThreeDecimalsAndStartsCounterClockwiseAtTheSmallestVertex() {
            assertEquals(SQUARE_JSON, Boundary.fromWkt("EPSG:5266", SQUARE_WKT).canonicalJson());
        }

        @Test
        void isTheSameFromAnotherStartVertexAndTheOtherOrientation() {
            String fromNorthEastClockwise = "POLYGON ((214100 3042000, 214100 3041900, 214000 3041900, 214000 3042000, 214100 3042000))";
            String fromSouthEastCounterClockwise = "POLYGON ((214100 3041900, 214100 3042000, 214000 3042000, 214000 3041900, 214100 3041900))";
            assertEquals(SQUARE_JSON, Boundary.fromWkt("EPSG:5266", fromNorthEastClockwise).canonicalJson());
            assertEquals(SQUARE_JSON, Boundary.fromWkt("EPSG:5266", fromSouthEastCounterClockwise).canonicalJson());
        }

        @Test
        void theSmallestVertexIsTheSmallestEastingThenTheSmallestNorthing() {
            // A pentagon whose westmost edge is vertical: two vertices share the smallest easting.
            Boundary b = Boundary.fromWkt("EPSG:5266",
                    "POLYGON ((214050 3042050, 214000 3042000, 214000 3041900, 214100 3041900, 214100 3042000, 214050 3042050))");
            assertEquals(new Boundary.Position(214_000_000L, 3_041_900_000L), b.exterior().get(0));
            assertEquals(new Boundary.Position(214_100_000L, 3_041_900_000L), b.exterior().get(1));
        }

        @Test
        void holesRunClockwiseInTheOrderOfTheirSmallestVertexWhateverOrderTheyCameIn() {
            String outer = "(214000 3041900, 214100 3041900, 214100 3042000, 214000 3042000, 214000 3041900)";
            String west = "(214010 3041910, 214020 3041910, 214020 3041920, 214010 3041920, 214010 3041910)"; // counter-clockwise
            String east = "(214080 3041950, 214080 3041960, 214090 3041960, 214090 3041950, 214080 3041950)"; // clockwise
            Boundary a = Boundary.fromWkt("EPSG:5266", "POLYGON (" + outer + ", " + west + ", " + east + ")");
            Boundary b = Boundary.fromWkt("EPSG:5266", "POLYGON (" + outer + ", " + east + ", " + west + ")");
            assertEquals(a, b);
            assertEquals(a.canonicalJson(), b.canonicalJson());
            assertEquals("{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":["
                    + "[[214000.000,3041900.000],[214100.000,3041900.000],[214100.000,3042000.000],[214000.000,3042000.000],[214000.000,3041900.000]],"
                    + "[[214010.000,3041910.000],[214010.000,3041920.000],[214020.000,3041920.000],[214020.000,3041910.000],[214010.000,3041910.000]],"
                    + "[[214080.000,3041950.000],[214080.000,3041960.000],[214090.000,3041960.000],[214090.000,3041950.000],[214080.000,3041950.000]]]}",
                    a.canonicalJson());
        }

        @Test
        void printsNegativeAndSmallOrdinatesWithoutAnExponent() {
            // Mongar TM's eastings in Bhutan start below zero.
            Boundary b = Boundary.fromWkt("EPSG:5298",
                    "POLYGON ((-0.5 500000, 0.001 500000, 0.001 500000.01, -0.5 500000.01, -0.5 500000))");
            assertEquals("{\"crs\":\"EPSG:5298\",\"type\":\"Polygon\",\"coordinates\":[[[-0.500,500000.000],[0.001,500000.000],"
                    + "[0.001,500000.010],[-0.500,500000.010],[-0.500,500000.000]]]}", b.canonicalJson());
        }

        @Test
        void differsBetweenCoordinateSystems() {
            Boundary national = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            Boundary thimphu = Boundary.fromWkt("EPSG:5305",
                    "POLYGON ((258500 541800, 258600 541800, 258600 541900, 258500 541900, 258500 541800))");
            assertNotEquals(national.canonicalJson().substring(0, 20), thimphu.canonicalJson().substring(0, 20));
        }
    }

    @Nested
    class Problems {

        @Test
        void aMissingBoundaryIsRequired() {
            FieldError e = only(problems("EPSG:5266", "  "));
            assertEquals("boundary", e.field());
            assertEquals("required", e.code());
            assertEquals("Enter the parcel boundary", e.message());
        }

        @Test
        void textThatIsNotAGeoJsonPolygonCannotBeRead() {
            assertEquals("boundary.format", only(problems("EPSG:5266", "{\"type\":")).code());
            FieldError multi = only(problems("EPSG:5266", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}"));
            assertEquals("boundary", multi.field());
            assertEquals("The boundary cannot be read: its \"type\" must be \"Polygon\" (one parcel is one polygon), not MultiPolygon",
                    multi.message());
            FieldError height = only(problems("EPSG:5266", polygon("[[214000,3041900,2300],[214100,3041900,2300]]")));
            assertEquals("The boundary cannot be read: each position must be two numbers, [easting, northing]; found [214000,3041900,2300]",
                    height.message());
        }

        @Test
        void wktThatIsNotAPolygonCannotBeRead() {
            assertEquals("The boundary cannot be read: WKT for a parcel must start with POLYGON, not LINESTRING",
                    only(wktProblems("EPSG:5266", "LINESTRING (0 0, 1 1)")).message());
            assertEquals("The boundary cannot be read: give two ordinates per point (easting northing), without Z",
                    only(wktProblems("EPSG:5266", "POLYGON Z ((0 0 0, 1 1 1))")).message());
            assertEquals("The boundary cannot be read: expected a number at character 33 of the WKT",
                    only(wktProblems("EPSG:5266", "POLYGON ((214000 3041900, 214100")).message());
        }

        @Test
        void numbersNoCoordinateCouldBeAreRefusedBeforeAnyArithmetic() {
            FieldError huge = only(wktProblems("EPSG:5266", "POLYGON ((214000 3041900, 1e999999999 3041900, 214100 3042000, 214000 3041900))"));
            assertEquals("boundary.coordinates[0]", huge.field());
            assertEquals("boundary.format", huge.code());
            assertEquals("Point 2 of the outer ring has 1E+999999999, which is not a coordinate in metres", huge.message());
            FieldError tiny = only(problems("EPSG:5266", polygon("[[214000,3041900],[214100,1e-999999999],[214100,3042000],[214000,3041900]]")));
            assertEquals("boundary.format", tiny.code());
        }

        @Test
        void theCoordinateSystemIsRequired() {
            FieldError e = only(problems(null, polygon("[[214000,3041900],[214100,3041900],[214100,3042000],[214000,3041900]]")));
            assertEquals("boundary.crs", e.field());
            assertEquals("boundary.crs.required", e.code());
            assertEquals("Choose the coordinate system the boundary was surveyed in", e.message());
        }

        @Test
        void anUnknownCoordinateSystemIsNamedWithTheOnesThatMayBeUsed() {
            FieldError e = only(problems("EPSG:4326", polygon("[[89.6,27.4],[89.7,27.4],[89.7,27.5],[89.6,27.4]]")));
            assertEquals("boundary.crs", e.field());
            assertEquals("boundary.crs.unknown", e.code());
            assertTrue(e.message().startsWith("EPSG:4326 is not a coordinate system that Bhutan's surveys use; use one of "
                    + "EPSG:5266 (DRUKREF 03 / Bhutan National Grid), EPSG:5292 (DRUKREF 03 / Bumthang TM)"), e.message());
            assertTrue(e.message().endsWith("EPSG:11341 (DrukRef23 / BNG2023)"), e.message());
            assertEquals(List.of("EPSG:4326"), e.arguments());
        }

        @Test
        void aCoordinateSystemChosenAndAnotherNamedInTheTextConflict() {
            FieldError e = only(problems("EPSG:5305", SQUARE_JSON));
            assertEquals("boundary.crs.conflict", e.code());
            assertEquals("The boundary text names EPSG:5266 but EPSG:5305 was chosen; give one coordinate system", e.message());
        }

        @Test
        void aRingMustBeClosed() {
            FieldError e = only(problems("EPSG:5266", polygon("[[214000,3041900],[214100,3041900],[214100,3042000],[214000,3042000]]")));
            assertEquals("boundary.coordinates[0]", e.field());
            assertEquals("boundary.ring.not-closed", e.code());
            assertEquals("The outer ring is not closed: its last point must repeat its first (E 214000.000, N 3041900.000)", e.message());
        }

        @Test
        void aRingNeedsFourPoints() {
            FieldError e = only(problems("EPSG:5266", polygon("[[214000,3041900],[214100,3041900],[214000,3041900]]")));
            assertEquals("boundary.coordinates[0]", e.field());
            assertEquals("boundary.ring.too-few-points", e.code());
            assertEquals("The outer ring has 3 points; a ring needs at least 4: three corners, then the first point again"
                    + " (a point repeating the one before it counts once)", e.message());
        }

        @Test
        void aHoleIsNamedByItsNumber() {
            FieldError e = only(problems("EPSG:5266", polygon(
                    "[[214000,3041900],[214100,3041900],[214100,3042000],[214000,3042000],[214000,3041900]]",
                    "[[214010,3041910],[214020,3041910],[214020,3041920],[214010,3041920]]")));
            assertEquals("boundary.coordinates[1]", e.field());
            assertEquals("Hole 1 is not closed: its last point must repeat its first (E 214010.000, N 3041910.000)", e.message());
        }

        @Test
        void aBoundaryThatCrossesItselfIsRefusedWithWhere() {
            // A bow tie: the edges cross at (214050, 3041950).
            FieldError e = only(wktProblems("EPSG:5266",
                    "POLYGON ((214000 3041900, 214100 3042000, 214100 3041900, 214000 3042000, 214000 3041900))"));
            assertEquals("boundary.coordinates", e.field());
            assertEquals("boundary.self-intersection", e.code());
            assertEquals("The boundary crosses or touches itself near E 214050.000, N 3041950.000;"
                    + " a parcel's edges may meet only at their shared corners", e.message());
        }

        @Test
        void aHoleOutsideTheOuterRingIsRefused() {
            FieldError e = only(wktProblems("EPSG:5266", "POLYGON ((214000 3041900, 214100 3041900, 214100 3042000, 214000 3042000,"
                    + " 214000 3041900), (214200 3041900, 214210 3041900, 214210 3041910, 214200 3041900))"));
            assertEquals("boundary.hole-outside", e.code());
            assertTrue(e.message().startsWith("A hole lies outside the outer ring near E 214"), e.message());
        }

        @Test
        void northingsGivenFirstAreRecognisedAsTheWrongAxisOrder() {
            FieldError e = only(problems("EPSG:5266",
                    polygon("[[3041900,214000],[3041900,214100],[3042000,214100],[3042000,214000],[3041900,214000]]")));
            assertEquals("boundary.coordinates", e.field());
            assertEquals("boundary.axis-order", e.code());
            assertEquals("The coordinates look like [northing, easting]: give each point as [easting, northing]"
                    + " (in EPSG:5266 eastings in Bhutan are 120,508–469,161 m and northings 2,943,310–3,144,741 m)", e.message());
        }

        @Test
        void aPointOutsideBhutanIsNamed() {
            FieldError e = only(wktProblems("EPSG:5266",
                    "POLYGON ((214000 3041900, 514100 3041900, 214100 3042000, 214000 3042000, 214000 3041900))"));
            assertEquals("boundary.coordinates[0]", e.field());
            assertEquals("boundary.outside-bhutan", e.code());
            assertEquals("Point 2 of the outer ring (E 514100.000, N 3041900.000) is outside Bhutan in EPSG:5266 DRUKREF 03 /"
                    + " Bhutan National Grid, where eastings are 120,508–469,161 m and northings 2,943,310–3,144,741 m;"
                    + " check the coordinate system and the numbers", e.message());
        }

        @Test
        void zoneCoordinatesGivenOnTheNationalGridAreOutsideBhutan() {
            // Thimphu TM eastings/northings with the national grid chosen: the usual mistake of a wrong CRS.
            FieldError e = only(wktProblems("EPSG:5266",
                    "POLYGON ((258500 541800, 258600 541800, 258600 541900, 258500 541900, 258500 541800))"));
            assertEquals("boundary.outside-bhutan", e.code());
        }

        @Test
        void everyProblemOfOneBoundaryIsReportedTogether() {
            List<FieldError> errors = problems("EPSG:9999", polygon(
                    "[[214000,3041900],[214100,3041900],[214100,3042000],[214000,3042000]]",
                    "[[214010,3041910],[214020,3041910],[214010,3041910]]"));
            assertEquals(List.of("boundary.crs.unknown", "boundary.ring.not-closed", "boundary.ring.too-few-points"),
                    errors.stream().map(FieldError::code).toList());
        }
    }

    @Nested
    class Area {

        @Test
        void aHundredMetreSquareIsTenThousandSquareMetres() {
            Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            assertEquals(0, new BigDecimal("10000").compareTo(square.areaSquareMetres()));
            // 10000 / 4046.8564224 = 2.471053…
            assertEquals(new BigDecimal("2.4711"), square.areaAcres());
            assertEquals("2 acres 47.11 decimals", square.areaAcresAndDecimals().toString());
            assertEquals(2, square.areaAcresAndDecimals().acres());
            assertEquals(new BigDecimal("47.11"), square.areaAcresAndDecimals().decimals());
        }

        @Test
        void isExactToTheHalfSquareMillimetre() {
            // A right triangle with legs 100.001 m and 50 m: 2500.025 m².
            Boundary triangle = Boundary.fromWkt("EPSG:5266", "POLYGON ((214000 3041900, 214100.001 3041900, 214000 3041950, 214000 3041900))");
            assertEquals(new BigDecimal("2500.025"), triangle.areaSquareMetres().stripTrailingZeros());
            Boundary sliver = Boundary.fromWkt("EPSG:5266", "POLYGON ((214000 3041900, 214000.001 3041900, 214000 3041900.001, 214000 3041900))");
            assertEquals(new BigDecimal("0.0000005"), sliver.areaSquareMetres());
        }

        @Test
        void holesAreTakenAway() {
            Boundary withHole = Boundary.fromWkt("EPSG:5266", "POLYGON ((214000 3041900, 214100 3041900, 214100 3042000, 214000 3042000,"
                    + " 214000 3041900), (214010 3041910, 214020 3041910, 214020 3041920, 214010 3041920, 214010 3041910))");
            assertEquals(0, new BigDecimal("9900").compareTo(withHole.areaSquareMetres()));
        }

        @Test
        void aSmallPlotIsLessThanOneAcre() {
            // 20 m × 25.3 m = 506 m² = 0.1250 acre = 12.50 decimals.
            Boundary plot = Boundary.fromWkt("EPSG:5305", "POLYGON ((258500 541800, 258520 541800, 258520 541825.3, 258500 541825.3, 258500 541800))");
            assertEquals(new BigDecimal("0.1250"), plot.areaAcres());
            assertEquals("0 acres 12.50 decimals", plot.areaAcresAndDecimals().toString());
        }
    }

    @Nested
    class AreaTolerance {

        /** 100.584 m × 1056.132 m = 106 229.981088 m² = exactly 25 acres + 5 %. */
        private final Boundary fivePercentOverTwentyFiveAcres = Boundary.fromWkt("EPSG:5266",
                "POLYGON ((214000 3041000, 214100.584 3041000, 214100.584 3042056.132, 214000 3042056.132, 214000 3041000))");

        @Test
        void aDifferenceExactlyAtTheToleranceNeedsNoReason() {
            Boundary.AreaComparison c = fivePercentOverTwentyFiveAcres.compareArea(new BigDecimal("25"), Boundary.DEFAULT_AREA_TOLERANCE_PERCENT);
            assertEquals(new BigDecimal("5.00"), c.differencePercent());
            assertEquals(new BigDecimal("26.2500"), c.surveyedAcres());
            assertFalse(c.reasonRequired());
        }

        @Test
        void aDifferenceOverTheToleranceNeedsAReason() {
            assertTrue(fivePercentOverTwentyFiveAcres.compareArea(new BigDecimal("25"), new BigDecimal("4.99")).reasonRequired());
            Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT); // 2.471 acres
            Boundary.AreaComparison recordedSmaller = square.compareArea(new BigDecimal("2.35"), Boundary.DEFAULT_AREA_TOLERANCE_PERCENT);
            assertEquals(new BigDecimal("5.15"), recordedSmaller.differencePercent());
            assertTrue(recordedSmaller.reasonRequired());
            Boundary.AreaComparison recordedLarger = square.compareArea(new BigDecimal("2.6"), Boundary.DEFAULT_AREA_TOLERANCE_PERCENT);
            assertEquals(new BigDecimal("4.96"), recordedLarger.differencePercent());
            assertFalse(recordedLarger.reasonRequired());
        }

        @Test
        void theToleranceIsTheCallersToChoose() {
            Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            assertFalse(square.compareArea(new BigDecimal("2.35"), new BigDecimal("10")).reasonRequired());
            assertTrue(square.compareArea(new BigDecimal("2.4711"), BigDecimal.ZERO).reasonRequired());
        }

        @Test
        void aRecordedAreaMustBePositive() {
            Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
            assertThrows(IllegalArgumentException.class, () -> square.compareArea(BigDecimal.ZERO, Boundary.DEFAULT_AREA_TOLERANCE_PERCENT));
        }
    }

    @Test
    void theJtsPolygonHandedOutIsACopy() {
        Boundary square = Boundary.fromWkt("EPSG:5266", SQUARE_WKT);
        square.polygon().getCoordinates()[0].x = 0;
        assertEquals(SQUARE_JSON, square.canonicalJson());
        assertEquals(10_000, square.polygon().getArea(), 1e-9);
    }
}
