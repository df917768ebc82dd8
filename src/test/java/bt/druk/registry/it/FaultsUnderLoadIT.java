package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.bench.FaultOutcome;
import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.network.IsolatedNetwork;
import bt.druk.registry.network.NetworkScript;
import bt.druk.registry.testing.FaultUnderLoad;
import bt.druk.registry.testing.OwnNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, the key assertions in {@code mvn verify} (issue 12): the benchmark's faults
 * scenario with the cheapest faults, each under a small registration load through the REST API
 * (a portal of its own, port 18443): every chaincode service process killed with SIGKILL and
 * started again with network.sh start; the chaincode upgraded to its next sequence
 * (network.sh upgrade-chaincode, issue 29); every certificate renewed (network.sh renew-certs,
 * issue 29); and, with the portal on a PostgreSQL of its own, every
 * process of that PostgreSQL killed and started again (crash recovery). Every registration the
 * portal acknowledged must then be committed exactly once: COMMITTED in the portal with its hash,
 * one write of that hash on the auditor's ledger. The table for every fault is deploy/bench.sh's
 * (BENCHMARKS.md "Faults under load").
 *
 * <p>The faults fall on a network of its own ({@link IsolatedNetwork}, 127.0.0.7), so it runs beside
 * the tests that share the other one.
 */
