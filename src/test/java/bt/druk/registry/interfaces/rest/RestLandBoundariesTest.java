package bt.druk.registry.interfaces.rest;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.LiveBoundaries;
import bt.druk.registry.application.land.ParcelBoundaries;
import bt.druk.registry.application.land.ParcelMap;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.infrastructure.geo.Proj4jWgs84Reprojection;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * First registration with a surveyed boundary over the API (its checks, the area against the
 * recorded one, overlaps with registered parcels), the public read of the boundary and the map's
 * collection of boundaries, over the hand-wired portal: each answer as a client gets it, the
 * resource's or the exception mapper's.
 */
class RestLandBoundariesTest {

    private final PortalHarness h = new PortalHarness();
    private final ApiExceptionMapper mapper = new ApiExceptionMapper();

    /** South-west corner of the test parcels in EPSG:5266 (Bhutan National Grid), metres. */
    private static final double WEST = 150_000;
    private static final double SOUTH = 2_950_000;
    /** A 100 m square is 10 000 m², 2.4711 acres. */
    private static final String SQUARE_ACRES = "2.4711";

    private static final String TITLE = """
            {"pin":"%s","thramNo":"t-1","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":"%s","landType":"DRY_LAND",
             "owners":[{"name":"Karma Wangchuk","cid":"10101001234","share":"1"}]%s}""";

