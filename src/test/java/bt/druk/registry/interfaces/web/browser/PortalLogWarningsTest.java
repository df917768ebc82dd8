package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warnings a failing test quotes from a portal's log: Payara's records, their level in colour codes. */
class PortalLogWarningsTest {

    private static String record(String time, int level, String logger, String text) {
        String name = level == 900 ? "\u001b[1;93mWARNING\u001b[0m" : level == 1000 ? "\u001b[1;91mSEVERE\u001b[0m" : "\u001b[1;92mINFO\u001b[0m";
        return "[2026-12-07T" + time + "+0000] [] [" + name + "] [] [\u001b[1;94m" + logger + "\u001b[0m] [tid: _ThreadID=68"
                + " _ThreadName=druk-ledger-submitter] [timeMillis: 1796614357377] [levelValue: " + level + "] " + text;
    }

    @Test
    void theLastWarningsAndErrorsOnOneLineEachWithoutInfo(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("payara.log");
        Files.write(log, List.of(
                record("03:32:36.000", 900, "Pbkdf2PasswordHasher", "druk.password.iterations is 1024"),
                record("03:32:37.000", 800, "CommitFollower", "block 52: 7 record version(s) committed"),
                record("03:32:37.377", 900, "LedgerSubmitter", "[["),
                "  recording 7 commit(s) failed; tried again next round",
                "jakarta.persistence.PessimisticLockException: Deadlock detected",
                "]]",
                "",
                record("03:32:38.000", 1000, "PortalStartup", "ledger submitter round failed; will retry"),
                record("03:32:39.000", 800, "CommitFollower", "block 53: 8 record version(s) committed"),
                "  an INFO record's second line"));

        List<String> warnings = PortalUnderTest.lastWarnings(log, 2);

        assertEquals(2, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.get(0).startsWith("[2026-12-07T03:32:37.377+0000] [] [WARNING] [] [LedgerSubmitter]") && warnings.get(0).endsWith(
                "[[ recording 7 commit(s) failed; tried again next round jakarta.persistence.PessimisticLockException: Deadlock detected ]]"),
                warnings.get(0));
        assertTrue(warnings.get(1).endsWith("ledger submitter round failed; will retry"), warnings.get(1));
        assertEquals(3, PortalUnderTest.lastWarnings(log, 10).size(), "the INFO records are left out");
    }

    @Test
    void aLongRecordIsCutAt400Characters(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("payara.log");
        Files.write(log, List.of(record("03:32:37.377", 900, "LedgerSubmitter", "[["), "x".repeat(2000), "]]"));

        assertEquals(400, PortalUnderTest.lastWarnings(log, 1).get(0).length());
    }
}
