package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger, not the client, enforces time. A fabric-gateway client ({@link GatewaySubmitMain}) in a
 * JVM of its own, run under Debian's {@code faketime}, stamps its proposals with a forged time; the
 * chaincode compares that timestamp with its own clock and refuses more than 30 s of difference with
 * {@code [CLOCK_SKEW]}. The same calls from a client with an honest clock get the ordinary answers.
 * Needs {@code faketime} (Debian package {@code faketime}) and the running network.
 */
public class ClockSkewIT {

    private static final Pattern TX_TIME = Pattern.compile("\"txTime\":\"([^\"]+)\"");
    private static final Pattern NOTICE_ENDS = Pattern.compile("\"noticeEndsAt\":\"([^\"]+)\"");
    private static final Path CONNECTION = NetworkScript.connectionFile();

    /** What the child JVM printed: its own clock at start and the outcome line. */
    public record Outcome(Instant clientClock, String line, String output) {
        boolean committed() {
            return line.startsWith("COMMITTED ");
        }

        boolean failed() {
            return line.startsWith("FAILED ");
        }

        public String code() {
            return line.startsWith("REFUSED ") ? line.split(" ", 3)[1] : null;
        }

        String result() {
            return line.split(" ", 3)[2];
        }
    }

    @BeforeAll
    static void networkAndFaketime() {
        // Not ensureUp(): a failed status during someone else's peer restart must not re-create the network.
        NetworkScript.Result status = NetworkScript.run("status");
        assertTrue(status.succeeded(), "the network is not up (deploy/network.sh up):\n" + status.output());
        try {
            Process p = new ProcessBuilder("faketime", "-f", "+0s", "true").redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "faketime does not run");
        } catch (IOException e) {
            throw new AssertionError("faketime is not installed (apt-get install faketime)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aLateBidFromABackDatedClientIsRefusedWithClockSkewAndFromAnHonestOneWithDeadlinePassed() throws Exception {
        String ocid = "ocds-skew-" + System.nanoTime();
        String tender = "tender:" + ocid;
        Instant deadline = Instant.now().plus(25, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        NetworkScript.runOrFail("invoke", "procurement.clerk", "PublishSealedTender", tender, NetworkScript.sha256(tender),
                "THIMPHU", deadline.toString(), ChaincodeRulesIT.opening());

        // Sanity: a client under faketime within the allowed skew is served, and the ledger records the
        // time it claimed (ahead of the real one): faketime really sets the proposal timestamp.
        Instant launched = Instant.now();
        Outcome onTime = submit("+5s", "procurement.clerk", "LodgeSealedBid", "bid:" + ocid + ":1", tender,
                NetworkScript.sha256("envelope-1"), NetworkScript.sha256("supplier-1"), ChaincodeRulesIT.shareHashes("bid-1"), "THIMPHU");
        assertTrue(onTime.committed(), onTime.output());
        assertClientShifted(onTime, launched, Duration.ofSeconds(5));
        Instant recorded = txTime(onTime.result());
        assertTrue(recorded.isAfter(launched.plusSeconds(4)),
                "the ledger's txTime " + recorded + " is the client's forged time, 5 s ahead of " + launched);
        assertTrue(Instant.now().isBefore(deadline), "the on-time bid took until after the deadline " + deadline);

        while (Instant.now().isBefore(deadline.plusSeconds(2))) {
            Thread.sleep(250);
        }
        String lateBid = "bid:" + ocid + ":2";
        String lateEnvelope = NetworkScript.sha256("envelope-2");
        String lateSupplier = NetworkScript.sha256("supplier-2");

        Instant backDatedLaunch = Instant.now();
        Outcome backDated = submit("-120s", "procurement.clerk", "LodgeSealedBid", lateBid, tender, lateEnvelope, lateSupplier,
                ChaincodeRulesIT.shareHashes("bid-2"), "THIMPHU");
        assertEquals("CLOCK_SKEW", backDated.code(), backDated.output());
        assertTrue(backDated.line().contains(" behind the endorser's clock"), backDated.line());
        assertTrue(backDated.line().contains("at most 30 s"), backDated.line());
        assertClientShifted(backDated, backDatedLaunch, Duration.ofSeconds(-120));
        assertTrue(backDated.clientClock().isBefore(deadline),
                "the back-dated client believed it was before the deadline: " + backDated.clientClock());

        Outcome honest = submit(null, "procurement.clerk", "LodgeSealedBid", lateBid, tender, lateEnvelope, lateSupplier,
                ChaincodeRulesIT.shareHashes("bid-2"), "THIMPHU");
        assertEquals("DEADLINE_PASSED", honest.code(), honest.output());

        String read = NetworkScript.run("query", "inspector", "audit", "GetRecord", lateBid).output();
        assertTrue(read.contains("[NOT_FOUND]"), "no late bid on the ledger: " + read);
    }

    /**
     * The peer itself refuses proposals more than {@code peer.authentication.timewindow} (15 min by
     * default) from its clock, so the default 30-day notice cannot be jumped this way; the chaincode's
     * limit matters for anything due within 15 minutes. This test lodges a transfer under a 3-minute
     * notice period (set by the admin for the lodging only) and lets a client claim a time a minute past
     * its end: inside the peer's window, refused by the chaincode.
     */
    @Test
    void anEarlyFinalisationFromAPostDatedClientIsRefusedWithClockSkewAndFromAnHonestOneWithNoticePeriodRunning() {
        String key = "land-title:SKEW-" + System.nanoTime();
        String v1 = NetworkScript.sha256(key + "#1");
        String v2 = NetworkScript.sha256(key + "#2");
        String v3 = NetworkScript.sha256(key + "#3");

        // Sanity: the same child JVM with the real clock writes to the ledger.
        Outcome registered = submit(null, "land.clerk", "RegisterTitle", key, v1, "THIMPHU", "Thimphu");
        assertTrue(registered.committed(), registered.output());
        String period = NetworkScript.runOrFail("query", "inspector", "land", "GetNoticePeriod").output()
                .replaceAll("(?s).*?\\b([0-9]+)\\s*$", "$1");
        assertTrue(period.matches("[0-9]+"), "GetNoticePeriod answered " + period);
        NetworkScript.runOrFail("invoke", "admin", "SetNoticePeriod", "180");
        try {
            NetworkScript.runOrFail("invoke", "land.clerk", "LodgeTransfer", key, "2", v2, v1);
        } finally {
            NetworkScript.runOrFail("invoke", "admin", "SetNoticePeriod", period);
        }
        Instant noticeEndsAt = noticeEndsAt(NetworkScript.runOrFail("query", "inspector", "land", "GetRecord", key).output());
        assertTrue(noticeEndsAt.isAfter(Instant.now().plusSeconds(60)), "notice ends at " + noticeEndsAt);

        // The client claims to be a minute past the end of the notice period (about +3 min).
        long forward = Duration.between(Instant.now(), noticeEndsAt).toSeconds() + 60;
        Instant postDatedLaunch = Instant.now();
        Outcome postDated = submit("+" + forward + "s", "land.clerk", "FinaliseTransfer", key, "3", v3, v2);
        assertEquals("CLOCK_SKEW", postDated.code(), postDated.output());
        assertTrue(postDated.line().contains(" ahead of the endorser's clock"), postDated.line());
        assertClientShifted(postDated, postDatedLaunch, Duration.ofSeconds(forward));
        assertTrue(postDated.clientClock().isAfter(noticeEndsAt),
                "the post-dated client believed the notice was over: " + postDated.clientClock());

        // Two hours ahead: the peer's own time window refuses it before the chaincode runs.
        Outcome farAhead = submit("+2h", "land.clerk", "FinaliseTransfer", key, "3", v3, v2);
        assertTrue(farAhead.failed() && farAhead.line().contains("incorrect timestamp")
                && farAhead.line().contains("peer.authentication.timewindow"), farAhead.output());

        Outcome honest = submit(null, "land.clerk", "FinaliseTransfer", key, "3", v3, v2);
        assertEquals("NOTICE_PERIOD_RUNNING", honest.code(), honest.output());
        assertTrue(Instant.now().isBefore(noticeEndsAt), "the honest finalisation was sent before " + noticeEndsAt);

        String entry = NetworkScript.runOrFail("query", "inspector", "land", "GetRecord", key).output();
        assertTrue(entry.contains("\"version\":2") && entry.contains("\"status\":\"transfer-pending\""),
                "the transfer is still pending: " + entry);
    }

    // ---------------------------------------------------------------- the child JVM

    /**
     * Runs {@link GatewaySubmitMain} in a new JVM with the test class path, under
     * {@code faketime -f <offset>} unless {@code fakeOffset} is null.
     */
    public static Outcome submit(String fakeOffset, String identity, String function, String... args) {
        List<String> command = new ArrayList<>();
        if (fakeOffset != null) {
            command.addAll(List.of("faketime", "-f", fakeOffset));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                GatewaySubmitMain.class.getName(), CONNECTION.toString(), identity, function));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("skewed-client", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("client did not finish: " + Files.readString(log, StandardCharsets.UTF_8));
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                Instant clock = null;
                String line = null;
                for (String l : output.split("\n")) {
                    if (l.startsWith("CLOCK ")) {
                        clock = Instant.parse(l.substring(6).trim());
                    } else if (l.startsWith("COMMITTED ") || l.startsWith("REFUSED ") || l.startsWith("FAILED ")) {
                        line = l.trim();
                    }
                }
                if (clock == null || line == null) {
                    throw new AssertionError("client " + String.join(" ", command.subList(0, Math.min(3, command.size())))
                            + " " + function + " failed (exit " + process.exitValue() + "):\n" + output);
                }
                System.out.println("client " + (fakeOffset == null ? "real clock" : "faketime " + fakeOffset) + ", clock "
                        + clock + ", " + function + ": " + line);
                return new Outcome(clock, line, output);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The child's clock was {@code shift} from ours when it started (within its start-up time). */
    private static void assertClientShifted(Outcome outcome, Instant launched, Duration shift) {
        Instant expected = launched.plus(shift);
        Duration off = Duration.between(expected, outcome.clientClock());
        assertTrue(!off.isNegative() && off.compareTo(Duration.ofSeconds(20)) < 0,
                "client clock " + outcome.clientClock() + " should be about " + expected + " (faketime " + shift + ")");
    }

    private static Instant txTime(String entryJson) {
        Matcher m = TX_TIME.matcher(entryJson);
        assertTrue(m.find(), "no txTime in " + entryJson);
        return Instant.parse(m.group(1));
    }

    private static Instant noticeEndsAt(String entryJson) {
        Matcher m = NOTICE_ENDS.matcher(entryJson);
        assertTrue(m.find(), "no pendingTransfer.noticeEndsAt in " + entryJson);
        return Instant.parse(m.group(1));
    }
}
