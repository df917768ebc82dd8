package bt.druk.registry.application.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the portal can reach the ledger right now, as seen by everything that talks to it (the
 * submitter, the commit follower, the readiness check). One place decides what is logged: the first
 * failure and then one line every {@link #REMINDER} at WARNING with the whole cause chain, and the
 * recovery once; so an outage is never silent and never floods the log.
 */
@ApplicationScoped
public class LedgerHealth {

    private static final Logger LOG = Logger.getLogger(LedgerHealth.class.getName());
    static final Duration REMINDER = Duration.ofMinutes(3);

    /** An outage in progress: since when, how many failed calls, the last error in plain words. */
    public record Outage(Instant since, long failures, String lastError) {
    }

    private final Clock clock;
    private Outage outage;
    private Instant lastWarning;
    private long outagesStarted;

    public LedgerHealth() {
        this(Clock.systemUTC());
    }

    public LedgerHealth(Clock clock) {
        this.clock = clock;
    }

    /** A call to the ledger answered (whatever the chaincode said). */
    public void succeeded() {
        Outage ended;
        synchronized (this) {
            ended = outage;
            outage = null;
            lastWarning = null;
        }
        if (ended != null) {
            Duration down = Duration.between(ended.since(), clock.instant());
            LOG.info(() -> "the ledger is reachable again after " + down.toSeconds() + " s (" + ended.failures()
                    + " failed call(s); last error: " + ended.lastError() + ")");
        }
    }

    /** A call to the ledger failed for a reason worth retrying: {@code what} names the call. */
    public void failed(String what, String reason, Throwable cause) {
        Instant now = clock.instant();
        String plain = plainWords(reason, cause);
        boolean warn;
        long failures;
        Instant since;
        synchronized (this) {
            if (outage == null) {
                outagesStarted++;
            }
            outage = outage == null ? new Outage(now, 1, plain) : new Outage(outage.since(), outage.failures() + 1, plain);
            warn = lastWarning == null || !now.isBefore(lastWarning.plus(REMINDER));
            if (warn) {
                lastWarning = now;
            }
            failures = outage.failures();
            since = outage.since();
        }
        if (warn) {
            String message = failures == 1
                    ? "cannot reach the ledger (" + what + "): " + plain + " — will keep retrying"
                    : "the ledger is still unreachable since " + since + " (" + failures + " failed calls; now " + what
                            + "): " + plain;
            LOG.log(Level.WARNING, message + (cause == null ? " [" + reason + "]" : ""), cause);
        } else {
            LOG.fine(() -> "ledger unavailable (" + what + "): " + reason);
        }
    }

    /**
     * How many outages have begun since start: a caller that checked something about the ledger
     * (which ledger it is) knows the answer may be stale once this number moves.
     */
    public synchronized long outagesStarted() {
        return outagesStarted;
    }

    public synchronized Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** The error as a clerk or operator would say it; the technical text stays in the log. */
    static String plainWords(String reason, Throwable cause) {
        StringBuilder all = new StringBuilder(reason == null ? "" : reason);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            all.append(' ').append(t);
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        if (text.contains("connection refused")) {
            return "the ledger's peer refuses connections (is the Fabric network running?)";
        }
        if (text.contains("deadline_exceeded") || text.contains("timed out") || text.contains("timeout")) {
            return "the ledger did not answer in time";
        }
        if (text.contains("no fabric connection file")) {
            return "the portal has no ledger connection file (is the Fabric network set up?)";
        }
        if (text.contains("unavailable")) {
            return "the ledger's peer is unavailable";
        }
        if (text.contains("noclassdeffounderror") || text.contains("zip file closed") || text.contains("not yet been started")) {
            return "the portal's ledger client is broken (restart the portal): " + firstLine(reason);
        }
        return firstLine(reason);
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "unknown error";
        }
        String line = s.strip().lines().findFirst().orElse(s);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
