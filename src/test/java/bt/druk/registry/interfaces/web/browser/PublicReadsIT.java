package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Public reads over plain HTTP on the real network, on the shared portal ({@link PortalUnderTest#shared()}): no public
 * page opens a session for an anonymous reader; the land record page carries an entity tag that
 * answers 304, changes once the ledger commits the title, and "verify on ledger" is a GET of its own;
 * a public document and verify by hash answer from the portal (the ledger only on request).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReadsIT {

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();
    private PortalUnderTest portal;
    /** Never a PIN of another run on the shared ledger. */
    private final String pin = "PUB-" + ThreadLocalRandom.current().nextInt(100000, 999999) + "-"
            + ThreadLocalRandom.current().nextInt(1000, 9999);

    @BeforeAll
    void start() throws Exception {
        portal = PortalUnderTest.shared();
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static void assertNoSession(HttpResponse<String> response) {
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                response.uri() + " opened a session: " + response.headers().allValues("Set-Cookie"));
    }

    /** Registers the title through the API and answers its record once the ledger state is not PENDING. */
    private JsonObject registerAndAwaitCommit(String pin, Runnable whilePending) throws Exception {
        portal.registerThroughApi(http, pin, "PUB-1", "Pema Lhamo");
        whilePending.run();
        long deadline = System.currentTimeMillis() + 120_000;
        JsonObject record = null;
        while (System.currentTimeMillis() < deadline) {
            record = json(get("/api/records/land-title:" + pin));
            JsonObject receipt = record.getJsonObject("current").getJsonObject("receipt");
            if (record.getString("ledgerState").equals("COMMITTED") && receipt != null
                    && !receipt.getJsonArray("endorsingMspIds").isEmpty()) {
                return record;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not committed with its receipt within two minutes: " + record);
    }

    @Test
    void anonymousReadersGetNoSessionTheRecordPageIsTaggedAndChangesWithTheLedger() throws Exception {
        String[] pendingTag = new String[1];
        JsonObject record = registerAndAwaitCommit(pin, () -> {
            try {
                HttpResponse<String> pending = get("/records/land.xhtml?pin=" + pin);
                assertEquals(200, pending.statusCode());
                pendingTag[0] = pending.headers().firstValue("ETag").orElseThrow();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String hash = record.getString("hash");

        HttpResponse<String> page = get("/records/land.xhtml?pin=" + pin);
        assertEquals(200, page.statusCode());
        assertNoSession(page);
        String tag = page.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(pendingTag[0], tag, "the commit and its receipt change the page's tag");
        assertTrue(page.body().contains("badge--committed"), "the page shows the commit");
        assertTrue(page.headers().firstValue("Last-Modified").isPresent());
        assertEquals(tag, get("/records/land.xhtml?pin=" + pin).headers().firstValue("ETag").orElseThrow(), "unchanged, same tag");
        HttpResponse<String> notModified = get("/records/land.xhtml?pin=" + pin, "If-None-Match", tag);
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());

        HttpResponse<String> checked = get("/records/land.xhtml?pin=" + pin + "&check=ledger");
        assertEquals(200, checked.statusCode());
        assertNoSession(checked);
        assertTrue(checked.body().contains("id=\"verifyOutcome\">Verified"), "verify on ledger, a GET of its own");
        assertTrue(checked.body().contains("data-check=\"MATCH\""));

        for (String path : List.of("/index.xhtml", "/records/search.xhtml", "/records/search.xhtml?pin=" + pin,
                "/records/search.xhtml?dzongkhag=Thimphu", "/records/map.xhtml", "/records/map.xhtml?dzongkhag=Thimphu",
                "/tenders/index.xhtml", "/tenders/tender.xhtml?ocid=ocds-none00-2026-1",
                "/notary/notarisation.xhtml?id=2026-999999", "/verify.xhtml", "/verify.xhtml?hash=" + hash,
                "/verify.xhtml?hash=" + hash + "&ledger=now")) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertNoSession(response);
        }
        assertTrue(get("/records/search.xhtml?pin=" + pin).body().contains(pin), "the search finds the title");
        HttpResponse<String> fromIndex = get("/verify.xhtml?hash=" + hash);
        assertTrue(fromIndex.body().contains("data-source=\"PORTAL_INDEX\"") && fromIndex.body().contains("id=\"ledgerNow\""));
        assertTrue(fromIndex.body().contains("data-verdict=\"verified\""), "committed, by the portal's index");
        assertTrue(get("/verify.xhtml?hash=" + hash + "&ledger=now").body().contains("data-source=\"LEDGER_NOW\""));
    }

    @Test
    void aPublicDocumentAndVerifyByHashAnswerWithoutTheLedgerUnlessAsked() throws Exception {
        JsonObject record = registerAndAwaitCommit(pin + "D", () -> { });
        String hash = record.getString("hash");

        HttpResponse<String> document = get("/records/documents/" + hash + ".json");
        assertEquals(200, document.statusCode());
        assertEquals(hash, CanonicalJson.sha256Hex(document.body()), "the exact bytes behind the hash");
        assertEquals("\"" + hash + "\"", document.headers().firstValue("ETag").orElseThrow());
        assertEquals(document.body(), get("/records/documents/" + hash + ".json").body(), "the same bytes again");
        assertEquals(304, get("/records/documents/" + hash + ".json", "If-None-Match", "\"" + hash + "\"").statusCode());
        assertEquals(404, get("/records/documents/" + "ab".repeat(32) + ".json").statusCode());

        HttpResponse<String> verified = get("/api/verify/" + hash);
        assertEquals(200, verified.statusCode(), verified.body());
        assertNoSession(verified);
        JsonObject answer = json(verified);
        assertEquals("PORTAL_INDEX", answer.getString("source"));
        assertTrue(answer.getJsonArray("matches").getJsonObject(0).getBoolean("verified"), verified.body());

        HttpResponse<String> onLedger = get("/api/verify/" + hash + "/ledger");
        assertEquals(200, onLedger.statusCode(), onLedger.body());
        assertEquals("LEDGER_NOW", json(onLedger).getString("source"));
        assertEquals(1, json(onLedger).getJsonArray("matches").getJsonObject(0).getJsonArray("ledgerHistory").size());
        assertNotNull(json(onLedger).getJsonArray("matches").getJsonObject(0).getJsonArray("steps"));
    }
}
