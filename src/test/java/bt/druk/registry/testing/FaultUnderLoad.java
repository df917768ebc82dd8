package bt.druk.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.bench.BenchOptions;
import bt.druk.registry.bench.DrukBench;
import bt.druk.registry.bench.FaultOutcome;
import java.util.List;

/** One fault of the benchmark's faults scenario in a test, held to what acknowledged means. */
public final class FaultUnderLoad {

    private FaultUnderLoad() {
    }

    /**
     * Runs deploy/bench.sh's faults scenario with {@code args} (one fault), prints its table and
     * asserts that the load was acknowledged and every acknowledged registration committed exactly
     * once, caught up without 90 s of no progress.
     */
    public static FaultOutcome run(List<String> args) throws Exception {
        DrukBench.Report report = DrukBench.measure(BenchOptions.parse(args.toArray(String[]::new)), System.out);
        System.out.println(DrukBench.faultsTable(report.faults()));
        assertEquals(1, report.faults().size());
        FaultOutcome outcome = report.faults().get(0);
        assertTrue(outcome.ran(), outcome.toString());
        assertTrue(outcome.acknowledged() > 0, "the load was acknowledged: " + outcome);
        assertEquals(outcome.acknowledged(), outcome.committed(), "all committed: " + outcome);
        assertEquals(0, outcome.lost(), outcome.toString());
        assertEquals(0, outcome.duplicated(), outcome.toString());
        assertFalse(Double.isNaN(outcome.recoverySeconds()), "caught up, never 90 s without progress: " + outcome);
        return outcome;
    }
}
