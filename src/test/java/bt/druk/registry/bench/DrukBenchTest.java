package bt.druk.registry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrukBenchTest {

    @Test
    void theHeapInUseIsEverySpaceOfTheCollectorAndNotMetaspace() {
        String g1 = """
                 garbage-first heap   total 264192K, used 167936K [0x00000000d0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 98304K, committed 99328K, reserved 1138688K
                """;
        assertEquals(164, SoakRun.heapUsedMiB(g1).orElseThrow());
        // the serial collector's, as the test portals run, right after a full collection: the young
        // generation empty, what lives in the tenured one
        String serial = """
                 def new generation   total 116160K, used 0K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                  eden space 103296K,   0% used [0x0000000687400000, 0x0000000687400000, 0x000000068d8e0000)
                 tenured generation   total 258048K, used 153600K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                 Metaspace       used 1741K, committed 1856K, reserved 1114112K
                """;
        assertEquals(150, SoakRun.heapUsedMiB(serial).orElseThrow());
        assertTrue(SoakRun.heapUsedMiB("jcmd: no such process").isEmpty());
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 2000; i++) {
            l.add(i * 1_000_000L);
        }
        assertEquals(1000.0, l.percentileMillis(50));
        assertEquals(1980.0, l.percentileMillis(99));
        assertTrue(Double.isNaN(new Latencies().percentileMillis(50)));
    }

    @Test
    void wrksDoneLineGivesRequestsPerSecondLatenciesAndErrors() {
        WrkRun.Result r = WrkRun.parse("Running 15s test\nBENCH requests=30000 duration_us=15000000 p50_us=2500 p99_us=41000 "
                + "status=7 connect=1 read=2 write=0 timeout=3\n");
        assertEquals((30000 - 7) / 15.0, r.perSecond(), 1e-9);
        assertEquals(2.5, r.p50Millis(), 1e-9);
        assertEquals(41.0, r.p99Millis(), 1e-9);
        assertEquals(7, r.non2xx());
        assertEquals(6, r.socketErrors());
        assertThrows(IllegalArgumentException.class, () -> WrkRun.parse("Requests/sec: 100"));
    }

    @Test
    void theTableSetsThePortalAgainstRawWithTheirRatio() {
        String table = DrukBench.table(List.of(
                new Row("raw-submit (128 in flight)", Double.NaN, 100, "tx/s", 900, 1500, 600, "1500 committed"),
                new Row("portal-register (16 clients)", 45, 100, "reg/s", 2.5, 80, 700, "all committed"),
                DrukBench.caliperRow("not available (npm could not install it)")));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("| scenario"), table);
        assertTrue(lines.get(2).contains("| 100.0 tx/s |") && lines.get(2).contains("| 900 "), table);
        assertTrue(lines.get(3).contains("| 45.0 reg/s |") && lines.get(3).contains("| 0.45x |") && lines.get(3).contains("| 2.50 "), table);
        assertTrue(lines.get(4).contains("not available (npm could not install it)"), table);
    }

    @Test
    void aCaliperFigureCountsAsMeasuredAndItsAbsenceDoesNotFailTheRun() {
        Row measured = DrukBench.caliperRow("77.9 TPS, 0 failed");
        assertEquals(77.9, measured.raw(), 1e-9);
        assertEquals("TPS, 0 failed", measured.note());
        Row raw = new Row("raw-submit", Double.NaN, 50, "tx/s", 1, 2, -1, "");
        assertTrue(new DrukBench.Report(List.of(raw, DrukBench.caliperRow("not available (no npm)")), List.of(), 0).everyRowMeasured());
        Row nothing = new Row("land record page (idle)", 0, Double.NaN, "req/s", 1, 2, -1, "");
        assertFalse(new DrukBench.Report(List.of(raw, nothing), List.of(), 0).everyRowMeasured());
    }

    @Test
    void optionsNeedAPortalForThePortalScenariosAndGiveEachRunItsOwnId() {
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--connection", "c.json"));
        BenchOptions raw = BenchOptions.parse("--connection", "c.json", "--scenarios", "raw", "--seconds", "5");
        assertEquals(5, raw.rawSeconds());
        assertEquals(128, raw.inFlight());
        assertFalse(raw.runs("portal"));
        assertTrue(raw.runId().matches("[0-9A-F]{6}"));
        BenchOptions other = BenchOptions.parse("--connection", "c.json", "--scenarios", "raw");
        assertFalse(raw.runId().equals(other.runId()) && raw.runId().equals(BenchOptions.parse("--connection", "c.json",
                "--scenarios", "raw").runId()), "run ids differ");
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--connection", "c.json", "--scenarios", "raw,write"));
    }

    @Test
    void theSoakRunsOnlyWhenNamedAndForTheSecondsGiven() {
        BenchOptions all = BenchOptions.parse("--connection", "c.json", "--portal", "http://p", "--password", "x");
        assertFalse(all.runs("soak"), "a plain run stays short");
        assertEquals(600, all.soakSeconds());
        BenchOptions soak = BenchOptions.parse("--connection", "c.json", "--portal", "http://p", "--password", "x",
                "--scenarios", "soak", "--soak-seconds", "90");
        assertTrue(soak.runs("soak"));
        assertFalse(soak.runs("portal"));
        assertEquals(90, soak.soakSeconds());
    }

    @Test
    void aSoaksGrowthIsReadFromItsFirstAndLastRounds() {
        SoakRun.Result r = new SoakRun.Result(java.util.List.of(
                new SoakRun.Sample(1, 60, 700, 160, 200, 200, 0, 900),
                new SoakRun.Sample(2, 120, 760, 150, 400, 390, 10, 950),
                new SoakRun.Sample(3, 180, 720, 165, 600, 600, 0, 940)), 600, 600, 0, 180, new Latencies());
        assertEquals("RSS 700 → 720 MiB (max 760), heap after full GC 160 → 165 MiB (max 165), waiting for the ledger after the last round 0",
                r.growth());
        assertEquals(600 / 180.0, r.perSecond(), 1e-9);
    }

    @Test
    void itemsAreAwaitedInOrderUntilDoneFailedOrTheDeadline() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("a", "b", "c", "d"));
        int[] asked = new int[1];
        PortalApi.Awaited awaited = PortalApi.awaitInOrder(queue, () -> false, item -> {
            asked[0]++;
            return switch (item) {
                case "b" -> asked[0] < 4 ? PortalApi.Progress.PENDING : PortalApi.Progress.DONE;
                case "c" -> PortalApi.Progress.FAILED;
                case "d" -> PortalApi.Progress.PENDING;
                default -> PortalApi.Progress.DONE;
            };
        }, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300), 5);
        assertEquals(2, awaited.done());
        assertEquals(1, awaited.failed());
        assertEquals("c", awaited.firstFailed());
        assertEquals(1, awaited.stillPending());
    }

    @Test
    void theFaultsRunOnlyWhenNamedAndNeedTheNetworkScriptAndThePortalsStartScript() {
        BenchOptions all = BenchOptions.parse("--connection", "c.json", "--portal", "http://p", "--password", "x");
        assertFalse(all.runs("faults"), "a plain run kills nothing");
        BenchOptions faults = BenchOptions.parse("--connection", "c.json", "--portal", "http://p", "--password", "x",
                "--scenarios", "faults", "--network-script", "/n/network.sh", "--portal-restart", "/r/portal-start.sh");
        assertTrue(faults.runs("faults"));
        assertEquals(List.of("peer-land", "peer-audit", "chaincode", "ca-land", "orderer", "portal", "database", "upgrade",
                "renewal"), faults.faults());
        assertEquals(4, faults.faultClients());
        assertEquals(5, faults.faultSeconds());
        assertEquals(Path.of("/n/network.sh"), faults.networkScript().orElseThrow());
        BenchOptions one = BenchOptions.parse("--connection", "c.json", "--portal", "http://p", "--password", "x",
                "--scenarios", "faults", "--faults", "Chaincode", "--network-script", "n.sh", "--fault-clients", "2", "--fault-seconds", "3");
        assertEquals(List.of("chaincode"), one.faults(), "the portal's start script is needed only for the portal fault");
        assertEquals(2, one.faultClients());
        assertEquals(3, one.faultSeconds());
        assertEquals(0, one.faultRate(), "back to back unless a rate is given");
        assertEquals(10, BenchOptions.parse("--connection", "c.json", "--portal", "http://p", "--password", "x", "--scenarios", "faults",
                "--faults", "chaincode", "--network-script", "n.sh", "--fault-rate", "10").faultRate());
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--connection", "c.json", "--portal", "http://p",
                "--password", "x", "--scenarios", "faults", "--faults", "chaincode"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--connection", "c.json", "--portal", "http://p",
                "--password", "x", "--scenarios", "faults", "--faults", "portal", "--network-script", "n.sh"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--connection", "c.json", "--portal", "http://p",
                "--password", "x", "--scenarios", "faults", "--faults", "peer-land;rm", "--network-script", "n.sh"));
    }

    @Test
    void aFaultKillsTheProcessesNetworkStatusListsAnOrdererOnlyOfThreeAndTheDatabaseOnlyOnPostgres() {
        List<String> oneService = List.of("ca-land", "ca-audit", "orderer1", "peer-land", "peer-audit", "chaincode");
        List<String> perOrganisation = List.of("ca-land", "orderer1", "orderer2", "orderer3", "peer-land", "peer-audit",
                "chaincode-land", "chaincode-audit");
        assertEquals(List.of("chaincode"), FaultRun.plan("chaincode", oneService, false).processes());
        assertEquals(List.of("chaincode-land", "chaincode-audit"), FaultRun.plan("chaincode", perOrganisation, false).processes());
        assertEquals("1-orderer network", FaultRun.plan("orderer", oneService, false).notRunReason());
        assertEquals(List.of("orderer1"), FaultRun.plan("orderer", perOrganisation, false).processes());
        assertEquals(List.of("peer-audit"), FaultRun.plan("peer-audit", oneService, false).processes());
        assertEquals(List.of("portal"), FaultRun.plan("portal", List.of(), false).processes());
        assertEquals("no process peer-justice in network.sh status", FaultRun.plan("peer-justice", oneService, false).notRunReason());
        // the database only where the bench runs the portal on a PostgreSQL it can kill and start
        assertEquals(List.of("database"), FaultRun.plan("database", oneService, true).processes());
        assertEquals("the portal runs on H2 (deploy/bench.sh --postgres runs it on PostgreSQL)",
                FaultRun.plan("database", oneService, false).notRunReason());
    }

    @Test
    void networkStatusGivesEachProcessAndItsHealth() {
        Map<String, String> health = FaultRun.parseStatus("""
                PROCESS            PID      PORT   HEALTH     LOG
                ca-land            1201     7054   OK         /n/logs/ca-land.log
                orderer1           1300     7050   OK         /n/logs/orderer1.log
                peer-land          -        7051   DOWN       /n/logs/peer-land.log
                chaincode-land     1500     7057   UNHEALTHY  /n/logs/chaincode-land.log
                Fabric 3.1.1, channel 'registry', chaincode 'registry' sequence 2, 1 orderer(s)
                """);
        assertEquals(List.of("ca-land", "orderer1", "peer-land", "chaincode-land"), List.copyOf(health.keySet()));
        assertEquals("DOWN", health.get("peer-land"));
        assertEquals("UNHEALTHY", health.get("chaincode-land"));
        assertTrue(FaultRun.parseStatus("No network (run 'network.sh up')").isEmpty());
    }

    @Test
    void anAcknowledgedRegistrationIsCommittedOnceOnlyWithOneLedgerWriteOfItsHashAndCommittedInThePortal() {
        String hash = "a".repeat(64);
        FaultRun.Acknowledged ack = new FaultRun.Acknowledged("land-title:F1-0", hash);
        List<FaultRun.LedgerWrite> once = FaultRun.parseHistory(
                "[{\"isDelete\":false,\"timestamp\":\"2026-12-01T07:00:00Z\",\"txId\":\"t1\",\"value\":{\"hash\":\"" + hash
                        + "\",\"key\":\"land-title:F1-0\",\"version\":1}}]");
        assertEquals(List.of(new FaultRun.LedgerWrite("t1", false, 1, hash)), once);
        FaultRun.PortalView committed = new FaultRun.PortalView(200, 1, hash, "COMMITTED", 1);
        assertEquals(new FaultRun.Verdict(true, false, null), FaultRun.judge(ack, committed, once));

        assertEquals(new FaultRun.Verdict(false, false, "not on the auditor's ledger"), FaultRun.judge(ack, committed, List.of()));
        assertEquals(new FaultRun.Verdict(false, false, "the portal says PENDING"),
                FaultRun.judge(ack, new FaultRun.PortalView(200, 1, hash, "PENDING", 1), once));
        // the ledger kept the first send while the portal took a resend's refusal for the answer
        assertEquals(new FaultRun.Verdict(false, false, "the portal says REJECTED"),
                FaultRun.judge(ack, new FaultRun.PortalView(200, 1, hash, "REJECTED", 1), once));
        assertEquals(new FaultRun.Verdict(false, false, "the portal answers 404"),
                FaultRun.judge(ack, new FaultRun.PortalView(404, 0, null, null, 0), once));
        assertFalse(FaultRun.judge(ack, committed, List.of(new FaultRun.LedgerWrite("t1", false, 1, "b".repeat(64)))).committed());

        List<FaultRun.LedgerWrite> twice = List.of(once.get(0), new FaultRun.LedgerWrite("t2", false, 2, hash));
        FaultRun.Verdict doubled = FaultRun.judge(ack, committed, twice);
        assertTrue(doubled.committed() && doubled.duplicated(), doubled.toString());
        assertTrue(FaultRun.judge(ack, new FaultRun.PortalView(200, 2, "c".repeat(64), "COMMITTED", 2), once).duplicated());
    }

    @Test
    void theFaultsTableFailsTheRunOnlyForALostOrDuplicatedRegistration() {
        FaultOutcome held = new FaultOutcome("chaincode", "chaincode-land, chaincode-audit", 120, 120, 0, 0, 14.26, "restart took 7.0 s", true);
        FaultOutcome notRun = FaultOutcome.notRun("orderer", "1-orderer network");
        String table = DrukBench.faultsTable(List.of(held, notRun));
        List<String> lines = table.lines().toList();
        assertEquals("| fault | acknowledged | committed | lost | duplicated | recovery s | note |", lines.get(0));
        assertEquals("| chaincode (chaincode-land, chaincode-audit) | 120 | 120 | 0 | 0 | 14.3 | restart took 7.0 s |", lines.get(2));
        assertEquals("| orderer | - | - | - | - | - | not run: 1-orderer network |", lines.get(3));
        assertTrue(new DrukBench.Report(List.of(), List.of(), 0, List.of(held, notRun)).nothingLostOrDuplicated());

        FaultOutcome lost = new FaultOutcome("portal", "portal", 120, 118, 2, 0, Double.NaN, "", true);
        FaultOutcome doubled = new FaultOutcome("peer-land", "peer-land", 120, 120, 0, 1, 9, "", true);
        FaultOutcome nothingShown = FaultOutcome.broken("peer-audit", "peer-audit", "network.sh start failed");
        for (FaultOutcome bad : List.of(lost, doubled, nothingShown)) {
            assertFalse(new DrukBench.Report(List.of(), List.of(), 0, List.of(held, bad)).nothingLostOrDuplicated(), bad.toString());
        }
        assertTrue(DrukBench.faultsTable(List.of(lost)).contains("| portal | 120 | 118 | 2 | 0 | - |"));
    }

    @Test
    void theFaultsWaitForCommitsStartsItsDeadlineOnlyWhenTheLoadStops() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("a"));
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong deadline = new AtomicLong(Long.MAX_VALUE);
        long[] doneAt = new long[1];
        Thread load = new Thread(() -> {
            try {
                Thread.sleep(100);
                queue.add("b");
                producing.set(false);
                deadline.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        load.start();
        long start = System.nanoTime();
        // "a" is done only after 50 ms, "b" never: the wait ends at the deadline set when the load stopped
        PortalApi.Awaited awaited = PortalApi.awaitInOrder(queue, producing::get, item -> {
            if (item.equals("a") && System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(50)) {
                doneAt[0] = System.nanoTime();
                return PortalApi.Progress.DONE;
            }
            return PortalApi.Progress.PENDING;
        }, deadline::get, 5);
        load.join();
        assertEquals(1, awaited.done());
        assertEquals(1, awaited.stillPending());
        assertTrue(awaited.lastDoneNanos() >= doneAt[0] && awaited.lastDoneNanos() - doneAt[0] < TimeUnit.MILLISECONDS.toNanos(50),
                "the last commit is dated when it was seen");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "waited past the load's end");
    }
}
