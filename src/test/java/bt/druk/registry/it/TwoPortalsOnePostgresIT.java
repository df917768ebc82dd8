package bt.druk.registry.it;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.network.NetworkScript;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two portals on one PostgreSQL database, on the real network (issue 12): both take registrations
 * and serve each other's records; portal A is killed with SIGKILL in the middle of the load, and
 * portal B sends what A had claimed once A's leases run out. Every registration either portal
 * acknowledged is committed, and on the auditor's peer exactly once, with the hash it was
 * acknowledged with. Ports {@code druk.twoPortals.ports} (default 18093,18094), PostgreSQL on 25447.
 */
class TwoPortalsOnePostgresIT {

    /** Below Linux's ephemeral range (32768-60999), where an outgoing connection may already hold it. */
    private static final int POSTGRES_PORT = 25447;
    private static final int LEASE_SECONDS = 15;
    /** Acknowledgements portal A must have given before it is killed, and B after that. */
    private static final int ACKS_BEFORE_KILL = 16;
    private static final int ACKS_AFTER_KILL = 16;

    /** PIN → the hash a portal acknowledged it with, and which portal. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedBy = new ConcurrentHashMap<>();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 10000));
    private final AtomicInteger sequence = new AtomicInteger();
    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theSurvivingPortalFinishesTheKilledOnesWorkAndNothingIsSentTwice() throws Exception {
        String dir = Files.createTempDirectory("druk-pg-two-portals").toString();
        ThrowawayPostgres.run("start", dir, Integer.toString(POSTGRES_PORT));
        String[] ports = System.getProperty("druk.twoPortals.ports", "18093,18094").split(",");
        Map<String, String> settings = Map.of(
                "DRUK_DB_URL", "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/druk",
                "DRUK_DB_USER", "druk", "DRUK_DB_PASSWORD", "druk",
                "DRUK_LEDGER_LEASESECONDS", Integer.toString(LEASE_SECONDS));
        PortalUnderTest a = null;
        PortalUnderTest b = null;
        try {
            a = PortalUnderTest.startOwn("two-portals-a", Integer.parseInt(ports[0].trim()), settings);
            b = PortalUnderTest.startOwn("two-portals-b", Integer.parseInt(ports[1].trim()), settings);
            // The staff accounts are seeded once, by the first portal, in the shared database.
            String password = a.demoPassword;

            AtomicBoolean aKilled = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (PortalUnderTest portal : List.of(a, b)) {
                for (int i = 0; i < 2; i++) {
                    String name = portal == a ? "A" : "B";
                    AtomicBoolean over = portal == a ? aKilled : stop;
                    String base = portal.baseUrl;
                    Thread client = new Thread(() -> registerUntil(base, name, password, over, stop), "client-" + name + i);
                    client.start();
                    clients.add(client);
                }
            }
            awaitAcks("A", ACKS_BEFORE_KILL, a);
            aKilled.set(true);
            a.kill();
            long killedAt = System.nanoTime();
            // What A left unfinished: acknowledged, not yet committed as far as the shared database knows.
            List<String> unfinished = new ArrayList<>();
            for (Map.Entry<String, String> ack : acknowledgedBy.entrySet()) {
                if (ack.getValue().equals("A") && !record(b.baseUrl, ack.getKey()).getString("ledgerState").equals("COMMITTED")) {
                    unfinished.add(ack.getKey());
                }
            }
            assertTrue(!unfinished.isEmpty(), "the kill left some of A's registrations unfinished (else this test shows nothing)");
            int bBefore = count("B");
            awaitAcks("B", bBefore + ACKS_AFTER_KILL, b);
            stop.set(true);
            for (Thread client : clients) {
                client.join(30_000);
            }
            System.out.printf("[two-portals] acknowledged: %d by A before its kill (%d of them not yet committed then), %d by B%n",
                    count("A"), unfinished.size(), count("B"));

            // B serves a record A registered: one database behind both.
            String pinOfA = acknowledgedBy.entrySet().stream().filter(e -> e.getValue().equals("A")).findFirst().orElseThrow().getKey();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(b.baseUrl + "/records/land.xhtml?pin=" + pinOfA)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(pinOfA), "portal B shows " + pinOfA + ", registered through portal A");

            // All acknowledged committed, as portal B sees them (A's leases run out, then B sends A's rows).
            long deadline = System.nanoTime() + Duration.ofSeconds(LEASE_SECONDS + 180).toNanos();
            List<String> pending = new ArrayList<>(acknowledged.keySet());
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                List<String> still = new ArrayList<>();
                for (String pin : pending) {
                    JsonObject record = record(b.baseUrl, pin);
                    assertEquals(acknowledged.get(pin), record.getString("hash"), pin + " has the hash it was acknowledged with");
                    if (!record.getString("ledgerState").equals("COMMITTED")) {
                        still.add(pin);
                    }
                }
                pending = still;
                if (!pending.isEmpty()) {
                    Thread.sleep(2000);
                }
            }
            assertEquals(List.of(), pending, "acknowledged registrations portal B did not see committed in time");
            System.out.printf("[two-portals] all %d committed %d s after A was killed%n", acknowledged.size(),
                    Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());

            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                JsonArray history = NetworkScript.ledgerHistory("land-title:" + ack.getKey());
                JsonObject first = history.isEmpty() ? null : history.getJsonObject(0).getJsonObject("value");
                if (history.size() != 1 || first.getInt("version") != 1 || !first.getString("hash").equals(ack.getValue())) {
                    wrong.add(ack.getKey() + " (" + acknowledgedBy.get(ack.getKey()) + "): " + history);
                }
            }
            assertEquals(List.of(), wrong, "each acknowledged registration on the auditor's peer exactly once, with its hash");
        } catch (AssertionError | RuntimeException e) {
            if (a != null) {
                System.out.println("[two-portals] log of A:\n" + a.logTail());
            }
            if (b != null) {
                System.out.println("[two-portals] log of B:\n" + b.logTail());
            }
            throw e;
        } finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.kill();
            }
            ThrowawayPostgres.run("stop", dir);
        }
    }

    /** One client of one portal: registers title after title through the API until told to stop. */
    private void registerUntil(String base, String portal, String password, AtomicBoolean over, AtomicBoolean stop) {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("land.clerk:" + password).getBytes(StandardCharsets.UTF_8));
        while (!over.get() && !stop.get()) {
            long n = sequence.incrementAndGet();
            String pin = "TP" + run + "-" + n;
            // An owner per title: one owner's titles would pass the Land Act 2007's 25 acres per family after 16.
            String body = """
                    {"pin":"%s","thramNo":"T-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1.5,"landType":"DRY_LAND",
                     "owners":[{"name":"Pema Choden","cid":"%011d","share":"1"}]}""".formatted(pin, pin, 11512000000L + n);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/land/titles"))
                        .header("Authorization", authorization).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    try (var reader = Json.createReader(new StringReader(response.body()))) {
                        acknowledged.put(pin, reader.readObject().getString("hash"));
                    }
                    acknowledgedBy.put(pin, portal);
                }
            } catch (IOException e) {
                // a request in flight when the portal died was never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int count(String portal) {
        return (int) acknowledgedBy.values().stream().filter(portal::equals).count();
    }

    private void awaitAcks(String portal, int atLeast, PortalUnderTest which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(portal) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(count(portal) >= atLeast, () -> "portal " + portal + " acknowledged only " + count(portal) + "\n" + which.logTail());
    }

    private JsonObject record(String base, String pin) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/records/land-title:" + pin)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), pin + ": " + response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
