package bt.druk.registry.application.demo;

import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the demo plan in rounds: each round moves every unfinished parcel one step if it can
 * ({@link DemoContent#advance}, one transaction per parcel), so a slow ledger or a long notice
 * period only delays that parcel. The caller runs rounds in the background until
 * {@link Round#finished()}; a restart simply starts rounds again and carries on where the records stand.
 */
@ApplicationScoped
public class DemoContentLoader {

    private static final Logger LOG = Logger.getLogger(DemoContentLoader.class.getName());

    /** Delay between rounds while steps are going to the ledger. */
    static final Duration BUSY = Duration.ofSeconds(3);
    /** Longest delay while only notice periods run (so a changed clock or a clerk's change is noticed). */
    static final Duration IDLE = Duration.ofMinutes(10);

    private DemoContent content;
    private DemoPlan plan;
    private Clock clock;

    /** Parcels finished (done or skipped) in this run of the portal; not looked at again. */
    private final Map<String, DemoProgress> finished = new HashMap<>();
    private boolean announcedLoaded;

    protected DemoContentLoader() {
    }

    @Inject
    public DemoContentLoader(DemoContent content, Clock clock) {
        this(content, DemoPlan.standard(), clock);
    }

    public DemoContentLoader(DemoContent content, DemoPlan plan, Clock clock) {
        this.content = Objects.requireNonNull(content, "content");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of one round: where each parcel stands. */
    public record Round(List<DemoProgress> parcels) {
        public Round {
            parcels = List.copyOf(parcels);
        }

        public boolean finished() {
            return parcels.stream().allMatch(DemoProgress::finished);
        }

        public long count(DemoProgress.State state) {
            return parcels.stream().filter(p -> p.state() == state).count();
        }

        /** Nothing but notice periods left to wait for: the earliest end; otherwise null. */
        public Instant onlyWaitingUntil() {
            Instant earliest = null;
            for (DemoProgress p : parcels) {
                if (p.finished()) {
                    continue;
                }
                if (p.notBefore() == null) {
                    return null;
                }
                earliest = earliest == null || p.notBefore().isBefore(earliest) ? p.notBefore() : earliest;
            }
            return earliest;
        }

        /** When to run the next round. */
        public Duration nextRoundIn(Instant now) {
            Instant until = onlyWaitingUntil();
            if (until == null) {
                return BUSY;
            }
            Duration wait = Duration.between(now, until);
            return wait.compareTo(BUSY) < 0 ? BUSY : wait.compareTo(IDLE) > 0 ? IDLE : wait;
        }
    }

    /** Moves every unfinished parcel at most one step. Never throws for a single parcel's trouble. */
    public synchronized Round runRound() {
        List<DemoProgress> results = new ArrayList<>();
        for (DemoParcel parcel : plan.parcels()) {
            DemoProgress progress = finished.get(parcel.pin());
            if (progress == null) {
                progress = advance(parcel);
                if (progress.finished()) {
                    finished.put(parcel.pin(), progress);
                    if (progress.state() == DemoProgress.State.SKIPPED && !notStarted(progress)) {
                        DemoProgress skipped = progress;
                        LOG.warning(() -> "demo content: parcel " + skipped.pin() + " left as it is: " + skipped.detail());
                    }
                }
            }
            results.add(progress);
        }
        Round round = new Round(results);
        report(round);
        return round;
    }

    private DemoProgress advance(DemoParcel parcel) {
        try {
            return content.advance(parcel);
        } catch (ConcurrentUpdateException e) {
            return DemoProgress.waiting(parcel.pin(), "changed meanwhile; looking again next round");
        } catch (ValidationException e) {
            // A land rule refused the step: the title is not where the plan expects it.
            return DemoProgress.skipped(parcel.pin(), "refused: " + e.getMessage());
        } catch (RuntimeException e) {
            // Database trouble and the like: try again next round.
            LOG.log(Level.WARNING, "demo content: step for parcel " + parcel.pin() + " failed; will try again", e);
            return DemoProgress.waiting(parcel.pin(), "failed: " + e);
        }
    }

    private void report(Round round) {
        if (round.parcels().stream().allMatch(DemoContentLoader::notStarted)) {
            LOG.info("demo content not loaded: the land register already holds titles");
            return;
        }
        long applied = round.count(DemoProgress.State.APPLIED);
        if (applied > 0) {
            LOG.fine(() -> "demo content: " + applied + " step(s) saved this round");
        }
        Instant until = round.onlyWaitingUntil();
        if (!announcedLoaded && (round.finished() || until != null)) {
            announcedLoaded = true;
            long done = round.count(DemoProgress.State.DONE);
            long waiting = round.count(DemoProgress.State.WAITING);
            LOG.info(() -> "demo content loaded: " + done + " demo parcel(s) complete on the ledger"
                    + (waiting > 0 ? ", " + waiting + " wait(s) for a public notice period to end (first at " + until + ")" : "")
                    + (round.count(DemoProgress.State.SKIPPED) > 0 ? ", " + round.count(DemoProgress.State.SKIPPED) + " skipped" : ""));
        }
    }

    /** Skipped because the register held real titles before the demo began. */
    private static boolean notStarted(DemoProgress progress) {
        return progress.state() == DemoProgress.State.SKIPPED && DemoContent.REGISTER_NOT_EMPTY.equals(progress.detail());
    }
}
