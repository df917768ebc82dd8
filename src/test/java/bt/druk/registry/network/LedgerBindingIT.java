package bt.druk.registry.network;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.testing.OwnNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import bt.druk.registry.interfaces.web.browser.TamperReportInBrowser;
import org.junit.jupiter.api.Test;

/**
 * The operator's story of issue 27 on real processes: a portal started by {@code deploy/up.sh} binds
 * its database to the network's ledger; the network is recreated under it (down, up: a new genesis
 * block); {@code deploy/up.sh} then exits non-zero naming both ledgers, readiness is DOWN with the
 * same words, a registration is kept but reaches no ledger, and every page says its receipts cannot
 * be checked; {@code deploy/up.sh --bind-ledger} with the network's genesis hash (the one
 * {@code network.sh ledger-id} prints) brings it back: what waited is committed there, the title of
 * the earlier ledger is carried over (marked so on the auditor's peer), and the inspector's tamper
 * report in Chromium finds nothing missing while readiness is UP.
 * It takes a network of its own up and down ({@link IsolatedNetwork}, on 127.0.0.2), so it runs
 * beside the tests of the shared network that run alone.
 */
@OwnNetwork
class LedgerBindingIT {

    /** Its network, recreated once, beside the shared network and the other tests' own. */
    private static final IsolatedNetwork NETWORK = IsolatedNetwork.at("ledger-binding-it", "127.0.0.2");
    private static final int PORT = Integer.getInteger("druk.ledgerBinding.port", 18497);
    private static final String URL = "http://127.0.0.1:" + PORT;
    /** The demo users' password, given to deploy/up.sh as DRUK_DEMO_PASSWORD (up.sh makes none of its own). */
    private static final String DEMO_PASSWORD = randomPassword();

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path run = Path.of(System.getProperty("druk.build.dir", "target")).resolve("ledger-binding-it")
            .resolve(Long.toString(System.nanoTime())).toAbsolutePath();

    @Test
    void aPortalRefusesARecreatedNetworkUntilAnOperatorBindsItToThatLedger() throws Exception {
        assertTrue(TamperReportInBrowser.available(), "install chromium and chromium-driver");
        NETWORK.runOrFail("up");
        try {
            Script first = upSh();
            assertEquals(0, first.exitCode(), first.output());
            String before = NETWORK.runOrFail("ledger-id").output().strip();
            String committedPin = register();
            awaitOnLedger(committedPin);

            stopPortal();
            NETWORK.runOrFail("down");
            NETWORK.runOrFail("up");
            String after = NETWORK.runOrFail("ledger-id").output().strip();
            assertNotEquals(before, after, "a recreated network has a genesis block of its own");

            Script refused = upSh("DRUK_START_SECONDS", "180");
            String words = "this database belongs to ledger " + before + ", the network serves ledger " + after;
            assertEquals(3, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("The portal refuses this network's ledger: " + words), refused.output());
            String readiness = get("/health/ready").body();
            assertTrue(readiness.contains("\"status\":\"DOWN\"") && readiness.contains("ledger mismatch: " + words), readiness);

            String waitingPin = register();
            Thread.sleep(3000); // time enough for the submitter, were it sending
            assertFalse(onLedger(waitingPin), "nothing reaches a ledger that is not this database's");
            assertFalse(onLedger(committedPin));
            String page = get("/records/land.xhtml?pin=" + committedPin).body();
            assertTrue(page.contains("This portal is not connected to its own ledger."), "the public page says so");

            Script wrong = upSh("DRUK_START_SECONDS", "180", "--bind-ledger", "ab".repeat(32), "--reason", "a typo");
            assertEquals(3, wrong.exitCode(), wrong.output());
            // The bind is tried once the ledger answers, perhaps just after up.sh read the mismatch: readiness names the refusal.
            String named = awaitReadiness("was refused: the network does not serve that ledger", Duration.ofSeconds(30));
            assertTrue(named.contains("(a bind to genesis block " + "ab".repeat(32) + " was refused: the network does not serve that ledger)"), named);

            String genesis = after.substring(after.indexOf('/') + 1);
            Script bound = upSh("--bind-ledger", genesis, "--reason", "network recreated in LedgerBindingIT");
            assertEquals(0, bound.exitCode(), bound.output());
            // Ready once the bind has reached the ledger, which may be a moment after up.sh returned on a busy machine.
            String bindReadiness = awaitReadiness("\"status\":\"UP\"", Duration.ofSeconds(60));
            assertTrue(bindReadiness.contains("\"status\":\"UP\""), bindReadiness);
            awaitOnLedger(waitingPin);
            assertFalse(get("/records/land.xhtml?pin=" + waitingPin).body().contains("not connected to its own ledger"));

            // The title committed on the earlier ledger is carried over, marked so on the auditor's peer.
            awaitOnLedger(committedPin);
            String carried = NETWORK.runOrFail("query", "inspector", "audit", "GetRecord", "land-title:" + committedPin).output();
            String earlierGenesis = before.substring(before.indexOf('/') + 1);
            assertTrue(carried.contains("\"carriedOver\":{") && carried.contains("\"fromLedger\":\"" + earlierGenesis + "\""), carried);
            awaitPage("/records/land.xhtml?pin=" + committedPin, "Carried over");

            // A clerk's own client that skips the portal cannot use carrying over to back-date this ledger's records.
            String h1 = NetworkScript.sha256("adversary v1");
            String h2 = NetworkScript.sha256("adversary v2");
            NetworkScript.Result ontoNative = NETWORK.run("invoke", "land.clerk", "CarryOver", "RegisterMortgage",
                    "[\"land-title:" + waitingPin + "\",\"2\",\"" + h2 + "\",\"" + h1 + "\",\"M-BACKDATED\"]", earlierGenesis, "made-up-tx",
                    "2020-01-01T00:00:00Z");
            assertFalse(ontoNative.succeeded());
            assertTrue(ontoNative.output().contains("[NOT_ALLOWED_IN_STATE]"), ontoNative.output());
            NetworkScript.Result lateClaim = NETWORK.run("invoke", "land.clerk", "CarryOver", "RegisterTitle",
                    "[\"land-title:" + waitingPin + "-X\",\"" + h1 + "\",\"THIMPHU\",\"Thimphu\"]", earlierGenesis, "made-up-tx",
                    java.time.Instant.now().toString());
            assertFalse(lateClaim.succeeded());
            assertTrue(lateClaim.output().contains("[INVALID_ARGUMENT]"), lateClaim.output());
            // Readiness says the database is on its own ledger, and the tamper report finds every version there.
            TamperReportInBrowser.Counts report = TamperReportInBrowser.run(URL, "inspector",
                    DEMO_PASSWORD);
            assertEquals(2, report.recordsChecked(), "both titles checked");
            assertEquals(0, report.tamperFindings(), "nothing missing on the ledger the portal is bound to");
            assertTrue(get("/health/ready").body().contains("\"status\":\"UP\""));
        } finally {
            stopPortal();
            NETWORK.run("down");
        }
    }

