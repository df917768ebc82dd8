package bt.druk.registry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrukBenchTest {

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
}
