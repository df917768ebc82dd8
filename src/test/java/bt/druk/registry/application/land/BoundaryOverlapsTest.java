package bt.druk.registry.application.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.BoundaryOverlaps.Entry;
import bt.druk.registry.application.land.BoundaryOverlaps.Overlap;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.SurveyCrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundaryOverlapsTest {

    private static final SurveyCrs GRID = SurveyCrs.BHUTAN_NATIONAL_GRID;
    private static final double WEST = 150_000;
    private static final double SOUTH = 2_950_000;
    private static final double SIDE = 20;
    private static final int COLUMNS = 400;
    private static final int ROWS = 250;

    /** 100 000 parcels: 20 m squares side by side, 400 columns × 250 rows, each touching its neighbours. */
    private BoundaryOverlaps national;

    private static String pin(int column, int row) {
        return String.format("BNG-%03d-%03d", row, column);
    }

    private static Boundary square(double west, double south, double side) {
        return rectangle(west, south, side, side);
    }

    private static Boundary rectangle(double west, double south, double width, double height) {
        return Boundary.of(GRID, new double[] {
            west, south, west + width, south, west + width, south + height, west, south + height, west, south});
    }

    @BeforeAll
    void indexOneHundredThousandParcels() {
        long start = System.nanoTime();
        List<Entry> parcels = new ArrayList<>(COLUMNS * ROWS);
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                parcels.add(new Entry(pin(column, row), square(WEST + column * SIDE, SOUTH + row * SIDE, SIDE)));
            }
        }
        long built = System.nanoTime();
        national = new BoundaryOverlaps(GRID, parcels);
        long indexed = System.nanoTime();
        System.out.printf("BoundaryOverlapsTest: %d boundaries made in %d ms, indexed in %d ms%n",
                parcels.size(), (built - start) / 1_000_000, (indexed - built) / 1_000_000);
    }

    @Test
    void aBoundaryAcrossFourParcelsOfOneHundredThousandFindsThoseFour() {
        assertEquals(100_000, national.size());
        // Shifted 5 m east and 5 m north of parcel (column 210, row 120): 225, 75, 75 and 25 m².
        Boundary shifted = square(WEST + 210 * SIDE + 5, SOUTH + 120 * SIDE + 5, SIDE);
        long start = System.nanoTime();
        List<Overlap> overlaps = national.overlapping(shifted, BoundaryOverlaps.DEFAULT_SLIVER_SQUARE_METRES);
        long took = System.nanoTime() - start;
        System.out.printf("BoundaryOverlapsTest: one overlap query among %d parcels took %.3f ms%n", national.size(), took / 1e6);
        assertEquals(List.of(pin(210, 120), pin(211, 120), pin(210, 121), pin(211, 121)).stream().sorted().toList(),
                overlaps.stream().map(Overlap::pin).toList());
        assertEquals(225, overlaps.stream().filter(o -> o.pin().equals(pin(210, 120))).findFirst().orElseThrow().squareMetres(), 1e-6);
        assertEquals(25, overlaps.stream().filter(o -> o.pin().equals(pin(211, 121))).findFirst().orElseThrow().squareMetres(), 1e-6);

        // The same question a thousand times, for a steadier figure (printed, not asserted).
        start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            national.overlapping(square(WEST + (i % COLUMNS) * SIDE + 5, SOUTH + (i % ROWS) * SIDE + 5, SIDE), 0.5);
        }
        System.out.printf("BoundaryOverlapsTest: 1000 queries took %.1f ms in all%n", (System.nanoTime() - start) / 1e6);
    }

    @Test
    void overlapsAtOrBelowTheSliverToleranceAreNotReported() {
        Boundary shifted = square(WEST + 210 * SIDE + 5, SOUTH + 120 * SIDE + 5, SIDE);
        assertEquals(List.of(pin(210, 120), pin(211, 120), pin(210, 121)),
                national.overlappingPins(shifted, 25, null).stream().sorted().toList());
        // A parcel surveyed 0.02 m into its eastern neighbour along its 20 m edge: 0.4 m², a sliver.
        Boundary slightlyWide = rectangle(WEST + 50 * SIDE, SOUTH + 60 * SIDE, SIDE + 0.02, SIDE);
        assertEquals(List.of(), national.overlappingPins(slightlyWide, BoundaryOverlaps.DEFAULT_SLIVER_SQUARE_METRES, pin(50, 60)));
        assertEquals(List.of(pin(51, 60)), national.overlappingPins(slightlyWide, 0.1, pin(50, 60)));
    }

    @Test
    void neighboursThatOnlyTouchDoNotOverlap() {
        Boundary sameAsOne = square(WEST + 7 * SIDE, SOUTH + 9 * SIDE, SIDE);
        assertEquals(List.of(pin(7, 9)), national.overlappingPins(sameAsOne, 0, null));
        assertEquals(List.of(), national.overlappingPins(sameAsOne, 0, pin(7, 9)));
    }

    @Test
    void aBoundaryOutsideEveryParcelOverlapsNone() {
        assertEquals(List.of(), national.overlapping(square(WEST - 100, SOUTH - 100, SIDE), 0.5));
    }

    @Test
    void holesAreNotCovered() {
        // A parcel with a 10 m hole; a boundary inside the hole overlaps nothing.
        Boundary ringParcel = Boundary.fromWkt("EPSG:5266", "POLYGON ((214000 3041900, 214100 3041900, 214100 3042000, 214000 3042000,"
                + " 214000 3041900), (214040 3041940, 214060 3041940, 214060 3041960, 214040 3041960, 214040 3041940))");
        BoundaryOverlaps index = BoundaryOverlaps.of(GRID, Map.of("TH-1", ringParcel));
        assertEquals(List.of(), index.overlapping(square(214045, 3041945, 10), 0.5));
        assertEquals(List.of("TH-1"), index.overlappingPins(square(214035, 3041945, 10), 0.5, null));
    }

    @Test
    void anIndexRefusesBoundariesInAnotherCoordinateSystem() {
        Boundary thimphuZone = Boundary.fromWkt("EPSG:5305", "POLYGON ((258500 541800, 258600 541800, 258600 541900, 258500 541900, 258500 541800))");
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> BoundaryOverlaps.of(GRID, Map.of("TH-2", thimphuZone)));
        assertEquals("The overlap index is in EPSG:5266 but parcel TH-2 is in EPSG:5305; an index holds one coordinate system"
                + " and reprojects nothing", mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> national.overlapping(thimphuZone, 0.5));
    }

    @Test
    void aPinMayBeIndexedOnce() {
        Boundary one = square(WEST, SOUTH, SIDE);
        assertThrows(IllegalArgumentException.class, () -> new BoundaryOverlaps(GRID, List.of(new Entry("A", one), new Entry("A", one))));
    }

    @Test
    void theSliverToleranceCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> national.overlapping(square(WEST, SOUTH, SIDE), -1));
        assertTrue(national.overlapping(square(WEST, SOUTH, SIDE), 0).size() == 1);
    }
}
