package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.interfaces.rest.RestApplication;
import bt.druk.registry.it.RealLedger;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST API's public reads and the land clerk's updates over HTTP on the real network, with a
 * portal of its own (port 18461): a title registered and then transferred through the API, each
 * version's receipt in its history matching the ledger, its document hashing to what the ledger
 * holds, found by search; a stale change refused with 409, a wrong method with 405 and Allow, a
 * client over its budget of costly calls with 429 and Retry-After; {@code /openapi} lists every
 * path and method of the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestReadsIT {

    /** Small enough to reach in a test, large enough for the other tests' searches. */
    private static final int BURST = 12;

    private final HttpClient http = PortalHttp.builder()
            .connectTimeout(Duration.ofSeconds(10)).build();
    private PortalUnderTest portal;
    private RealLedger realLedger;
    private FabricLedger ledger;
    private int port;
    /** Never a PIN or thram of another run on the shared ledger. */
    private final String run = ThreadLocalRandom.current().nextInt(100000, 999999) + "-" + ThreadLocalRandom.current().nextInt(1000, 9999);
    private final String pin = "RR-" + run;

    private record Answer(int status, HttpResponse<String> response) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    @BeforeAll
    void start() throws Exception {
        realLedger = RealLedger.open();
        ledger = realLedger.ledger();
        String prefix = "ocds-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        port = Integer.getInteger("druk.restReads.port", 18461);
        portal = PortalUnderTest.startOwn("rest-reads-it", port, Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix,
                "DRUK_RATELIMIT_BURST", String.valueOf(BURST), "DRUK_RATELIMIT_PERSECOND", "0.5"));
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
        if (realLedger != null) {
            realLedger.close();
        }
    }

    private Answer send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + portal.demoPassword).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), "no session: " + response.headers().map());
        if (response.statusCode() >= 400) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.statusCode() + " " + response.headers().map() + " " + response.body());
        }
        return new Answer(response.statusCode(), response);
    }

    private Answer get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** Polls the record's history until its latest version satisfies {@code done}. */
    private JsonObject latestVersionOnceItIs(String key, Predicate<JsonObject> done) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonObject latest = null;
        while (System.currentTimeMillis() < deadline) {
            Answer history = get("/api/records/" + key + "/history");
            assertEquals(200, history.status(), history.response().body());
            List<JsonObject> versions = history.json().getJsonArray("versions").getValuesAs(JsonObject.class);
            latest = versions.get(versions.size() - 1);
            if (done.test(latest)) {
                return latest;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not reached within 120 s: " + latest + "\n" + portal.ledgerDiagnosis());
    }

    /** Committed, and the commit follower has read its block (block number and endorsers known). */
    private static boolean receiptComplete(JsonObject version) {
        JsonObject receipt = version.getJsonObject("receipt");
        return receipt != null && receipt.getJsonNumber("blockNumber").longValue() >= 0 && !receipt.getJsonArray("endorsingMspIds").isEmpty();
    }

    @Test
    @Order(1)
    void aTitleRegisteredAndTransferredThroughTheApiHasItsReceiptsDocumentAndSearchHitsAsTheLedgerSays() throws Exception {
        String key = "land-title:" + pin;
        Answer registered = send("POST", "/api/land/titles", "land.clerk", """
                {"pin":"%s","thramNo":"RRT-%s","dzongkhag":"Punakha","gewog":"Talo","areaAcres":2.5,"landType":"WETLAND",
                 "owners":[{"name":"Sonam Choden","cid":"11512004321","share":"1"}]}""".formatted(pin, run));
        assertEquals(202, registered.status(), registered.response().body());
        JsonObject first = latestVersionOnceItIs(key, RestReadsIT::receiptComplete);
        assertEquals("COMMITTED", first.getString("ledgerState"));
        LedgerEntry v1 = ledger.readRecord(key).orElseThrow();
        assertEquals(v1.txId(), first.getJsonObject("receipt").getString("txId"));
        assertEquals(v1.hash(), first.getString("hash"));

        Answer transfer = send("POST", "/api/land/titles/" + pin + "/transfers", "land.clerk", """
                {"expectedVersion":1,"transferType":"GIFT","newOwners":[{"name":"Pema Lhamo","cid":"11512004329","share":"1"}]}""");
        assertEquals(202, transfer.status(), transfer.response().body());
        assertEquals(2, transfer.json().getInt("version"));
        assertEquals(portal.baseUrl + "/api/records/" + key, transfer.header("Location"));
        // Committed with the ledger's transaction and its block; time and endorsers are the commit
        // follower's to add (checked on version 1 above).
        JsonObject second = latestVersionOnceItIs(key, v -> v.getInt("version") == 2 && v.containsKey("receipt")
                && v.getJsonObject("receipt").getJsonNumber("blockNumber").longValue() >= 0);
        assertEquals("TRANSFER_LODGED", second.getString("operation"));
        LedgerEntry v2 = RealLedger.awaitEntry(ledger, key, 2);
        assertEquals(2, v2.version(), "the transfer is on the ledger");
        assertEquals(v2.hash(), second.getString("hash"));
        assertEquals(v2.txId(), second.getJsonObject("receipt").getString("txId"));
        assertEquals(v1.hash(), second.getString("previousHash"));
        assertEquals("COMMITTED", second.getString("ledgerState"));
        assertTrue(first.getJsonObject("receipt").getJsonArray("endorsingMspIds").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList().contains("LandMSP"), first.toString());
        assertTrue(first.getJsonObject("receipt").containsKey("commitTime") && !first.getJsonObject("receipt").isNull("commitTime"));

        Answer document = get("/api/records/" + key + "/document");
        assertEquals(200, document.status());
        assertEquals(v2.hash(), CanonicalJson.sha256Hex(document.response().body()), "the bytes whose hash the ledger holds");
        assertFalse(document.response().body().contains("Pema") || document.response().body().contains("11512004329"));
        Answer firstDocument = get("/api/records/" + key + "/document?version=1");
        assertEquals(v1.hash(), CanonicalJson.sha256Hex(firstDocument.response().body()));
        assertTrue(firstDocument.header("Cache-Control").contains("immutable"));

        Answer byPin = get("/api/records?kind=land-title&q=" + pin.toLowerCase(Locale.ROOT));
        assertEquals(200, byPin.status(), byPin.response().body());
        JsonObject hit = byPin.json().getJsonArray("results").getJsonObject(0);
        assertEquals(key, hit.getString("recordKey"));
        assertEquals("TRANSFER_PENDING", hit.getString("status"));
        assertEquals(2, hit.getInt("version"));
        Answer byThram = get("/api/records?q=RRT-" + run + "&dzongkhag=Punakha");
        assertEquals(1, byThram.json().getInt("total"), byThram.response().body());
        assertFalse(byThram.response().body().contains("Pema") || byThram.response().body().contains("Sonam"));

        Answer stale = send("POST", "/api/land/titles/" + pin + "/caveats", "land.clerk",
                "{\"expectedVersion\":1,\"caveatRef\":\"CV-" + run + "\",\"reason\":\"Court order\"}");
        assertEquals(409, stale.status(), stale.response().body());
        assertEquals(409, stale.json().getInt("status"));
        Answer invalid = send("POST", "/api/land/titles/" + pin + "/transfers", "land.clerk",
                "{\"expectedVersion\":2,\"transferType\":\"SALE\",\"newOwners\":[{\"name\":\"X\",\"cid\":\"1\",\"share\":\"1\"}]}");
        assertEquals(400, invalid.status(), invalid.response().body());
        assertTrue(invalid.json().getJsonArray("errors").size() > 0);
        assertEquals(2, ledger.readRecord(key).orElseThrow().version(), "nothing more reached the ledger");
    }

    @Test
    @Order(2)
    void aWrongMethodOnAKnownPathIs405WithAllowAsAProblemDocument() throws Exception {
        Answer delete = send("DELETE", "/api/records/land-title:" + pin, null, null);
        assertEquals(405, delete.status(), delete.response().body());
        assertTrue(delete.header("Allow").contains("GET"), String.valueOf(delete.header("Allow")));
        assertEquals(405, delete.json().getInt("status"));
        Answer put = send("PUT", "/api/land/titles", "land.clerk", "{}");
        assertEquals(405, put.status(), put.response().body());
        assertTrue(put.header("Allow").contains("POST"), String.valueOf(put.header("Allow")));
    }

    /** Every {@code /api} path and method, from the resources' own annotations. */
    private static Set<String> apiOperations() {
        Set<String> operations = new TreeSet<>();
        String root = RestApplication.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class).value();
        for (Class<?> resource : List.of(bt.druk.registry.interfaces.rest.RecordResource.class,
                bt.druk.registry.interfaces.rest.LandTitleResource.class, bt.druk.registry.interfaces.rest.NotaryBatchResource.class,
                bt.druk.registry.interfaces.rest.VerifyResource.class)) {
            String base = root + "/" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, DELETE.class).filter(m::isAnnotationPresent)
                        .map(a -> a.getSimpleName().toLowerCase(Locale.ROOT)).findFirst().orElse(null);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    operations.add(verb + " " + (sub == null ? base : base + "/" + sub.value()));
                }
            }
        }
        return operations;
    }

    @Test
    @Order(3)
    void openApiListsEveryPathAndMethodOfTheApi() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject openApi;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            openApi = reader.readObject();
        }
        assertEquals("Druk Registry API", openApi.getJsonObject("info").getString("title"));
        JsonObject paths = openApi.getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().forEach(verb -> documented.add(verb + " " + path)));
        Set<String> expected = apiOperations();
        assertTrue(expected.size() >= 14, expected.toString());
        for (String operation : expected) {
            assertTrue(documented.stream().anyMatch(d -> d.equals(operation) || d.endsWith(operation.substring(operation.indexOf(' ') + 1))
                    && d.startsWith(operation.substring(0, operation.indexOf(' ')) + " ")), operation + " not in " + documented);
        }
        assertTrue(response.body().contains("expectedVersion"), "the operations are described");
    }

    @Test
    @Order(4)
    void aClientOverItsBudgetOfCostlySearchesGets429WithRetryAfterAndIsServedAgainAfterIt() throws Exception {
        Answer refused = null;
        for (int i = 0; i <= BURST && refused == null; i++) {
            Answer answer = get("/api/records?q=NOPE-" + run + "-" + i);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertEquals(200, answer.status(), answer.response().body());
            }
        }
        assertNotNull(refused, "refused within the burst of " + BURST);
        assertEquals(429, refused.json().getInt("status"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "one token every 2 s: " + retryAfter);
        assertEquals(200, get("/api/records/land-title:" + pin).status(), "a cheap read is not limited");
        Thread.sleep(retryAfter * 1000 + 100);
        assertEquals(200, get("/api/records?q=" + pin).status(), "served again after Retry-After");
    }
}