    private record Answer(int status, String type, String text) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }

        List<String> errors() {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field") + " " + e.getString("code")).toList();
        }

        String message(String code) {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("code").equals(code)).findFirst().orElseThrow().getString("message");
        }
    }

    private Answer call(Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            response = mapper.toResponse(e);
        }
        return new Answer(response.getStatus(), response.getMediaType() == null ? null : response.getMediaType().toString(),
                (String) response.getEntity());
    }

    private LandTitleResource land() {
        LandTitleResource resource = new LandTitleResource();
        resource.titles = h.land;
        resource.staff = new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.of(CLERK);
            }
        };
        return resource;
    }

    private ParcelBoundaryResource parcels() {
        ParcelBoundaryResource resource = new ParcelBoundaryResource();
        resource.boundaries = new ParcelBoundaries(h.parcels);
        resource.reprojection = new Proj4jWgs84Reprojection();
        resource.map = new ParcelMap(h.parcels, h.referenceData, resource.reprojection);
        return resource;
    }

    private static String square(double west, double south, double side) {
        return rectangle(west, south, side, side);
    }

    private static String rectangle(double west, double south, double width, double height) {
        double east = west + width;
        double north = south + height;
        return "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(west, south, east, south, east, north, west, north, west, south);
    }

    private Answer register(String pin, String acres, String extra) {
        return call(() -> land().register(TITLE.formatted(pin, acres, extra)));
    }

    private Answer registerWithBoundary(String pin, String acres, String boundary) {
        return register(pin, acres, ",\"boundary\":" + boundary);
    }

    private JsonObject document(String pin) {
        String canonical = h.records.versionsOf("land-title:" + pin).get(0).canonicalJson();
        try (JsonReader reader = Json.createReader(new StringReader(canonical))) {
            return reader.readObject().getJsonObject("data");
        }
    }

    private boolean nothingStored(String pin) {
        return h.records.versionsOf("land-title:" + pin).isEmpty() && h.parcels.findByPin(pin).isEmpty();
    }

    @Test
    void aTitleWithAValidBoundaryIsStoredWithItInItsDocumentAndItsSearchRow() {
        Answer answer = registerWithBoundary("BD-1", SQUARE_ACRES, square(WEST, SOUTH, 100));
        assertEquals(202, answer.status(), answer.text());

        Boundary expected = Boundary.fromGeoJson(null, square(WEST, SOUTH, 100));
        JsonObject parcel = document("BD-1").getJsonObject("parcel");
        assertEquals(Boundary.fromGeoJson(null, parcel.getJsonObject("boundary").toString()), expected);
        assertEquals("EPSG:5266", parcel.getJsonObject("boundary").getString("crs"));
        assertFalse(document("BD-1").getJsonObject("event").getJsonObject("details").containsKey("areaReason"),
                "within the tolerance no reason is needed or kept");
        assertEquals(expected, h.parcels.findByPin("BD-1").orElseThrow().boundary().orElseThrow());
        assertEquals("EPSG:5266", h.parcels.findByPin("BD-1").orElseThrow().boundaryCrs());
    }

    @Test
    void eachProblemOfTheBoundaryReachesTheCallerWithItsFieldAndNothingIsStored() {
        assertEquals(List.of("boundary type"), registerWithBoundary("BX-1", SQUARE_ACRES, "\"POLYGON ((1 2, 3 4))\"").errors());
        assertEquals(List.of("boundary.crs boundary.crs.required"), registerWithBoundary("BX-2", SQUARE_ACRES,
                square(WEST, SOUTH, 100).replace("\"crs\":\"EPSG:5266\",", "")).errors());
        assertEquals(List.of("boundary.crs boundary.crs.unknown"), registerWithBoundary("BX-3", SQUARE_ACRES,
                square(WEST, SOUTH, 100).replace("EPSG:5266", "EPSG:4326")).errors());
        String open = "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[150000,2950000],[150100,2950000],"
                + "[150100,2950100],[150000,2950100]]]}";
        assertEquals(List.of("boundary.coordinates[0] boundary.ring.not-closed"), registerWithBoundary("BX-4", SQUARE_ACRES, open).errors());
        String bowTie = "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[150000,2950000],[150100,2950100],"
                + "[150100,2950000],[150000,2950100],[150000,2950000]]]}";
        Answer crossed = registerWithBoundary("BX-5", SQUARE_ACRES, bowTie);
        assertEquals(400, crossed.status(), crossed.text());
        assertTrue(crossed.errors().stream().allMatch(e -> e.startsWith("boundary")) && crossed.errors().size() == 1, crossed.errors().toString());
        Answer outside = registerWithBoundary("BX-6", SQUARE_ACRES, square(10, 20, 100));
        assertTrue(outside.errors().get(0).startsWith("boundary"), outside.errors().toString());
        assertEquals(List.of("areaReason areaReason.without-boundary"), register("BX-7", SQUARE_ACRES, ",\"areaReason\":\"resurveyed\"").errors());
        for (int i = 1; i <= 7; i++) {
            assertTrue(nothingStored("BX-" + i), "BX-" + i + " stored nothing");
        }
    }

    @Test
    void anAreaOffByMoreThanTheToleranceNeedsAReasonWhichTheDocumentKeeps() {
        Answer refused = registerWithBoundary("AR-1", "2", square(WEST, SOUTH, 100));
        assertEquals(400, refused.status(), refused.text());
        assertEquals(List.of("areaReason boundary.area-mismatch"), refused.errors());
        String message = refused.message("boundary.area-mismatch");
        assertTrue(message.contains("2.4711 acres") && message.contains("23.55 %") && message.contains("5 %"), message);
        assertTrue(nothingStored("AR-1"));

        Answer withReason = register("AR-1", "2", ",\"boundary\":" + square(WEST, SOUTH, 100)
                + ",\"areaReason\":\"Thram area from the 1984 cadastre; 2023 resurvey\"");
        assertEquals(202, withReason.status(), withReason.text());
        assertEquals("Thram area from the 1984 cadastre; 2023 resurvey",
                document("AR-1").getJsonObject("event").getJsonObject("details").getString("areaReason"));

        // 4.9 % off passes without a reason.
        assertEquals(202, registerWithBoundary("AR-2", "2.3555", square(WEST + 1000, SOUTH, 100)).status());
    }

    @Test
    void aBoundaryOverlappingRegisteredParcelsIsRefusedNamingTheirPins() {
        assertEquals(202, registerWithBoundary("OV-1", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());
        assertEquals(202, registerWithBoundary("OV-2", SQUARE_ACRES, square(WEST + 100, SOUTH, 100)).status(), "touching is no overlap");

        Answer across = registerWithBoundary("OV-3", SQUARE_ACRES, square(WEST + 50, SOUTH + 50, 100));
        assertEquals(400, across.status(), across.text());
        assertEquals(List.of("boundary boundary.overlap"), across.errors());
        String message = across.message("boundary.overlap");
        assertTrue(message.contains("OV-1 (2500.00 m²)") && message.contains("OV-2 (2500.00 m²)"), message);
        assertTrue(nothingStored("OV-3"));
    }

    @Test
    void aSliverUnderTheToleranceIsAcceptedAndOneOverItRefused() {
        assertEquals(202, registerWithBoundary("SL-1", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());
        // 100 m × 4 mm = 0.4 m² over SL-1's northern edge.
        Answer sliver = registerWithBoundary("SL-2", SQUARE_ACRES, square(WEST, SOUTH + 99.996, 100));
        assertEquals(202, sliver.status(), sliver.text());
        // 100 m × 6 mm = 0.6 m² over SL-1's eastern edge.
        Answer over = registerWithBoundary("SL-3", SQUARE_ACRES, square(WEST + 99.994, SOUTH, 100));
        assertEquals(List.of("boundary boundary.overlap"), over.errors());
        assertTrue(over.message("boundary.overlap").contains("SL-1 (0.60 m²)"), over.text());
    }

    @Test
    void aFreshIndexLoadsTheRegisteredBoundariesAndDropsWhatNoRowHolds() {
        assertEquals(202, registerWithBoundary("IX-1", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());
        Boundary across = Boundary.fromGeoJson(null, square(WEST + 50, SOUTH + 50, 100));

        LiveBoundaries afterRestart = new LiveBoundaries(h.parcels);
        assertEquals(1, afterRestart.size(SurveyCrs.BHUTAN_NATIONAL_GRID));
        assertEquals(List.of("IX-1"), afterRestart.overlapping(across, 0.5, null).stream().map(o -> o.pin()).toList());

        // A registration whose transaction rolled back after the projection ran leaves no row.
        afterRestart.changed("GHOST-1", null, Boundary.fromGeoJson(null, square(WEST + 60, SOUTH + 60, 10)));
        assertEquals(List.of("IX-1"), afterRestart.overlapping(across, 0.5, null).stream().map(o -> o.pin()).toList());
    }

    @Test
    void aTitleThatIsNoLongerCurrentNoLongerBlocksItsGround() {
        assertEquals(202, registerWithBoundary("GONE-1", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());
        assertEquals(List.of("boundary boundary.overlap"),
                registerWithBoundary("GONE-2", SQUARE_ACRES, square(WEST + 10, SOUTH + 10, 100)).errors());
        // As when the ledger refuses the title's only version: the projection drops the row and the index the boundary.
        h.projections.get(0).currentVersionChanged("land-title:GONE-1", Optional.empty());
        assertEquals(0, h.liveBoundaries.size(SurveyCrs.BHUTAN_NATIONAL_GRID));
        assertEquals(202, registerWithBoundary("GONE-2", SQUARE_ACRES, square(WEST + 10, SOUTH + 10, 100)).status());
    }

    @Test
    void theBoundaryIsReadInWgs84ByDefaultAndAsSurveyedOnRequestWithoutOwners() {
        assertEquals(202, registerWithBoundary("GB-1", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());

        Answer wgs84 = call(() -> parcels().boundary("gb-1", null));
        assertEquals(200, wgs84.status(), wgs84.text());
        assertEquals(ParcelBoundaryResource.GEO_JSON, wgs84.type());
        assertFalse(wgs84.text().contains("Karma") || wgs84.text().contains("10101001234"), wgs84.text());
        JsonObject feature = wgs84.json();
        assertEquals("Feature", feature.getString("type"));
        assertEquals("GB-1", feature.getJsonObject("properties").getString("pin"));
        assertEquals("EPSG:5266", feature.getJsonObject("properties").getString("surveyedCrs"));
        assertFalse(feature.getJsonObject("geometry").containsKey("crs"), "RFC 7946: WGS 84 is implied");
        JsonArray corner = feature.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).getJsonArray(0);
        double longitude = corner.getJsonNumber(0).doubleValue();
        double latitude = corner.getJsonNumber(1).doubleValue();
        assertTrue(longitude > 88.7 && longitude < 92.2 && latitude > 26.6 && latitude < 28.4,
                "[lon, lat] in Bhutan: " + corner);
        assertEquals(wgs84.text(), call(() -> parcels().boundary("GB-1", "wgs84")).text());

        Answer surveyed = call(() -> parcels().boundary("GB-1", "surveyed"));
        assertEquals(200, surveyed.status(), surveyed.text());
        assertEquals(ApiJson.JSON, surveyed.type());
        JsonObject geometry = surveyed.json().getJsonObject("geometry");
        assertEquals(Boundary.fromGeoJson(null, square(WEST, SOUTH, 100)).canonicalJson(), geometry.toString());
        assertEquals(202, registerWithBoundary("GB-2", SQUARE_ACRES, geometry.toString()
                .replace("150000.000", "151000.000").replace("150100.000", "151100.000")).status(),
                "what the read gives is what a registration takes");
    }

    @Test
    void anUnknownParcelAParcelWithoutBoundaryAndAnUnknownCrsAreClearProblems() {
        Answer unknown = call(() -> parcels().boundary("NO-SUCH-1", null));
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.type());
        assertEquals("No parcel with PIN NO-SUCH-1", unknown.json().getString("detail"));

        assertEquals(202, register("NB-1", "1.25", "").status());
        Answer none = call(() -> parcels().boundary("NB-1", null));
        assertEquals(404, none.status());
        assertEquals("Parcel NB-1 has no surveyed boundary recorded", none.json().getString("detail"));
        assertTrue(document("NB-1").getJsonObject("parcel").containsKey("boundary") == false, "no boundary member without one");

        assertEquals(202, registerWithBoundary("NB-2", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());
        Answer badCrs = call(() -> parcels().boundary("NB-2", "EPSG:5266"));
        assertEquals(400, badCrs.status());
        assertTrue(badCrs.json().getString("detail").contains("surveyed"), badCrs.text());
    }

    @Test
    void theParcelsOfADzongkhagAreAFeatureCollectionInWgs84WithLinksToTheirRecordsAndNoOwners() {
        assertEquals(202, registerWithBoundary("MAP-1", SQUARE_ACRES, square(WEST, SOUTH, 100)).status());
        assertEquals(202, register("MAP-2", "1.25", "").status(), "no boundary: not on the map");
        assertEquals(202, call(() -> land().register(TITLE.formatted("MAP-3", SQUARE_ACRES, ",\"boundary\":" + square(WEST + 1_000, SOUTH, 100))
                .replace("\"Thimphu\",\"gewog\":\"Kawang\"", "\"Punakha\",\"gewog\":\"Guma\""))).status());

        Response response = parcels().boundaries("Thimphu");
        assertEquals("public, max-age=60", response.getHeaderString(HttpHeaders.CACHE_CONTROL), "cacheable briefly, like one boundary");
        Answer thimphu = call(() -> parcels().boundaries("Thimphu"));
        assertEquals(200, thimphu.status(), thimphu.text());
        assertEquals(ParcelBoundaryResource.GEO_JSON, thimphu.type());
        String lower = thimphu.text().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("karma") || lower.contains("10101001234") || lower.contains("owner") || lower.contains("cid"),
                "nothing about owners: " + thimphu.text());

        JsonObject collection = thimphu.json();
        assertEquals("FeatureCollection", collection.getString("type"));
        assertEquals("Thimphu", collection.getString("dzongkhag"));
        assertEquals(1, collection.getInt("numberReturned"));
        assertEquals(ParcelMap.LIMIT, collection.getInt("limit"));
        assertFalse(collection.getBoolean("more"));
        JsonArray features = collection.getJsonArray("features");
        assertEquals(1, features.size());
        JsonObject feature = features.getJsonObject(0);
        assertEquals("Feature", feature.getString("type"));
        assertEquals("MAP-1", feature.getString("id"), "the PIN identifies the Feature");
        JsonObject properties = feature.getJsonObject("properties");
        assertEquals(Set.of("pin", "dzongkhag", "gewog", "landType", "areaAcres", "surveyedCrs", "href"), properties.keySet());
        assertEquals("MAP-1", properties.getString("pin"));
        assertEquals("Thimphu", properties.getString("dzongkhag"));
        assertEquals("Kawang", properties.getString("gewog"));
        assertEquals("DRY_LAND", properties.getString("landType"));
        assertEquals(new java.math.BigDecimal(SQUARE_ACRES), properties.getJsonNumber("areaAcres").bigDecimalValue());
        assertEquals("EPSG:5266", properties.getString("surveyedCrs"));
        assertEquals("/records/land.xhtml?pin=MAP-1", properties.getString("href"));
        JsonObject geometry = feature.getJsonObject("geometry");
        assertEquals("Polygon", geometry.getString("type"));
        assertFalse(geometry.containsKey("crs"), "RFC 7946: WGS 84 is implied");
        JsonArray ring = geometry.getJsonArray("coordinates").getJsonArray(0);
        assertEquals(ring.get(0), ring.get(ring.size() - 1), "a closed ring");
        for (JsonArray position : ring.getValuesAs(JsonArray.class)) {
            double longitude = position.getJsonNumber(0).doubleValue();
            double latitude = position.getJsonNumber(1).doubleValue();
            assertTrue(longitude > 88.7 && longitude < 92.2 && latitude > 26.6 && latitude < 28.4, "[lon, lat] in Bhutan: " + position);
        }
        assertEquals(ring, call(() -> parcels().boundary("MAP-1", null)).json().getJsonObject("geometry").getJsonArray("coordinates")
                .getJsonArray(0), "the same outline as the parcel's own boundary");

        Answer everywhere = call(() -> parcels().boundaries(null));
        assertEquals(200, everywhere.status(), everywhere.text());
        assertTrue(everywhere.json().isNull("dzongkhag"));
        assertEquals(List.of("MAP-1", "MAP-3"), everywhere.json().getJsonArray("features").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("id")).toList());
    }

    @Test
    void aNameThatIsNoDzongkhagIsAClearProblem() {
        Answer unknown = call(() -> parcels().boundaries("Atlantis"));
        assertEquals(400, unknown.status(), unknown.text());
        assertEquals("application/problem+json", unknown.type());
        assertEquals(List.of("dzongkhag dzongkhag.unknown"), unknown.errors());
        assertTrue(unknown.message("dzongkhag.unknown").startsWith("Atlantis is not one of Bhutan's 20 dzongkhags"), unknown.text());
    }
}
