package bt.druk.registry.application.land;

import static bt.druk.registry.application.land.LandTests.errors;
import static bt.druk.registry.application.land.LandTests.rectangle;
import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.land.Wgs84Reprojection.LonLat;
import bt.druk.registry.infrastructure.geo.Proj4jWgs84Reprojection;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public parcel map's parcels: live ones with a surveyed boundary, by dzongkhag, bounded, without owners. */
class ParcelMapTest {

    private static final double WEST = 150_000;
    private static final double SOUTH = 2_950_000;
    /** A 100 m square: 2.4711 acres. */
    private static final String SQUARE_ACRES = "2.4711";

    private final PortalHarness h = new PortalHarness();
    private final ParcelMap map = new ParcelMap(h.parcels, h.referenceData, new Proj4jWgs84Reprojection());

    /** A 100 m square, the {@code n}th along the national grid's easting (squares never overlap). */
    private void register(String pin, String dzongkhag, String gewog, int n) {
        register(pin, dzongkhag, gewog, SQUARE_ACRES, rectangle(WEST + n * 1_000, SOUTH, 100, 100));
    }

    private void register(String pin, String dzongkhag, String gewog, String acres, String boundary) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-1", dzongkhag, gewog, new BigDecimal(acres),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1")), boundary, null));
    }

    private static List<String> pins(ParcelMap.Layer layer) {
        return layer.parcels().stream().map(MapParcel::pin).toList();
    }

    @Test
    void eachLiveParcelWithABoundaryIsShownWhereItLiesWithTheLinkToItsRecord() {
        register("MP-1", "Thimphu", "Kawang", 0);

        ParcelMap.Layer layer = map.layer(null);
        assertEquals(List.of("MP-1"), pins(layer));
        assertFalse(layer.more());
        assertEquals(ParcelMap.LIMIT, layer.limit());
        MapParcel parcel = layer.parcels().get(0);
        assertEquals("Thimphu", parcel.dzongkhag());
        assertEquals("Kawang", parcel.gewog());
        assertEquals(LandType.DRY_LAND, parcel.landType());
        assertEquals(new BigDecimal(SQUARE_ACRES), parcel.areaAcres(), "the area the title records");
        assertEquals(SurveyCrs.BHUTAN_NATIONAL_GRID, parcel.surveyedCrs());
        assertEquals("/records/land.xhtml?pin=MP-1", parcel.recordPath());
        List<LonLat> outer = parcel.outline().rings().get(0);
        assertEquals(5, outer.size(), "a closed ring of four corners");
        for (LonLat corner : outer) {
            assertTrue(corner.longitude() > 88.7 && corner.longitude() < 92.2 && corner.latitude() > 26.6 && corner.latitude() < 28.4,
                    "in Bhutan: " + corner);
        }
    }

    @Test
    void aRetiredParcelAndOneWithoutABoundaryAreLeftOut() {
        register("MP-1", "Thimphu", "Kawang", 0);
        register("MP-2", "Thimphu", "Kawang", "1.25", null);
        register("MP-3", "Thimphu", "Kawang", 2);
        h.submitter.submitDue();
        // MP-3 goes into two parcels, one surveyed: its ground is theirs now.
        h.lineage.subdivide(CLERK, new SubdivideCommand("MP-3", 1, List.of(
                new SubdivideCommand.Child("MP-31", null, null, new BigDecimal("1.2355"), null,
                        rectangle(WEST + 2_000, SOUTH, 50, 100)),
                new SubdivideCommand.Child("MP-32", null, null, new BigDecimal("1.2356"), null, null))));

        assertEquals(List.of("MP-1", "MP-31"), pins(map.layer(null)));
    }

    @Test
    void aDzongkhagNarrowsTheLayerAndANameThatIsNoDzongkhagIsRefused() {
        register("MP-1", "Thimphu", "Kawang", 0);
        register("MP-2", "Punakha", "Guma", 1);

        assertEquals(List.of("MP-2"), pins(map.layer("Punakha")));
        assertEquals("Punakha", map.layer(" Punakha ").dzongkhag());
        assertEquals(List.of("MP-1"), pins(map.layer("Thimphu")));
        assertEquals(List.of(), pins(map.layer("Gasa")));
        assertEquals(List.of("MP-1", "MP-2"), pins(map.layer(" ")), "blank: every dzongkhag");
        assertEquals(null, map.layer(null).dzongkhag());
        assertEquals(List.of("dzongkhag dzongkhag.unknown"), errors(() -> map.layer("Atlantis")));
        assertEquals(List.of("dzongkhag dzongkhag.unknown"), errors(() -> map.layer("punakha")), "named as the reference data spells it");
    }

    @Test
    void anAnswerHoldsAtMostTheBoundFirstByPinAndSaysThatThereAreMore() {
        ParcelMap boundedAtTwo = new ParcelMap(h.parcels, h.referenceData, new Proj4jWgs84Reprojection(), 2);
        register("MP-3", "Thimphu", "Kawang", 0);
        register("MP-1", "Thimphu", "Kawang", 1);
        assertEquals(List.of("MP-1", "MP-3"), pins(boundedAtTwo.layer(null)));
        assertFalse(boundedAtTwo.layer(null).more(), "exactly the bound: nothing left out");

        register("MP-2", "Thimphu", "Kawang", 2);
        ParcelMap.Layer layer = boundedAtTwo.layer("Thimphu");
        assertEquals(List.of("MP-1", "MP-2"), pins(layer));
        assertTrue(layer.more());
        assertEquals(2, layer.limit());
    }

    @Test
    void aMapParcelHoldsNothingAboutOwners() {
        assertEquals(List.of("pin", "dzongkhag", "gewog", "landType", "areaAcres", "surveyedCrs", "outline", "recordPath"),
                Arrays.stream(MapParcel.class.getRecordComponents()).map(c -> c.getName()).toList());
    }
}
