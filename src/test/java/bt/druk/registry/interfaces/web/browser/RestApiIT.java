package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.it.RealLedger;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The REST API over HTTP on the real network, with a portal of its own (port 18431): a land clerk
 * registers a title with HTTP Basic and polls the record until the ledger has it, which the ledger
 * itself confirms; verify by hash finds the record's document; a notary clerk queues five documents
 * and gets each one's inclusion proof of the root on the ledger. Refusals come back as JSON problem
 * documents with their status, and no answer of the API opens an HTTP session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiIT {

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();
    private PortalUnderTest portal;
    private RealLedger realLedger;
    private FabricLedger ledger;
    /** Never a PIN of another run on the shared ledger. */
    private final String pin = "API-" + ThreadLocalRandom.current().nextInt(100000, 999999) + "-"
            + ThreadLocalRandom.current().nextInt(1000, 9999);

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
        // Verify answers kept 30 s instead of one: a commit that failed to drop the kept answer would show
        // 30 s late, not within a second (which is about how long a commit takes here).
        portal = PortalUnderTest.startOwn("rest-api-it", Integer.getInteger("druk.restApi.port", 18431),
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_NOTARY_BATCHSIZE", "5", "DRUK_NOTARY_BATCHMAXWAITMILLIS", "1000",
                        "DRUK_VERIFY_KEEPMILLIS", "30000"));
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

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + portal.demoPassword).getBytes(StandardCharsets.UTF_8));
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).GET(), null, null);
    }

    private Answer post(String path, String user, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                user, contentType);
    }

    /** Every answer of the API: JSON (a problem document when refused), and no session cookie. */
    private Answer send(HttpRequest.Builder request, String user, String contentType) throws Exception {
        request.timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), "no session: " + response.headers().map());
        if (response.statusCode() != 304) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(response.statusCode() >= 400 ? "application/problem+json" : "application/json")
                    || (response.statusCode() == 404 && type.startsWith("application/json")), type + " " + response.body());
        }
        return new Answer(response.statusCode(), response);
    }

    private String title(String pinOf) {
        return """
                {"pin":"%s","thramNo":"API-1","dzongkhag":"Punakha","gewog":"Talo","areaAcres":2.5,"landType":"WETLAND",
                 "owners":[{"name":"Sonam Choden","cid":"11512004321","share":"1/2"},
                           {"name":"Dorji Wangdi","cid":"11512004322","share":"1/2"}]}""".formatted(pinOf);
    }

    @Test
    void aLandClerkRegistersATitleThatReachesTheLedgerAndVerifyByHashFindsItsDocument() throws Exception {
        Answer accepted = post("/api/land/titles", "land.clerk", "application/json", title(pin));
        assertEquals(202, accepted.status(), accepted.response().body());
        String key = accepted.json().getString("recordKey");
        assertEquals("land-title:" + pin, key);
        assertEquals("PENDING", accepted.json().getString("ledgerState"));
        String location = accepted.header("Location");
        assertEquals(portal.baseUrl + "/api/records/" + key, location);

        // Verify by hash is asked with every look at the record, so that a kept answer is always there
        // when the commit lands: the commit must show in it at once.
        String hash = accepted.json().getString("hash");
        JsonObject record = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Answer pending = get("/api/verify/" + hash);
            assertEquals(200, pending.status(), pending.response().body());
            Answer answer = send(HttpRequest.newBuilder(URI.create(location)).GET(), null, null);
            assertEquals(200, answer.status(), answer.response().body());
            record = answer.json();
            if (!record.getString("ledgerState").equals("PENDING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertNotNull(record);
        JsonObject last = record;
        assertEquals("COMMITTED", record.getString("ledgerState"), () -> last + "\n" + portal.ledgerDiagnosis());
        // The kept answer is dropped right after the database commit, which readers may see a moment earlier.
        long shown = System.currentTimeMillis() + 200;
        while (!committedAsRecordDocument(get("/api/verify/" + hash)) && System.currentTimeMillis() < shown) {
            Thread.sleep(5);
        }
        assertTrue(committedAsRecordDocument(get("/api/verify/" + hash)),
                "verify by hash shows the commit at once, not when its kept answer runs out");
        assertFalse(record.toString().contains("Sonam") || record.toString().contains("11512004321"), "no personal data");

        LedgerEntry onLedger = RealLedger.awaitEntry(ledger, key, 1);
        assertEquals(record.getString("hash"), onLedger.hash());
        assertEquals(1, onLedger.version());
        assertEquals(onLedger.txId(), record.getJsonObject("current").getJsonObject("receipt").getString("txId"));

        Answer again = get("/api/records/" + key);
        Answer unchanged = send(HttpRequest.newBuilder(URI.create(location)).header("If-None-Match", again.header("ETag")).GET(),
                null, null);
        assertEquals(304, unchanged.status());

        Answer verified = get("/api/verify/" + onLedger.hash());
        assertEquals(200, verified.status(), verified.response().body());
        JsonObject match = verified.json().getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("foundAs").equals("RECORD_DOCUMENT")).findFirst().orElseThrow();
        assertEquals(key, match.getString("recordKey"));
        assertTrue(match.getBoolean("verified"), verified.response().body());
        assertTrue(verified.header("Cache-Control").startsWith("public"));

        Answer twice = post("/api/land/titles", "land.clerk", "application/json", title(pin));
        assertEquals(400, twice.status());
        assertEquals("pin.registered", twice.json().getJsonArray("errors").getJsonObject(0).getString("code"));
    }

    /** The answer finds the hash as a record's document whose ledger entry the commit follower has recorded. */
    private static boolean committedAsRecordDocument(Answer verify) {
        return verify.status() == 200 && verify.json().getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("foundAs").equals("RECORD_DOCUMENT"))
                .flatMap(m -> m.getJsonArray("steps").getValuesAs(JsonObject.class).stream())
                .anyMatch(step -> step.getString("kind").equals("LEDGER_ENTRY") && step.getString("result").equals("PASS"));
    }

    @Test
    void aNotaryClerkQueuesFiveDocumentsAndGetsEachOnesProofOfTheRootOnTheLedger() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> docs = IntStream.range(0, 5).mapToObj(i -> CanonicalJson.sha256Hex("REST API document " + i + " of " + run)).toList();
        Answer queued = post("/api/notary/batch", "notary.clerk", "application/json",
                Json.createObjectBuilder().add("documents", Json.createArrayBuilder(docs)).build().toString());
        assertEquals(202, queued.status(), queued.response().body());
        assertEquals(docs, queued.json().getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("documentHash")).toList());

        List<JsonObject> anchored = new ArrayList<>();
        for (String doc : docs) {
            long deadline = System.currentTimeMillis() + 120_000;
            JsonObject state = null;
            while (System.currentTimeMillis() < deadline) {
                state = get("/api/notary/batch/" + doc).json();
                if (state.getString("state").equals("ANCHORED")) {
                    break;
                }
                Thread.sleep(500);
            }
            JsonObject last = state;
            assertEquals("ANCHORED", state.getString("state"), () -> last + "\n" + portal.ledgerDiagnosis());
            anchored.add(state);
        }
        for (JsonObject state : anchored) {
            LedgerEntry anchor = RealLedger.awaitEntry(ledger, state.getString("anchorKey"), 1);
            InclusionProof proof = InclusionProof.fromJson(state.getJsonObject("inclusionProof"));
            assertEquals(state.getString("documentHash"), proof.leaf());
            assertTrue(proof.verifyAgainst(anchor.hash()).ok(), state.toString());
            HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + state.getString("proofFile")))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, file.statusCode(), file.body());
            assertTrue(file.body().contains(state.getString("documentHash")));
        }
    }

    @Test
    void refusalsAreProblemDocumentsWithTheirStatus() throws Exception {
        Answer anonymous = post("/api/land/titles", null, "application/json", title(pin + "-X"));
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals(401, anonymous.json().getInt("status"));

        Answer wrongPassword = send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/notary/batch"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("notary.clerk:wrong".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"documents\":[]}")), null, "application/json");
        assertEquals(401, wrongPassword.status());

        // The login page's throttle: after 5 wrong passwords the right one is refused too.
        for (int i = 0; i < 5; i++) {
            assertEquals(401, send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/land/titles")).header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("land.clerk2:wrong".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(title(pin + "-T"))), null, "application/json").status());
        }
        assertEquals(401, post("/api/land/titles", "land.clerk2", "application/json", title(pin + "-T")).status(),
                "locked for a while whatever the password");
        assertEquals(404, get("/api/records/land-title:" + pin + "-T").status());

        Answer otherRegister = post("/api/land/titles", "notary.clerk", "application/json", title(pin + "-X"));
        assertEquals(403, otherRegister.status());
        assertEquals(404, get("/api/records/land-title:" + pin + "-X").status(), "nothing stored");

        Answer badJson = post("/api/land/titles", "land.clerk", "application/json", "{\"pin\": ");
        assertEquals(400, badJson.status());
        Answer badField = post("/api/land/titles", "land.clerk", "application/json", "{\"pin\":\"" + pin + "-Y\",\"areaAcres\":\"lots\"}");
        assertEquals(400, badField.status());
        assertEquals("areaAcres", badField.json().getJsonArray("errors").getJsonObject(0).getString("field"), badField.response().body());
        Answer invalid = post("/api/land/titles", "land.clerk", "application/json", title(pin + "-Y").replace("Talo", "Nowhere"));
        assertEquals(400, invalid.status());
        assertEquals("gewog.unknown", invalid.json().getJsonArray("errors").getJsonObject(0).getString("code"), invalid.response().body());

        Answer badHash = get("/api/verify/not-a-sha256");
        assertEquals(400, badHash.status());
        assertEquals("hash", badHash.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Answer badHashOnLedger = get("/api/verify/not-a-sha256/ledger");
        assertEquals(400, badHashOnLedger.status());
        assertEquals("hash.format", badHashOnLedger.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        Answer unknown = get("/api/verify/" + CanonicalJson.sha256Hex("nothing " + UUID.randomUUID()));
        assertEquals(404, unknown.status());
        assertFalse(unknown.json().getBoolean("found"));

        assertEquals(415, post("/api/land/titles", "land.clerk", "text/plain", title(pin + "-Z")).status());
        assertEquals(404, get("/api/no-such-thing").status());
        assertEquals(400, get("/api/notary/batch/xyz").status());
    }
}
