package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.bench.BenchOptions;
import bt.druk.registry.bench.DrukBench;
import bt.druk.registry.bench.Registered;
import bt.druk.registry.bench.Row;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.interfaces.web.browser.PortalUnderTest;
import bt.druk.registry.network.NetworkScript;
import bt.druk.registry.testing.RunsAlone;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's scenarios, briefly, against the real network and a portal of its own (port
 * 18441): every row measures a positive figure, and every registration the portal acknowledged is
 * committed, in the portal and on the ledger with the hash the portal acknowledged. A smoke test of
 * the harness (deploy/bench.sh), not a benchmark: the figures are printed, never compared.
 */
@RunsAlone
class BenchSmokeIT {

    @Test
    void everyScenarioMeasuresAndEveryAcknowledgedRegistrationIsCommitted() throws Exception {
        String prefix = "ocds-" + HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
        RealLedger realLedger = RealLedger.open();
        FabricLedger ledger = realLedger.ledger();
        try (PortalUnderTest portal = PortalUnderTest.startOwn("bench-smoke-it", Integer.getInteger("druk.benchSmoke.port", 18441),
                // as deploy/bench.sh: wrk reads from one address, which the per-address rate limit would throttle
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix, "DRUK_NOTARY_BATCHMAXWAITMILLIS", "500",
                        "DRUK_RATELIMIT_PERSECOND", "1000000", "DRUK_RATELIMIT_BURST", "1000000"))) {
            BenchOptions options = BenchOptions.parse("--connection", NetworkScript.connectionFile().toString(),
                    "--portal", portal.baseUrl, "--password", portal.demoPassword, "--portal-pid", Long.toString(portal.pid()),
                    "--in-flight", "16", "--seconds", "3", "--count", "8", "--clients", "4", "--read-seconds", "3",
                    "--read-connections", "4", "--notary-count", "64", "--drain-seconds", "60",
                    "--scenarios", "raw,portal,read,soak,notary", "--soak-seconds", "1");
            DrukBench.Report report = DrukBench.measure(options, System.out);
            System.out.println(DrukBench.table(report.rows()));

            List<String> scenarios = report.rows().stream().map(Row::scenario).toList();
            assertEquals(List.of("raw-submit (16 in flight)", "portal-register (4 clients)", "land record page (idle)",
                    "land record page (raw writes)", "verify by hash (idle)", "verify by hash (raw writes)", "verify page (idle)",
                    "verify page (raw writes)", "public document JSON (idle)", "public document JSON (raw writes)", "soak (1 s)",
                    "notary-batch"), scenarios);
            for (Row row : report.rows()) {
                assertTrue(row.measured() > 0, row.toString());
                assertTrue(row.rssMiB() > 0, "the portal's RSS: " + row);
            }
            assertTrue(report.rows().get(1).ratio() > 0, report.rows().get(1).toString());
            Row soak = report.rows().get(scenarios.indexOf("soak (1 s)"));
            Row notary = report.rows().get(scenarios.indexOf("notary-batch"));
            // one round of the soak: its registrations committed, the heap after a full collection read through jcmd
            assertTrue(soak.note().startsWith("8/8 committed in 1 rounds, 0 not committed"), soak.toString());
            assertTrue(soak.note().matches(".*heap after full GC [1-9]\\d* → [1-9]\\d* MiB.*"), soak.toString());
            assertTrue(notary.note().startsWith("64/64 anchored with proof"), notary.toString());

            // warm-up (8) and measured (8) registrations: all acknowledged, all committed
            assertEquals(16, report.acknowledged().size(), report.rows().get(1).toString());
            assertEquals(report.acknowledged().size(), report.committed());
            for (Registered title : report.acknowledged()) {
                LedgerEntry entry = ledger.readRecord("land-title:" + title.pin()).orElseThrow(() -> new AssertionError(title + " not on the ledger"));
                assertEquals(title.hash(), entry.hash(), title.pin());
                assertEquals(1, entry.version(), title.pin());
            }
        } finally {
            realLedger.close();
        }
    }
}
