package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.testing.PortalHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 30 on the real network: a subdivision made through the portal's API commits as one
 * transaction endorsed by the land and audit organisations, and its lineage reads back from the
 * auditor's peer; the chaincode itself, sent calls directly as the land clerk (no portal in the
 * way), refuses children that do not add up, a child below the minimum plot, a parent under a
 * caveat and a merger of differently owned parcels; the portal refuses a child whose boundary
 * overlaps a live parcel, naming it. A merger of two parcels of one family through the API commits
 * as one transaction too, and so does a boundary moved between two neighbours. A court's order
 * registers the same day, with no notice period, its hash on the auditor's peer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParcelLineageIT {

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Never a PIN of another run on the shared ledger. */
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
    /**
     * A corner of this run's own in EPSG:5266, so that boundaries of runs before on the same portal never
     * meet: a kilometre square inside Bhutan's grid (eastings 120,508–469,161 m), the parcels 300 m wide.
     */
    private final double west = 200_000 + ThreadLocalRandom.current().nextInt(0, 260) * 1_000;
    private final double south = 3_000_000;
    private PortalUnderTest portal;
    private RealLedger realLedger;
    private FabricLedger ledger;

    @BeforeAll
    void start() throws Exception {
        realLedger = RealLedger.open();
        ledger = realLedger.ledger();
        portal = PortalUnderTest.shared();
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        if (realLedger != null) {
            realLedger.close();
        }
    }

    @Test
    void anInheritanceIntoThreeCommitsAsOneTransactionAndTheAuditorsPeerHasTheLineage() throws Exception {
        String parent = "LN-" + run;
        JsonObject registered = post("/api/land/titles", """
                {"pin":"%s","thramNo":"LN-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":"2.4711","landType":"DRY_LAND",
                 "owners":[{"name":"Dorji Wangmo","cid":"11512009871","share":"1/2"},{"name":"Pema Dorji","cid":"11512009872","share":"1/2"}],
                 "boundary":%s}""".formatted(parent, run, rectangle(west, south, 100, 100)), 202);
        assertEquals(1, registered.getInt("version"));
        committed("land-title:" + parent, 1);
        post("/api/land/titles/" + parent + "/mortgages", "{\"expectedVersion\":1,\"mortgageRef\":\"BOB-" + run
                + "\",\"lender\":\"Bank of Bhutan\"}", 202);
        committed("land-title:" + parent, 2);

        JsonObject divided = post("/api/land/titles/" + parent + "/subdivisions", """
                {"expectedVersion":2,"children":[
                  {"pin":"%1$s-1","areaAcres":"0.9884","boundary":%2$s},
                  {"pin":"%1$s-2","areaAcres":"0.7414","boundary":%3$s},
                  {"pin":"%1$s-3","areaAcres":"0.7413","landType":"HOUSE_PLOT","boundary":%4$s}]}""".formatted(parent,
                rectangle(west, south, 40, 100), rectangle(west + 40, south, 30, 100), rectangle(west + 70, south, 30, 100)), 202);
        assertEquals(4, divided.getInt("version"), "v3 gives the ledger the parcel's facts, v4 retires it");
        List<String> childKeys = divided.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("recordKey")).toList();
        assertEquals(List.of("land-title:" + parent + "-1", "land-title:" + parent + "-2", "land-title:" + parent + "-3"), childKeys);

        JsonObject retiring = committed("land-title:" + parent, 4);
        String txId = retiring.getJsonObject("receipt").getString("txId");
        assertEquals(List.of("AuditMSP", "LandMSP"), retiring.getJsonObject("receipt").getJsonArray("endorsingMspIds")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted().toList(), "endorsed by both organisations");

        // Read back from the auditor's peer, not the portal's database.
        LedgerEntry onLedger = ledger.readRecord("land-title:" + parent).orElseThrow();
        assertEquals(4, onLedger.version());
        assertEquals("retired", onLedger.status());
        assertEquals(retiring.getString("hash"), onLedger.hash());
        JsonObject parentJson = json(onLedger.json());
        assertEquals(childKeys, strings(parentJson, "wentInto"));
        assertEquals(List.of(), strings(parentJson, "openMortgages"), "the mortgage went with the land");
        for (String key : childKeys) {
            JsonObject child = committed(key, 1);
            assertEquals(txId, child.getJsonObject("receipt").getString("txId"), key + " was written by the same transaction");
            LedgerEntry entry = ledger.readRecord(key).orElseThrow();
            assertEquals(child.getString("hash"), entry.hash(), key);
            assertEquals("encumbered", entry.status(), key + " carries the mortgage");
            JsonObject childJson = json(entry.json());
            assertEquals(List.of("land-title:" + parent), strings(childJson, "cameFrom"));
            assertEquals(List.of("BOB-" + run), strings(childJson, "openMortgages"));
        }
        assertEquals("HOUSE_PLOT", json(ledger.readRecord(childKeys.get(2)).orElseThrow().json()).getJsonObject("parcel").getString("landType"));

        // A retired parcel takes no more dealings; a child's neighbour may not be drawn over the child.
        JsonObject refused = post("/api/land/titles/" + parent + "/caveats",
                "{\"expectedVersion\":4,\"caveatRef\":\"CV-" + run + "\",\"reason\":\"Dispute\"}", 400);
        assertTrue(refused.toString().contains("title.retired"), refused.toString());
        String neighbour = "LM-" + run;
        post("/api/land/titles", """
                {"pin":"%s","thramNo":"LM-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":"2.4711","landType":"DRY_LAND",
                 "owners":[{"name":"Dorji Wangmo","cid":"11512009871","share":"1"}],"boundary":%s}"""
                .formatted(neighbour, run, rectangle(west + 100, south, 100, 100)), 202);
        JsonObject overlap = post("/api/land/titles/" + neighbour + "/subdivisions", """
                {"expectedVersion":1,"children":[
                  {"pin":"%1$s-1","areaAcres":"1.2356","boundary":%2$s},
                  {"pin":"%1$s-2","areaAcres":"1.2356","boundary":%3$s}]}""".formatted(neighbour,
                rectangle(west + 90, south, 50, 100), rectangle(west + 150, south, 50, 100)), 400);
        assertTrue(overlap.toString().contains(parent + "-3 (1000.00 m²)"), "names the child it overlaps: " + overlap);
        assertTrue(!overlap.toString().contains(parent + " ("), "not the retired parent: " + overlap);
    }

    @Test
    void twoNeighbouringParcelsOfOneFamilyMergeAndTheMergedParcelNamesBoth() throws Exception {
        String owners = "[{\"name\":\"Tshering Yangzom\",\"cid\":\"11512009881\",\"share\":\"1\"}]";
        for (String pin : List.of("LG-" + run + "-1", "LG-" + run + "-2")) {
            post("/api/land/titles", """
                    {"pin":"%s","thramNo":"LG-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":"0.5","landType":"ORCHARD",
                     "owners":%s}""".formatted(pin, run, owners), 202);
            committed("land-title:" + pin, 1);
        }
        JsonObject merged = post("/api/land/titles/mergers", """
                {"parents":[{"pin":"LG-%1$s-1","expectedVersion":1},{"pin":"LG-%1$s-2","expectedVersion":1}],
                 "child":{"pin":"LG-%1$s-3","areaAcres":"1"}}""".formatted(run), 202);
        assertEquals("land-title:LG-" + run + "-3", merged.getString("recordKey"));
        JsonObject child = committed("land-title:LG-" + run + "-3", 1);
        LedgerEntry entry = ledger.readRecord("land-title:LG-" + run + "-3").orElseThrow();
        assertEquals(child.getString("hash"), entry.hash());
        assertEquals(List.of("land-title:LG-" + run + "-1", "land-title:LG-" + run + "-2"), strings(json(entry.json()), "cameFrom"));
        assertEquals("100", json(entry.json()).getJsonObject("parcel").getString("areaDecimals"));
        for (String pin : List.of("LG-" + run + "-1", "LG-" + run + "-2")) {
            JsonObject retired = committed("land-title:" + pin, 3);
            assertEquals(child.getJsonObject("receipt").getString("txId"), retired.getJsonObject("receipt").getString("txId"));
            assertEquals("retired", ledger.readRecord("land-title:" + pin).orElseThrow().status());
        }
    }

    @Test
    void twoNeighboursMoveTheirBoundaryInOneTransactionAndTheAuditorsPeerHasBothVersions() throws Exception {
        String a = "LB-" + run + "-A";
        String b = "LB-" + run + "-B";
        double row = south + 300;
        for (String pin : List.of(a, b)) {
            post("/api/land/titles", """
                    {"pin":"%s","thramNo":"LB-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":"2.4711","landType":"DRY_LAND",
                     "owners":[{"name":"Kinley Wangdi","cid":"11512009891","share":"1"}],"boundary":%s}"""
                    .formatted(pin, run, rectangle(pin.equals(a) ? west : west + 100, row, 100, 100)), 202);
            committed("land-title:" + pin, 1);
        }
        // A's east edge 20 m east, into B.
        JsonObject moved = post("/api/land/titles/" + a + "/boundary-adjustments", """
                {"expectedVersion":1,"areaAcres":"2.9653","boundary":%s,
                 "neighbour":{"pin":"%s","expectedVersion":1,"areaAcres":"1.9768","boundary":%s}}"""
                .formatted(rectangle(west, row, 120, 100), b, rectangle(west + 120, row, 80, 100)), 202);
        assertEquals(3, moved.getInt("version"), "v2 gives the ledger the parcel's facts, v3 moves the boundary");
        assertEquals("land-title:" + b, moved.getJsonArray("neighbours").getJsonObject(0).getString("recordKey"));

        JsonObject first = committed("land-title:" + a, 3);
        JsonObject second = committed("land-title:" + b, 3);
        String txId = first.getJsonObject("receipt").getString("txId");
        assertEquals(txId, second.getJsonObject("receipt").getString("txId"), "one transaction wrote both");
        LedgerEntry onLedger = ledger.readRecord("land-title:" + a).orElseThrow();
        assertEquals(first.getString("hash"), onLedger.hash());
        JsonObject entry = json(onLedger.json());
        assertEquals("296.53", entry.getJsonObject("parcel").getString("areaDecimals"));
        assertEquals("land-title:" + b, entry.getJsonObject("boundaryAdjustedWith").getString("key"));
        assertEquals(txId, entry.getJsonObject("boundaryAdjustedWith").getString("txId"));
        assertEquals("197.68", json(ledger.readRecord("land-title:" + b).orElseThrow().json()).getJsonObject("parcel")
                .getString("areaDecimals"));

        // Two new boundaries that overlap each other: refused at the second, naming the first parcel.
        JsonObject overlap = post("/api/land/titles/" + b + "/boundary-adjustments", """
                {"expectedVersion":3,"areaAcres":"2.4711","boundary":%s,
                 "neighbour":{"pin":"%s","expectedVersion":3,"areaAcres":"2.4711","boundary":%s}}"""
                .formatted(rectangle(west + 100, row, 100, 100), a, rectangle(west + 10, row, 100, 100)), 400);
        assertTrue(overlap.toString().contains("neighbour.boundary") && overlap.toString().contains(b + " (1000.00 m²)"),
                overlap.toString());
    }

    @Test
    void aCourtOrderRegistersTheSameDayAndTheAuditorsPeerHoldsTheOrdersHash() throws Exception {
        String pin = "LC-" + run;
        post("/api/land/titles", """
                {"pin":"%s","thramNo":"LC-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":"0.5","landType":"DRY_LAND",
                 "owners":[{"name":"Ugyen Tshering","cid":"11512009901","share":"1"}]}""".formatted(pin, run), 202);
        committed("land-title:" + pin, 1);
        // A sale lodged: its 30-day notice period is running.
        post("/api/land/titles/" + pin + "/transfers", """
                {"expectedVersion":1,"transferType":"SALE","newOwners":[{"name":"Dechen Pelden","cid":"11512009902","share":"1"}]}""", 202);
        committed("land-title:" + pin, 2);
        String order = hex(32);
        post("/api/land/titles/" + pin + "/court-orders", """
                {"expectedVersion":2,"court":"Thimphu Dzongkhag Court","caseNumber":"CC-%s","courtOrderSha256":"%s",
                 "newOwners":[{"name":"Ugyen Tshering","cid":"11512009901","share":"1/2"},
                              {"name":"Sonam Wangmo","cid":"11512009903","share":"1/2"}]}""".formatted(run, order), 202);
        JsonObject version = committed("land-title:" + pin, 3);
        LedgerEntry entry = ledger.readRecord("land-title:" + pin).orElseThrow();
        assertEquals(version.getString("hash"), entry.hash());
        assertEquals("registered", entry.status(), "the same day: no notice period");
        JsonObject json = json(entry.json());
        assertEquals(order, json.getJsonObject("courtOrder").getString("sha256"));
        assertTrue(json.isNull("pendingTransfer"), "the sale lodged before is void");
    }

    @Test
    void theChaincodeRefusesWhatThePortalWouldHaveRefusedWhenSentDirectly() {
        String digest = hex(32);
        String otherOwners = hex(32);
        Parcel a = registerParcel("LX-" + run + "-A", "100", digest);
        refused("AREA_MISMATCH", subdivide(a, child(a.key + "-1", "60", digest), child(a.key + "-2", "30", digest)));
        refused("PLOT_TOO_SMALL", subdivide(a, child(a.key + "-1", "95", digest), child(a.key + "-2", "5", digest)));

        Parcel b = registerParcel("LX-" + run + "-B", "100", otherOwners);
        refused("OWNERS_DIFFER", ledger.submit(LedgerCall.of("MergeParcels",
                "[" + a.next() + "," + b.next() + "]",
                "{\"key\":\"land-title:LX-" + run + "-AB\",\"hash\":\"" + hex(32) + "\",\"openMortgages\":[],\"facts\":" + facts("200", digest) + "}"),
                "land.clerk"));

        refused("AREA_MISMATCH", ledger.submit(LedgerCall.of("AdjustBoundary", "[" + a.next(facts("150", digest)) + ","
                + b.next(facts("100", otherOwners)) + "]"), "land.clerk"));

        Parcel c = registerParcel("LX-" + run + "-C", "100", digest);
        String caveatHash = hex(32);
        assertInstanceOf(SubmissionOutcome.Committed.class, ledger.submit(LedgerCall.of("LodgeCaveat", c.key, "2", caveatHash, c.hash,
                "CV-" + run), "land.clerk"));
        Parcel underCaveat = new Parcel(c.key, 2, caveatHash);
        refused("ENCUMBERED", subdivide(underCaveat, child(c.key + "-1", "50", digest), child(c.key + "-2", "50", digest)));

        // Nothing of any refused call was written.
        assertEquals(1, ledger.readRecord(a.key).orElseThrow().version());
        assertTrue(ledger.readRecord(a.key + "-1").isEmpty());
        assertTrue(ledger.readRecord("land-title:LX-" + run + "-AB").isEmpty());
    }

    /** A title's key, its current version and hash on the ledger. */
    private record Parcel(String key, int version, String hash) {
        /** This parcel's next version as a lineage transaction names a parent. */
        String next() {
            return "{\"key\":\"" + key + "\",\"version\":" + (version + 1) + ",\"hash\":\"" + hex(32) + "\",\"previousHash\":\"" + hash + "\"}";
        }

        /** As {@link #next()}, with the parcel's facts after a boundary adjustment. */
        String next(String facts) {
            String update = next();
            return update.substring(0, update.length() - 1) + ",\"facts\":" + facts + "}";
        }
    }

    private Parcel registerParcel(String pin, String areaDecimals, String ownersDigest) {
        String key = "land-title:" + pin;
        String hash = hex(32);
        assertInstanceOf(SubmissionOutcome.Committed.class, ledger.submit(LedgerCall.of("RegisterParcel", key, hash, "THIMPHU", "Thimphu",
                facts(areaDecimals, ownersDigest)), "land.clerk"));
        return new Parcel(key, 1, hash);
    }

    private SubmissionOutcome subdivide(Parcel parent, String... children) {
        return ledger.submit(LedgerCall.of("SubdivideParcel", parent.key, Integer.toString(parent.version + 1), hex(32), parent.hash,
                "[" + String.join(",", children) + "]"), "land.clerk");
    }

    private static String child(String key, String areaDecimals, String ownersDigest) {
        return "{\"key\":\"" + key + "\",\"hash\":\"" + hex(32) + "\",\"openMortgages\":[],\"facts\":" + facts(areaDecimals, ownersDigest) + "}";
    }

    private static String facts(String areaDecimals, String ownersDigest) {
        return "{\"areaDecimals\":\"" + areaDecimals + "\",\"boundarySha256\":null,\"landType\":\"DRY_LAND\",\"ownersDigest\":\"" + ownersDigest + "\"}";
    }

    private static void refused(String code, SubmissionOutcome outcome) {
        SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, outcome, () -> "expected " + code + ", got " + outcome);
        assertEquals(code, refused.code(), refused.message());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String rectangle(double west, double south, double width, double height) {
        double east = west + width;
        double north = south + height;
        return "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(west, south, east, south, east, north, west, north, west, south);
    }

    private JsonObject post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("land.clerk:" + portal.demoPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
        return json(response.body());
    }

    /** The record's version once committed with its receipt complete (the commit follower read its block). */
    private JsonObject committed(String key, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> history = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/records/" + key + "/history"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (history.statusCode() == 200) {
                for (JsonObject v : json(history.body()).getJsonArray("versions").getValuesAs(JsonObject.class)) {
                    if (v.getInt("version") == version) {
                        last = v;
                        assertTrue(!"REJECTED".equals(v.getString("ledgerState")), key + " v" + version + " rejected: " + v);
                        JsonObject receipt = v.getJsonObject("receipt");
                        if ("COMMITTED".equals(v.getString("ledgerState")) && receipt != null
                                && !receipt.getJsonArray("endorsingMspIds").isEmpty()) {
                            return v;
                        }
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(key + " v" + version + " not committed within 120 s: " + last);
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
