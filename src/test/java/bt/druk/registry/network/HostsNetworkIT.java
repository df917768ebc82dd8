package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bt.druk.registry.bench.FaultOutcome;
import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.testing.FaultUnderLoad;
import bt.druk.registry.testing.OwnHosts;
import bt.druk.registry.testing.PortalHttp;
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
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The consortium as it will run (issue 29): {@code network.sh up --hosts}, each organisation on a
 * host of its own (a network namespace) with its own orderer, SmartBFT ordering, and the portal
 * started by {@code deploy/up.sh} on the Land Commission's host. Every process runs in its
 * organisation's namespace; no organisation's folders hold another's private key; a clerk's
 * registration commits endorsed by Land and Audit; with one orderer of four killed under load
 * nothing acknowledged is lost or written twice; with two down writes stop and readiness says so,
 * and after they are back every acknowledged registration is written exactly once; after those
 * faults {@code network.sh renew-certs} renews every certificate (BFT's consenter set included) and
 * three renewed orderers still make a quorum; no process reads another organisation's folders
 * (public material comes through an exchange). Over a WAN
 * ({@code network.sh wan on}: 50 ± 10 ms each way between the hosts) a round trip to another
 * organisation's host takes at least 80 ms more than one inside a host, and registrations still
 * commit; an observer organisation added at runtime, across that WAN, runs on a host of its own and
 * answers for earlier records.
 */
@OwnHosts
// Beside Arquillian's Payara Micro (FabricPortalIT, NotaryBatchIT) and the test portals: they run
// without Hazelcast. Twice its teardown removed its bridge under a starting Arquillian server that
// ran Hazelcast (the connector's --nocluster keeps it), whose threads spun on a core and the build
// hung (arquillian.xml says how it is off now). (Its 2-of-4 orderer outage once ended with a
// registration rejected on ENDORSEMENT_POLICY_FAILURE when it ran at full CPU beside two other
// networks: a retry endorsed before an earlier attempt created the key, which
// FabricErrors.invalidated now retries.)
class HostsNetworkIT {

    /** Its state in a directory of its own: the hosts are namespaces with addresses of their own. */
    private static final IsolatedNetwork NETWORK = IsolatedNetwork.at("hosts-network-it", "127.0.0.4");

    private static final List<String> ORGS = List.of("land", "procurement", "justice", "audit");
    private static final int PORT = Integer.getInteger("druk.hosts.port", 18095);
    private static final String PASSWORD = "Hosts-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static final Pattern RECORD_KEY = Pattern.compile("\"recordKey\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000);
    private String portal;
    private long wanPid = -1;

    @Test
    void eachAgencyOnItsOwnHostOrdersTheRecordTogether() throws Exception {
        Path runDir = Files.createDirectories(PortalUnderTest.buildDir().toAbsolutePath().resolve("hosts-network-it").resolve(run));
        NETWORK.runOrFail("up", "--hosts");
        try {
            everyProcessRunsOnItsOrganisationsHost();
            noOrganisationHoldsAnothersPrivateKey(ORGS);
            noProcessReadsAnotherOrganisationsFolder(ORGS);
            startPortalOnLandsHost(runDir);

            String key = register("HN-" + run + "-1");
            String txId = NetworkScript.txIdOf(NETWORK.awaitRecord("audit", key, Duration.ofSeconds(60)));
            assertEquals(List.of("AuditMSP", "LandMSP"), LedgerTransactions.read(NETWORK, txId).endorsingMsps().stream().sorted().toList(),
                    "endorsed by Land's and Audit's peers, each on its own host");

            FaultOutcome orderer = oneOrdererKilledUnderLoad(runDir);
            assertTrue(orderer.killed().matches("orderer[1-4]"), "the orderers' leader was killed: " + orderer);

            writesStopWithTwoOrderersDownAndEachCommitsOnceAfter();
            everyCertificateRenewsWhileTheOrderersKeepTheirQuorum(runDir);

            wanPid = theHostsReachEachOtherOverAWan();
            anObserverJoinsOnItsOwnHostFromASnapshot(key);
        } finally {
            stopPortal(runDir);
            keepNetworkLogs(runDir);
            NETWORK.runOrFail("down");
        }
        assertEquals("", namespaces(), "down removes every organisation's namespace");
        assertTrue(gone(wanPid), "down stops the WAN's proxy");
    }

    /**
     * {@code network.sh wan on}: a TLS handshake from Land's host to Procurement's peer (one round
     * trip through the WAN's proxy, 50 ± 10 ms each way) takes at least 80 ms longer than one to
     * Land's own peer, which stays direct; a registration then commits, endorsed across the WAN by
     * the auditor's peer. Returns the proxy's pid.
     */
    private long theHostsReachEachOtherOverAWan() throws Exception {
        NETWORK.runOrFail("wan", "on", "50", "10");
        assertTrue(NETWORK.runOrFail("wan", "status").output().contains("WAN on: 50 ms ± 10 ms each way, proxy running"));
        double[] median = medianHandshakesFromLand("10.231.7.11:7051", "10.231.7.12:8051");
        double local = median[0];
        double remote = median[1];
        System.out.printf("[hosts-network-it] TLS handshake from Land's host: own peer %.1f ms, Procurement's peer %.1f ms%n", local, remote);
        assertTrue(remote - local >= 80, "a round trip between hosts carries the WAN's delay both ways: " + local + " ms against " + remote + " ms");
        String key = register("HN-" + run + "-W");
        // 'wan on' returns once the orderers order again over their new connections (a minute of failed
        // SmartBFT views after a reset without it): the registration commits within seconds.
        String txId = NetworkScript.txIdOf(NETWORK.awaitRecord("audit", key, Duration.ofSeconds(60)));
        assertEquals(List.of("AuditMSP", "LandMSP"), LedgerTransactions.read(NETWORK, txId).endorsingMsps().stream().sorted().toList(),
                "endorsed across the WAN");
        return Long.parseLong(Files.readString(NETWORK.stateDir().resolve("pids/wan.pid")).strip());
    }

    /**
     * The median of seven TLS handshakes from Land's host to each address, in ms, taken in turns.
     * Only the handshake is timed (after the TCP connection, before any data), by one Python process
     * at a raised priority: a new openssl process per handshake, timed from its start, measured its
     * own start-up too, which under both cores' load outweighed the WAN's delay (232.6 ms to Land's
     * own peer against 274.6 ms across the WAN, 2026-12-06). The median, not the quickest: the WAN's
     * round trip is 80 to 120 ms, so the quickest of seven may come within a millisecond of the 80.
     */
    private static double[] medianHandshakesFromLand(String local, String remote) throws Exception {
        String script = """
                import socket, ssl, sys, time
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE  # only the time is measured
                def handshake(address):
                    host, port = address.rsplit(':', 1)
                    with socket.create_connection((host, int(port)), timeout=10) as connection:
                        started = time.perf_counter()
                        with context.wrap_socket(connection):
                            return (time.perf_counter() - started) * 1000
                times = [[], []]
                for _ in range(7):
                    for i, address in enumerate(sys.argv[1:]):
                        times[i].append(handshake(address))
                print(' '.join('%.3f' % sorted(t)[3] for t in times))
                """;
        String output = command(60, "ip", "netns", "exec", "druk-land", "nice", "-n", "-10", "python3", "-c", script, local, remote);
        String[] median = output.strip().lines().reduce((first, last) -> last).orElse("").split(" ");
        assertEquals(2, median.length, "handshake times: " + output);
        return new double[] {Double.parseDouble(median[0]), Double.parseDouble(median[1])};
    }

    /** Each process's namespace, from its pid file: druk-land for ca-land, peer-land, chaincode-land and orderer1, … */
    private static void everyProcessRunsOnItsOrganisationsHost() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < ORGS.size(); i++) {
            String org = ORGS.get(i);
            for (String process : List.of("ca-" + org, "peer-" + org, "chaincode-" + org, "orderer" + (i + 1))) {
                expected.put(process, "druk-" + org);
            }
        }
        assertOnHosts(expected);
    }

    private static void assertOnHosts(Map<String, String> namespaceOfProcess) throws Exception {
        Path pids = NETWORK.stateDir().resolve("pids");
        for (Map.Entry<String, String> process : namespaceOfProcess.entrySet()) {
            String pid = Files.readString(pids.resolve(process.getKey() + ".pid")).strip();
            assertEquals(process.getValue(), command(10, "ip", "netns", "identify", pid).strip(),
                    process.getKey() + " runs on its organisation's host");
        }
    }

    /**
     * {@code network.sh add-org acc}: the Anti-Corruption Commission joins as an observer on a host
     * of its own, with keys of its own; its peer joins from the auditor's snapshot (it has no block
     * before it) and answers for a record written before it joined; registrations go on.
     */
    private void anObserverJoinsOnItsOwnHostFromASnapshot(String earlierKey) throws Exception {
        NetworkScript.Result added = NETWORK.runOrFail("add-org", "acc");
        System.out.println("[hosts-network-it] add-org acc:\n" + added.output().lines()
                .filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d .*")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(added.output().contains("configuration update signed by land procurement justice"),
                "a majority of the four organisations' admins sign: " + added.output());
        assertOnHosts(Map.of("ca-acc", "druk-acc", "peer-acc", "druk-acc", "chaincode-acc", "druk-acc"));
        List<String> withObserver = new ArrayList<>(ORGS);
        withObserver.add("acc");
        noOrganisationHoldsAnothersPrivateKey(withObserver);
        noProcessReadsAnotherOrganisationsFolder(withObserver);
        assertTrue(Files.readString(NETWORK.stateDir().resolve("logs/peer-acc.log")).contains("Created ledger [registry] from snapshot"),
                "the observer's peer joined from a snapshot, not from the first block");

        String onAudit = NETWORK.runOrFail("query", "inspector", "audit", "GetRecord", earlierKey).output().strip();
        assertEquals(onAudit, NETWORK.runOrFail("query", "inspector", "acc", "GetRecord", earlierKey).output().strip(),
                "the observer's peer answers for a record written before it joined");
        String later = register("HN-" + run + "-A");
        String txId = NetworkScript.txIdOf(NETWORK.awaitRecord("audit", later, Duration.ofSeconds(60)));
        assertEquals(List.of("AuditMSP", "LandMSP"), LedgerTransactions.read(NETWORK, txId).endorsingMsps().stream().sorted().toList(),
                "registrations go on, endorsed as before");
        NETWORK.awaitRecord("acc", later, Duration.ofSeconds(60)); // it reaches the observer's peer
    }

    /**
     * Every private key under an organisation's folders (its CA, its MSP folders, its CA client)
     * signs for a certificate or public key of that organisation's folders and for none of any other's.
     */
    private static void noOrganisationHoldsAnothersPrivateKey(List<String> orgs) throws Exception {
        Path net = NETWORK.stateDir();
        Map<String, List<PrivateKey>> keys = new HashMap<>();
        Map<String, List<PublicKey>> certificates = new HashMap<>();
        for (String org : orgs) {
            List<Path> folders = List.of(net.resolve("orgs").resolve(org), net.resolve("ca").resolve(org), net.resolve("ca-client").resolve(org));
            keys.put(org, new ArrayList<>());
            certificates.put(org, new ArrayList<>());
            for (Path folder : folders) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                        if (text.contains("PRIVATE KEY-----")) {
                            keys.get(org).add(privateKey(file));
                        } else if (text.startsWith("-----BEGIN CERTIFICATE-----")) {
                            certificates.get(org).add(CertificateFactory.getInstance("X.509")
                                    .generateCertificate(Files.newInputStream(file)).getPublicKey());
                        } else if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
                            certificates.get(org).add(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY"))));
                        }
                    }
                }
            }
        }
        for (String org : orgs) {
            assertTrue(keys.get(org).size() >= 4, org + ": its CA's, admin's and nodes' keys are in its folders");
            for (PrivateKey key : keys.get(org)) {
                assertTrue(certificates.get(org).stream().anyMatch(cert -> signsFor(key, cert)), org + ": each key is one of its certificates'");
                for (String other : orgs) {
                    if (!other.equals(org)) {
                        assertFalse(certificates.get(other).stream().anyMatch(cert -> signsFor(key, cert)),
                                org + "'s folders hold a private key of " + other);
                    }
                }
            }
        }
    }

    /**
     * Each process's launch script names files of its own organisation's folders only: what it
     * needs of another (CA and TLS CA certificates) it reads from the exchange folder, where each
     * organisation published its public MSP.
     */
    private static void noProcessReadsAnotherOrganisationsFolder(List<String> orgs) throws Exception {
        Path launch = NETWORK.stateDir().resolve("launch");
        int checked = 0;
        try (Stream<Path> scripts = Files.list(launch)) {
            for (Path script : scripts.toList()) {
                String process = script.getFileName().toString().replaceFirst("\\.sh$", "");
                if (process.equals("wan")) {
                    continue; // the WAN's proxy runs on the machine and reads no organisation's folders
                }
                String org = process.startsWith("orderer") ? ORGS.get(Integer.parseInt(process.substring("orderer".length())) - 1)
                        : process.replaceFirst("^(ca|peer|chaincode)-", "").replaceFirst("-(next|\\d+)$", "");
                assertTrue(orgs.contains(org), "the organisation of " + process + ": " + org);
                String text = Files.readString(script);
                for (String other : orgs) {
                    if (!other.equals(org)) {
                        for (String folder : List.of("/orgs/", "/ca/", "/ca-client/")) {
                            assertFalse(text.contains(folder + other + "/"), process + " reads " + other + "'s folder " + folder + other + ":\n" + text);
                        }
                    }
                }
                checked++;
            }
        }
        assertTrue(checked >= 4 * ORGS.size(), "every CA, peer, chaincode service and orderer was checked: " + checked);
    }

    /**
     * A PEM private key, read through openssl: Fabric CA writes its idemix revocation key as SEC1
     * under a PKCS#8 label, which openssl reads and Java does not.
     */
    private static PrivateKey privateKey(Path file) throws Exception {
        String pkcs8 = command(10, "openssl", "pkey", "-in", file.toString());
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(pkcs8, "PRIVATE KEY")));
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = pem.indexOf(begin);
        if (start < 0) {
            throw new IllegalArgumentException("no " + label + " in " + pem);
        }
        return Base64.getDecoder().decode(pem.substring(start + begin.length(), pem.indexOf("-----END " + label + "-----"))
                .replaceAll("\\s", ""));
    }

    private static boolean signsFor(PrivateKey key, PublicKey certificate) {
        if (!certificate.getAlgorithm().equals("EC")) {
            return false;
        }
        try {
            byte[] message = "druk".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false; // another curve
        }
    }

    /** deploy/up.sh as a user runs it: on a network of hosts it starts the portal on Land's host. */
    private void startPortalOnLandsHost(Path runDir) throws Exception {
        ProcessBuilder up = new ProcessBuilder(PortalUnderTest.projectDir().resolve("deploy/up.sh").toAbsolutePath().toString(),
                "--no-build", "--no-demo")
                .redirectErrorStream(true).redirectOutput(runDir.resolve("up-sh.log").toFile());
        up.environment().putAll(NETWORK.environment());
        up.environment().putAll(PortalUnderTest.upShSettings());
        up.environment().putAll(Map.of("DRUK_RUN_DIR", runDir.toString(), "DRUK_PORT", Integer.toString(PORT),
                "DRUK_BUILD_DIR", PortalUnderTest.buildDir().toAbsolutePath().toString(), "DRUK_DEMO_PASSWORD", PASSWORD,
                // readiness turns DOWN soon after writes stop; the bench's load comes from one address
                "DRUK_LEDGER_MAX_WAIT_SECONDS", "15", "DRUK_RATELIMIT_PERSECOND", "1000000", "DRUK_RATELIMIT_BURST", "1000000"));
        Process process = up.start();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("deploy/up.sh did not return within 8 min");
        }
        String output = Files.readString(runDir.resolve("up-sh.log"));
        assertEquals(0, process.exitValue(), () -> "deploy/up.sh failed:\n" + output);
        portal = "http://10.231.7.11:" + PORT;
        assertTrue(output.contains(portal + "/"), "up.sh names the portal's address on Land's host: " + output);
        String pid = Files.readString(runDir.resolve("portal.pid")).strip();
        assertEquals("druk-land", command(10, "ip", "netns", "identify", pid).strip(), "the portal runs on Land's host");
    }

    /** A clerk's first registration of a title through the REST API; returns its record key. */
    private String register(String pin) throws Exception {
        HttpResponse<String> answer = post(pin);
        assertEquals(202, answer.statusCode(), answer.body());
        Matcher key = RECORD_KEY.matcher(answer.body());
        assertTrue(key.find(), answer.body());
        return key.group(1);
    }

    private HttpResponse<String> post(String pin) throws IOException, InterruptedException {
        String body = """
                {"pin":"%s","thramNo":"T-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1.5,"landType":"DRY_LAND",
                 "owners":[{"name":"Dorji Wangmo","cid":"%s","share":"1"}]}""".formatted(pin, pin,
                PortalUnderTest.cidFor(pin));
        return http.send(HttpRequest.newBuilder(URI.create(portal + "/api/land/titles"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("land.clerk:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bench's orderer fault: registrations from two clients, the orderers' leader killed and started again. */
    private FaultOutcome oneOrdererKilledUnderLoad(Path runDir) throws Exception {
        String pid = Files.readString(runDir.resolve("portal.pid")).strip();
        List<String> args = List.of("--connection", NETWORK.connectionFile().toString(),
                "--portal", portal, "--password", PASSWORD, "--portal-pid", pid,
                "--scenarios", "faults", "--faults", "orderer", "--fault-clients", "2", "--fault-seconds", "5",
                "--fault-rate", "10", "--drain-seconds", "90", "--network-script", NETWORK.script().toString());
        return FaultUnderLoad.run(args);
    }

    /**
     * Two orderers of four down (BFT tolerates one): registrations are still acknowledged but none
     * commits, and readiness turns DOWN saying why; both started again, each is written once.
     */
    private void writesStopWithTwoOrderersDownAndEachCommitsOnceAfter() throws Exception {
        NETWORK.runOrFail("kill", "orderer1");
        NETWORK.runOrFail("kill", "orderer2");
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            keys.add(register("HN-" + run + "-D" + i));
        }
        JsonObject readiness = awaitReadiness("DOWN", Duration.ofSeconds(90));
        System.out.println("[hosts-network-it] readiness with two orderers down: " + readiness);
        JsonObject data = readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name", "").equals("ledger")).findFirst()
                .orElseThrow(() -> new AssertionError("no ledger check: " + readiness)).getJsonObject("data");
        assertTrue(data.containsKey("reason"), "readiness says why: " + readiness);
        // Payara writes the numbers as strings
        assertTrue(Integer.parseInt(data.get("waitingVersions").toString().replace("\"", "")) >= keys.size(),
                "the registrations wait: " + readiness);
        for (String key : keys) {
            assertFalse(NETWORK.run("query", "inspector", "audit", "GetRecord", key).output().contains("\"key\":\"" + key + "\""),
                    key + " is not written while two orderers are down");
        }

        NETWORK.runOrFail("start");
        for (String key : keys) {
            NETWORK.awaitRecord("audit", key, Duration.ofSeconds(180));
            awaitCommittedInPortal(key, Duration.ofSeconds(60));
            JsonArray writes = NETWORK.ledgerHistory(key);
            assertEquals(1, writes.size(), key + " is written exactly once: " + writes);
        }
        awaitReadiness("UP", Duration.ofSeconds(60));
    }

    /**
     * {@code network.sh renew-certs} on BFT, after the orderer faults above: every orderer gets new
     * certificates for its keys and the channel's consenter set names them. A registration from before
     * commits; then, with one orderer killed, the three renewed others still make the quorum a
     * registration needs.
     */
    private void everyCertificateRenewsWhileTheOrderersKeepTheirQuorum(Path runDir) throws Exception {
        Path signing = NETWORK.stateDir().resolve("orgs/justice/nodes/orderer3/msp/signcerts/cert.pem");
        String before = Files.readString(signing);
        String during = register("HN-" + run + "-R1");
        String renewal = NETWORK.runOrFail("renew-certs").output();
        System.out.println("[hosts-network-it] renew-certs: " + renewal.lines().filter(line -> line.contains("Certificates renewed in"))
                .findFirst().orElse("(no total)"));
        String after = Files.readString(signing);
        assertNotEquals(before, after, "orderer3 has a new signing certificate");
        Path config = Files.createDirectories(runDir.resolve("channel-config"));
        NETWORK.runOrFail("channel-config", config.toString());
        String block = new String(Files.readAllBytes(config.resolve("config-block.pb")), StandardCharsets.US_ASCII);
        assertTrue(block.contains(after.lines().skip(1).findFirst().orElseThrow()), "the consenter set names orderer3's new certificate");
        NETWORK.awaitRecord("audit", during, Duration.ofSeconds(120));
        NETWORK.runOrFail("kill", "orderer4");
        String afterRenewal = register("HN-" + run + "-R2");
        NETWORK.awaitRecord("audit", afterRenewal, Duration.ofSeconds(180));
        NETWORK.runOrFail("start");
    }

    private JsonObject awaitReadiness(String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(portal + "/health/ready")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                JsonObject answer = Json.createReader(new StringReader(last)).readObject();
                if (status.equals(answer.getString("status", ""))) {
                    return answer;
                }
            } catch (IOException | RuntimeException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("readiness not " + status + " within " + within.toSeconds() + " s; last: " + last);
    }

    private void awaitCommittedInPortal(String key, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/records/" + key)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (last.contains("\"ledgerState\":\"COMMITTED\"")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(key + " not COMMITTED in the portal within " + within.toSeconds() + " s: " + last);
    }

    private static void stopPortal(Path runDir) throws Exception {
        Path script = PortalUnderTest.projectDir().resolve("deploy/lib/portal-process.sh").toAbsolutePath();
        command(120, "bash", "-c", "RUN=\"$(realpath -m \"$2\")\" && source \"$1\" && portal_stop", "stop-portal",
                script.toString(), runDir.toString());
    }

    /** The network's logs, which {@code down} deletes, kept beside the portal's for a failure's post-mortem. */
    private static void keepNetworkLogs(Path runDir) throws Exception {
        command(120, "cp", "-r", NETWORK.stateDir().resolve("logs").toString(), runDir.resolve("network-logs").toString());
    }

    /** No such process, or one killed that its parent has not reaped yet. */
    private static boolean gone(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return true;
        }
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static String namespaces() throws Exception {
        return command(10, "ip", "netns", "list").lines().filter(line -> line.startsWith("druk-")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String command(int seconds, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