    private record Script(int exitCode, String output) {
    }

    /** deploy/up.sh on this test's run directory and port, the WAR built by this build, no demo content. */
    private Script upSh(String... settingsThenArguments) throws IOException, InterruptedException {
        Map<String, String> settings = new java.util.HashMap<>();
        int i = 0;
        while (i < settingsThenArguments.length && settingsThenArguments[i].startsWith("DRUK_")) {
            settings.put(settingsThenArguments[i], settingsThenArguments[i + 1]);
            i += 2;
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash",
                NetworkScript.repo().resolve("deploy/up.sh").toString(), "--no-build", "--no-demo"));
        command.addAll(java.util.List.of(settingsThenArguments).subList(i, settingsThenArguments.length));
        Path log = Files.createTempFile("up-sh", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(NetworkScript.repo().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DRUK_DEMO_PASSWORD", DEMO_PASSWORD);
        builder.environment().putAll(PortalUnderTest.upShSettings());
        builder.environment().putAll(settings);
        builder.environment().putAll(NETWORK.environment());
        builder.environment().put("DRUK_RUN_DIR", run.toString());
        builder.environment().put("DRUK_PORT", Integer.toString(PORT));
        builder.environment().put("DRUK_BUILD_DIR", Path.of(System.getProperty("druk.build.dir", "target")).toAbsolutePath().toString());
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("deploy/up.sh did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Script(process.exitValue(), output);
    }

    private void stopPortal() throws IOException, InterruptedException {
        Path pid = run.resolve("portal.pid");
        if (!Files.isRegularFile(pid)) {
            return;
        }
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        Files.deleteIfExists(pid);
    }

    /** A one-owner title through the REST API as land.clerk: accepted (202) whether or not the ledger takes it. */
    private String register() throws IOException, InterruptedException {
        String pin = "LBI" + ThreadLocalRandom.current().nextInt(1, 9) + "-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String password = DEMO_PASSWORD;
        String body = """
                {"pin":"%s","thramNo":"T-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1.5,"landType":"DRY_LAND",
                 "owners":[{"name":"Pema Choden","cid":"%s","share":"1"}]}""".formatted(pin, pin,
                PortalUnderTest.cidFor(pin));
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(URL + "/api/land/titles"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("land.clerk:" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        return pin;
    }

    private static boolean onLedger(String pin) {
        return NETWORK.run("query", "inspector", "audit", "GetRecord", "land-title:" + pin).succeeded();
    }

    private static void awaitOnLedger(String pin) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!onLedger(pin)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pin + " did not reach the auditor's peer within 90 s");
            }
            Thread.sleep(1000);
        }
    }

    /** Polls a public page until it shows {@code text} (the commit follower records a carried version's receipt). */
    private void awaitPage(String path, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String body = get(path).body();
        while (!body.contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " did not show '" + text + "' within 60 s:\n" + body);
            }
            Thread.sleep(1000);
            body = get(path).body();
        }
    }

    /** The readiness answer once it contains {@code fragment}, or the last one when {@code within} has passed. */
    private String awaitReadiness(String fragment, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String answer = get("/health/ready").body();
        while (!answer.contains(fragment) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = get("/health/ready").body();
        }
        return answer;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
