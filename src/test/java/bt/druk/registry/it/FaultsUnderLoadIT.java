package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.bench.BenchOptions;
import bt.druk.registry.bench.DrukBench;
import bt.druk.registry.bench.FaultOutcome;
import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.network.NetworkScript;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Faults under load, the key assertion in {@code mvn verify} (issue 12): the benchmark's faults
 * scenario with one fault, the cheapest: every chaincode service process killed with SIGKILL under
 * a small registration load through the REST API (a portal of its own, port 18443) and started
 * again with network.sh start. Every registration the portal acknowledged must then be committed
 * exactly once: COMMITTED in the portal with its hash, one write of that hash on the auditor's
 * ledger. The table for every fault is deploy/bench.sh's (BENCHMARKS.md "Faults under load").
 */
class FaultsUnderLoadIT {

    @Test
    void killingTheChaincodeUnderLoadLosesAndDuplicatesNoAcknowledgedRegistration() throws Exception {
        String prefix = "ocds-" + HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
        try (PortalUnderTest portal = PortalUnderTest.startOwn("faults-under-load-it", Integer.getInteger("druk.faults.port", 18443),
                // as deploy/bench.sh: the load comes from one address, which the per-address rate limit would throttle
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix, "DRUK_RATELIMIT_PERSECOND", "1000000",
                        "DRUK_RATELIMIT_BURST", "1000000"))) {
            BenchOptions options = BenchOptions.parse("--connection", NetworkScript.stateDir().resolve("connection.json").toString(),
                    "--portal", portal.baseUrl, "--password", portal.demoPassword, "--portal-pid", Long.toString(portal.pid()),
                    "--scenarios", "faults", "--faults", "chaincode", "--fault-clients", "2", "--fault-seconds", "3",
                    "--drain-seconds", "90", "--network-script", NetworkScript.script().toString());
            DrukBench.Report report = DrukBench.measure(options, System.out);
            System.out.println(DrukBench.faultsTable(report.faults()));

            assertEquals(1, report.faults().size());
            FaultOutcome chaincode = report.faults().get(0);
            assertTrue(chaincode.ran() && chaincode.killed().startsWith("chaincode"), chaincode.toString());
            assertTrue(chaincode.acknowledged() > 0, "the load was acknowledged: " + chaincode);
            assertEquals(chaincode.acknowledged(), chaincode.committed(), "all committed: " + chaincode);
            assertEquals(0, chaincode.lost(), chaincode.toString());
            assertEquals(0, chaincode.duplicated(), chaincode.toString());
            assertFalse(Double.isNaN(chaincode.recoverySeconds()), "caught up within the drain time: " + chaincode);
            assertTrue(NetworkScript.run("status").succeeded(), "every process runs again");
        }
    }
}
