package bt.druk.registry.application.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opening benchmark, small: what it opens is what was sealed (its time is not asserted). */
class SealedBidsOpeningBenchTest {

    @TempDir
    Path dir;

    @Test
    void twentySealedBidsOfSixtyFourKibOpenValidWithTheirPricesAndReachTheLedger() throws Exception {
        SealedBidsOpeningBench.Options options = new SealedBidsOpeningBench.Options(20, 64, 0, dir, null);
        SealedBidsOpeningBench.Result r = SealedBidsOpeningBench.run(options, new PrintStream(PrintStream.nullOutputStream()));

        assertEquals(20, r.lines().size());
        assertEquals(r.expectedLines(), r.lines());
        assertTrue(r.lines().stream().allMatch(l -> l.matches("bid:\\S+:[0-9]+ valid [0-9]+\\.[0-9]{2} BTN")), r.lines().toString());
        assertEquals(20, r.openBids());
        assertTrue(r.envelopeBytes() > 20 * 64 * 1024, "the envelopes were on disk: " + r.envelopeBytes());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the envelope store is removed after the run");
        }
        String table = SealedBidsOpeningBench.table(options, r, "0.1 0.1 0.1", "0.2 0.2 0.2");
        assertTrue(table.contains("ledger commit latency is excluded"), table);
    }
}
