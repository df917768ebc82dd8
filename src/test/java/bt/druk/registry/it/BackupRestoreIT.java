package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.network.NetworkScript;
import bt.druk.registry.testing.PortalHttp;
import bt.druk.registry.testing.RunsAlone;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/backup.sh} while clerks register, then the host lost and brought back with
 * {@code deploy/restore.sh} (issue 29): every registration acknowledged before the backup began is
 * in the restored portal and verifies against the ledger, written there once; Justice's peer, its
 * ledger wiped, joins again from the backup's snapshot, and the auditor's replaying the chain from
 * the backup's genesis block, both with records from before and after the backup; the backup holds
 * no private key in the clear, and the passphrase gives the keys back.
 */
@RunsAlone
class BackupRestoreIT {

    private static final int PORT = Integer.getInteger("druk.backup.port", 18411);
    private static final int RESTORED_PORT = Integer.getInteger("druk.restored.port", 18412);

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));

    @Test
    void aHostLostAfterABackupUnderLoadComesBackWithEverythingAcknowledgedBeforeIt() throws Exception {
        NetworkScript.ensureUp();
        Path work = Files.createDirectories(PortalUnderTest.buildDir().toAbsolutePath().resolve("backup-restore-it").resolve(run));
        Path backup = work.resolve("backup");
        Path passphrase = work.resolve("passphrase");
        Files.writeString(passphrase, "correct horse " + run + "\n");

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> beforeBackup;
        PortalUnderTest portal = PortalUnderTest.startOwn("backup-restore-it-portal", PORT, Map.of("DRUK_DEMO_CONTENT", "false"));
        try {
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread load = new Thread(() -> registerWhile(portal, loading, acknowledged), "registrations");
            load.start();
            awaitCount(acknowledged, 15, Duration.ofSeconds(120));
            beforeBackup = List.copyOf(acknowledged);
            String backedUp = command(Duration.ofMinutes(5), Map.of(), "deploy/backup.sh", "--out", backup.toString(),
                    "--passphrase-file", passphrase.toString(), "--data-dir", portal.dataDir().toString(), "--portal", portal.baseUrl);
            System.out.println("[backup-restore-it] backup.sh:\n" + backedUp);
            // (backup.sh ran first on this fresh portal: it makes its operator secret on the first request)
            assertEquals(401, postBackup(portal, "Bearer not-the-secret"), "no backup without the operator secret");
            assertEquals(401, postBackup(portal, "Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("admin:" + portal.demoPassword).getBytes(StandardCharsets.UTF_8))), "nor with a staff account's password");
            awaitCount(acknowledged, beforeBackup.size() + 5, Duration.ofSeconds(120));
            loading.set(false);
            load.join(60_000);
            // on the ledger before the host is lost, and before the auditor's peer loses its copy
            NetworkScript.awaitRecord("audit", acknowledged.get(acknowledged.size() - 1), Duration.ofSeconds(120));
        } finally {
            portal.kill(); // the host is lost
        }
        String afterBackup = acknowledged.get(acknowledged.size() - 1);
        System.out.println("[backup-restore-it] " + beforeBackup.size() + " registrations acknowledged before the backup, "
                + acknowledged.size() + " in all");
        assertNoPrivateKeyInTheClear(backup);

        Path restored = work.resolve("restored");
        String restoring = command(Duration.ofMinutes(10), Map.of(), "deploy/restore.sh", backup.toString(), "--run-dir", restored.toString(),
                "--passphrase-file", passphrase.toString(), "--peer", "justice");
        System.out.println("[backup-restore-it] restore.sh:\n" + restoring);
        assertTrue(restoring.contains("justice's peers rejoined (from the snapshot"), restoring);
        assertTrue(Files.readString(NetworkScript.stateDir().resolve("logs/peer-justice.log")).contains("Created ledger [registry] from snapshot"),
                "Justice's peer was rebuilt from the backup's snapshot");
        // The auditor's peer, which portals and inspectors read history from, replays the chain instead.
        String replayed = NetworkScript.runOrFail("rejoin", "audit", "--genesis", backup.resolve("ledger/genesis.block").toString()).output();
        System.out.println("[backup-restore-it] " + replayed.lines().filter(l -> l.contains("rejoined")).findFirst().orElse(replayed));
        assertEquals(Files.readString(backup.resolve("ledger/ledger-id")).strip(), NetworkScript.runOrFail("ledger-id").output().strip(),
                "the replayed auditor's peer has the chain from its first block");
        assertArrayEquals(Files.readAllBytes(NetworkScript.stateDir().resolve("orgs/land/users/land.admin/msp/keystore/key.pem")),
                Files.readAllBytes(restored.resolve("secrets/orgs/land/users/land.admin/msp/keystore/key.pem")),
                "the passphrase gives the private keys back");
        String wrong = commandResult(Duration.ofMinutes(2), Map.of(), "deploy/restore.sh", backup.toString(), "--run-dir",
                work.resolve("wrong").toString(), "--passphrase-file", backup.resolve("MANIFEST.sha256").toString()).output();
        assertTrue(wrong.contains("could not be decrypted"), "a wrong passphrase is refused: " + wrong);

        for (String org : List.of("justice", "audit")) {
            for (String key : List.of(beforeBackup.get(0), afterBackup)) {
                assertTrue(NetworkScript.runOrFail("query", "inspector", org, "GetRecord", key).output().contains("\"key\":\"" + key + "\""),
                        "the rebuilt " + org + " peer answers for " + key);
            }
        }

        PortalUnderTest back = portal.restoredOn("backup-restore-it-restored", RESTORED_PORT, restored.resolve("data"));
        try {
            for (String key : beforeBackup) {
                JsonObject record = awaitCommitted(back, key, Duration.ofSeconds(180));
                JsonObject verified = awaitLedgerChecked(back, record.getString("hash"), Duration.ofSeconds(60));
                assertTrue(verified.getJsonArray("matches").getJsonObject(0).getBoolean("verified"), key + " verifies: " + verified);
                assertEquals(1, NetworkScript.ledgerHistory(key).size(), key + " is on the ledger once");
            }
        } finally {
            back.close();
        }
    }

    /** Title after title, an owner each (one owner's would pass the Land Act 2007's 25 acres per family after 16). */
    private void registerWhile(PortalUnderTest portal, AtomicBoolean loading, List<String> acknowledged) {
        for (int i = 1; loading.get(); i++) {
            String pin = "BR" + run + "-" + i;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/land/titles"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString(("land.clerk:" + portal.demoPassword).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"pin":"%s","thramNo":"T-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1.5,"landType":"DRY_LAND",
                                 "owners":[{"name":"Karma Dema","cid":"%011d","share":"1"}]}""".formatted(pin, pin, 11512000000L + i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    acknowledged.add(json(answer.body()).getString("recordKey"));
                }
            } catch (IOException e) {
                // not acknowledged: not counted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int postBackup(PortalUnderTest portal, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/operations/backup")).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitCount(List<String> list, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (list.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + list.size() + " registrations acknowledged within " + within.toSeconds() + " s");
            Thread.sleep(200);
        }
    }

    /** Every file of the backup: no PEM private key, and the encrypted one is not a tar or gzip in the clear. */
    private static void assertNoPrivateKeyInTheClear(Path backup) throws IOException {
        try (Stream<Path> files = Files.walk(backup)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("PRIVATE KEY-----"), file + " holds a private key in the clear");
            }
        }
        byte[] encrypted = Files.readAllBytes(backup.resolve("secrets.tar.gz.enc"));
        assertEquals("Salted__", new String(encrypted, 0, 8, StandardCharsets.US_ASCII), "the keys are encrypted (openssl enc, salted)");
        assertNotEquals(0x1f, encrypted[8] & 0xff, "not a gzip stream in the clear");
    }

    private JsonObject awaitCommitted(PortalUnderTest portal, String key, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = get(portal.baseUrl + "/api/records/" + key);
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200 && answer.body().contains("\"ledgerState\":\"COMMITTED\"")) {
                return json(answer.body());
            }
            assertNotEquals(404, answer.statusCode(), key + " was acknowledged before the backup but is not in the restored portal");
            Thread.sleep(1000);
        }
        throw new AssertionError(key + " not COMMITTED in the restored portal within " + within.toSeconds() + " s: " + last);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The portal's verification of {@code hash} against the ledger once it could ask the ledger: a
     * portal just started on a network just rebuilt may find its peers unreachable for a moment,
     * and says so (its ledger entry NOT_CHECKED) rather than give a verdict.
     */
    private JsonObject awaitLedgerChecked(PortalUnderTest portal, String hash, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonObject verified = json(get(portal.baseUrl + "/api/verify/" + hash + "/ledger").body());
            boolean unchecked = verified.getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                    .flatMap(m -> m.getJsonArray("steps").getValuesAs(JsonObject.class).stream())
                    .anyMatch(step -> step.getString("kind").equals("LEDGER_ENTRY") && step.getString("result").equals("NOT_CHECKED"));
            if (!unchecked || System.nanoTime() > deadline) {
                return verified;
            }
            Thread.sleep(1000);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String command(Duration within, Map<String, String> env, String script, String... args) throws Exception {
        NetworkScript.Result result = commandResult(within, env, script, args);
        assertTrue(result.succeeded(), script + " failed:\n" + result.output());
        return result.output();
    }

    private static NetworkScript.Result commandResult(Duration within, Map<String, String> env, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", PortalUnderTest.projectDir().resolve(script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not finish within " + within.toSeconds() + " s");
        }
        return new NetworkScript.Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