@OwnNetwork
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsUnderLoadIT {

    /** Below Linux's ephemeral range (32768-60999), where an outgoing connection may already hold it. */
    private static final int POSTGRES_PORT = 25446;

    private static final IsolatedNetwork NETWORK = IsolatedNetwork.at("faults-under-load-it", "127.0.0.7");

    /** The portal the faults without settings of their own share (on port 18443 like the others: never two at once). */
    private PortalUnderTest onH2;

    @BeforeAll
    void networkUp() {
        NETWORK.runOrFail("up");
    }

    @AfterAll
    void stopEverything() {
        try {
            stopSharedPortal();
        } finally {
            NETWORK.runOrFail("down");
        }
    }

    private void stopSharedPortal() {
        if (onH2 != null) {
            onH2.close();
            onH2 = null;
        }
    }

    @Test
    void killingTheChaincodeUnderLoadLosesAndDuplicatesNoAcknowledgedRegistration() throws Exception {
        FaultOutcome chaincode = runFault("chaincode", Map.of(), List.of());
        assertTrue(chaincode.killed().startsWith("chaincode"), chaincode.toString());
        assertTrue(NETWORK.run("status").succeeded(), "every process runs again");
    }

    /**
     * {@code network.sh upgrade-chaincode} under the load: the next sequence commits, and afterwards
     * only its services (on the other port of each organisation's pair) serve.
     */
    @Test
    void upgradingTheChaincodeUnderLoadLosesAndDuplicatesNoAcknowledgedRegistration() throws Exception {
        Path sequenceFile = NETWORK.stateDir().resolve("chaincode/sequence");
        int before = Integer.parseInt(Files.readString(sequenceFile).strip());
        List<String> orgs = List.of("land", "procurement", "justice", "audit");
        Map<String, Integer> portBefore = new HashMap<>();
        orgs.forEach(org -> portBefore.put(org, NETWORK.port("chaincode-" + org)));
        FaultOutcome upgrade = runFault("upgrade", Map.of(), List.of());
        assertEquals("chaincode upgrade", upgrade.killed(), upgrade.toString());
        assertEquals(before + 1, Integer.parseInt(Files.readString(sequenceFile).strip()), "the next sequence is committed");
        String status = NETWORK.runOrFail("status").output();
        for (String org : orgs) {
            String service = status.lines().map(String::strip).filter(line -> line.startsWith("chaincode-" + org + " "))
                    .findFirst().orElseThrow();
            String[] cells = service.split("\\s+");
            assertEquals("OK", cells[3], service);
            int port = Integer.parseInt(cells[2]);
            assertEquals(1, Math.abs(port - portBefore.get(org)), "the new service of " + org + " is on the other port of its pair: " + service);
            assertEquals(List.of(), processesListeningOn(portBefore.get(org)), "the old service of " + org + " is stopped");
        }
    }

    /**
     * {@code network.sh renew-certs} under the load (issue 29): every registration acknowledged before,
     * during and after it commits exactly once (the ones from before are read back on the auditor's
     * peer after it), and the land peer serves a new TLS certificate for the key it had.
     */
    @Test
    void renewingEveryCertificateUnderLoadLosesAndDuplicatesNoAcknowledgedRegistration() throws Exception {
        X509Certificate before = servedCertificate(NETWORK.port("peer-land"));
        FaultOutcome renewal = runFault("renewal", Map.of(), List.of());
        assertEquals("certificate renewal", renewal.killed(), renewal.toString());
        X509Certificate after = servedCertificate(NETWORK.port("peer-land"));
        assertNotEquals(before.getSerialNumber(), after.getSerialNumber(), "the land peer serves a new certificate");
        assertTrue(after.getNotAfter().after(before.getNotAfter()) || after.getNotAfter().equals(before.getNotAfter()),
                "the new certificate lasts at least as long: " + after.getNotAfter() + " against " + before.getNotAfter());
        assertArrayEquals(before.getPublicKey().getEncoded(), after.getPublicKey().getEncoded(), "for the same key");
        assertTrue(NETWORK.run("status").succeeded(), "every process runs again");
    }

    /** The certificate a peer presents in its TLS handshake on the network's address (read only: any is accepted). */
    private static X509Certificate servedCertificate(int port) throws Exception {
        TrustManager[] acceptAny = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, acceptAny, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(NETWORK.address(), port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static List<String> processesListeningOn(int port) throws Exception {
        // on this network's address: other networks listen on the same port at theirs
        Process ss = new ProcessBuilder("ss", "-Hltn", "src " + NETWORK.address() + ":" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ss.waitFor();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    /** Last: its portal takes the shared one's port, which would otherwise boot a second time after it. */
    @Test
    @Order(Integer.MAX_VALUE)
    void killingThePortalsPostgresUnderLoadLosesAndDuplicatesNoAcknowledgedRegistration() throws Exception {
        Path dir = Files.createTempDirectory("druk-pg-faults");
        String postgres = NetworkScript.script().getParent().resolve("lib/throwaway-postgres.sh").toString();
        // what deploy/bench.sh --postgres writes: "kill" every process of the cluster, "start" it again on its data
        Path control = Files.createTempFile("druk-database-control-", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(control, String.join("\n", "#!/usr/bin/env bash",
                "case \"$1\" in",
                "  kill) exec '" + postgres + "' kill '" + dir + "' ;;",
                "  start) exec '" + postgres + "' start-again '" + dir + "' " + POSTGRES_PORT + " ;;",
                "esac", ""));
        ThrowawayPostgres.run("start", dir.toString(), Integer.toString(POSTGRES_PORT));
        try {
            FaultOutcome database = runFault("database",
                    Map.of("DRUK_DB_URL", "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/druk", "DRUK_DB_USER", "druk",
                            "DRUK_DB_PASSWORD", "druk"),
                    List.of("--database-control", control.toString()));
            assertEquals("database", database.killed(), database.toString());
            // posts made while the database was down are refused as "try again", never as a conflict or an incident
            assertFalse(database.note().contains("first: 409") || database.note().contains("first: 500"), database.note());
        } finally {
            ThrowawayPostgres.run("stop", dir.toString());
            Files.deleteIfExists(control);
        }
    }

    /**
     * The faults scenario with one fault; asserts nothing lost or doubled. Faults that need no
     * settings of their own share one portal on H2 (a portal boot is the dearest part of a run);
     * others get a portal of their own with {@code settings}.
     */
    private FaultOutcome runFault(String fault, Map<String, String> settings, List<String> options) throws Exception {
        if (settings.isEmpty()) {
            if (onH2 == null) {
                onH2 = startPortal("h2", settings);
            }
            return runFault(onH2, fault, options);
        }
        stopSharedPortal(); // its port is the one this portal takes
        try (PortalUnderTest portal = startPortal(fault, settings)) {
            return runFault(portal, fault, options);
        }
    }

    private static PortalUnderTest startPortal(String name, Map<String, String> settings) throws Exception {
        String prefix = "ocds-" + HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
        Map<String, String> environment = new HashMap<>(settings);
        // as deploy/bench.sh: the load comes from one address, which the per-address rate limit would throttle
        environment.putAll(Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix, "DRUK_RATELIMIT_PERSECOND", "1000000",
                "DRUK_RATELIMIT_BURST", "1000000", "DRUK_FABRIC_CONFIG", NETWORK.connectionFile().toString()));
        return PortalUnderTest.startOwn("faults-under-load-" + name, Integer.getInteger("druk.faults.port", 18443), environment);
    }

    private static FaultOutcome runFault(PortalUnderTest portal, String fault, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--connection", NETWORK.connectionFile().toString(),
                "--portal", portal.baseUrl, "--password", portal.demoPassword, "--portal-pid", Long.toString(portal.pid()),
                "--scenarios", "faults", "--faults", fault, "--fault-clients", "2", "--fault-seconds", "3",
                // a steady load whose backlog a slow restart cannot grow past what the drain clears in seconds
                "--fault-rate", "10", "--drain-seconds", "90", "--network-script", NETWORK.script().toString()));
        args.addAll(options);
        return FaultUnderLoad.run(args);
    }
}
