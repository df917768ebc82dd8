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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the demo plans in rounds: each round moves every unfinished parcel ({@link DemoContent#advance}),
 * then every unfinished tender ({@link DemoProcurement#advance}), then every unfinished notarisation
 * ({@link DemoNotary#advance}) one step if it can, one
 * transaction per item, so a slow ledger, a notice period or a bid deadline only delays that item.
 * The caller runs rounds in the background until {@link Round#finished()}; a restart simply starts
 * rounds again and carries on where the records stand.
 *
 * <p>A tender the demo takes past a short bid deadline is published only in a round after a
 * {@linkplain Round#quiet() quiet} one, and at most one per round, so that its commitments do not
 * queue at the ledger behind the demo's other records and miss the deadline.
 */
@ApplicationScoped
public class DemoContentLoader {

    private static final Logger LOG = Logger.getLogger(DemoContentLoader.class.getName());

    /** Delay between rounds while steps are going to the ledger. */
    static final Duration BUSY = Duration.ofSeconds(3);
    /** Longest delay while only notice periods or bid deadlines run (so a changed clock or a clerk's change is noticed). */
    static final Duration IDLE = Duration.ofMinutes(10);

    private DemoContent content;
    private DemoPlan plan;
    private DemoProcurement procurement;
    private DemoTenderPlan tenderPlan;
    private DemoNotary notary;
    private DemoNotaryPlan notaryPlan = new DemoNotaryPlan(List.of());
    /** The demo's Merkle batch; none in the loaders tests build by hand. */
    private DemoNotaryBatch notaryBatch;
    private Clock clock;

    /** Items finished (done or skipped) in this run of the portal; not looked at again. */
    private final Map<String, DemoProgress> finished = new HashMap<>();
    private Round lastRound;
    private boolean announcedLoaded;

    protected DemoContentLoader() {
    }

    @Inject
    public DemoContentLoader(DemoContent content, DemoProcurement procurement, DemoNotary notary, DemoNotaryBatch notaryBatch,
                             Clock clock) {
        this(content, DemoPlan.standard(), procurement, DemoTenderPlan.standard(), clock);
        this.notary = Objects.requireNonNull(notary, "notary");
        this.notaryPlan = DemoNotaryPlan.standard();
        this.notaryBatch = Objects.requireNonNull(notaryBatch, "notaryBatch");
    }

    /** Every demo: parcels, tenders and notarisations. */
    public DemoContentLoader(DemoContent content, DemoPlan plan, DemoProcurement procurement, DemoTenderPlan tenderPlan,
                             DemoNotary notary, DemoNotaryPlan notaryPlan, Clock clock) {
        this(content, plan, procurement, tenderPlan, clock);
        if (notary == null && !notaryPlan.notarisations().isEmpty()) {
            throw new IllegalArgumentException("demo notarisations need the notary demo");
        }
        this.notary = notary;
        this.notaryPlan = notaryPlan;
    }

    /** Land demo content only. */
    public DemoContentLoader(DemoContent content, DemoPlan plan, Clock clock) {
        this(content, plan, null, new DemoTenderPlan(List.of()), clock);
    }

    public DemoContentLoader(DemoContent content, DemoPlan plan, DemoProcurement procurement, DemoTenderPlan tenderPlan,
                             Clock clock) {
        this.content = Objects.requireNonNull(content, "content");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.tenderPlan = Objects.requireNonNull(tenderPlan, "tenderPlan");
        if (procurement == null && !tenderPlan.tenders().isEmpty()) {
            throw new IllegalArgumentException("demo tenders need the procurement demo");
        }
        this.procurement = procurement;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of one round: where each parcel, then each tender stands. */
    public record Round(List<DemoProgress> items) {
        public Round {
            items = List.copyOf(items);
        }

        public boolean finished() {
            return items.stream().allMatch(DemoProgress::finished);
        }

        public long count(DemoProgress.State state) {
            return items.stream().filter(p -> p.state() == state).count();
        }

        /** Where the item with this PIN or plan reference stands. */
        public DemoProgress item(String item) {
            return items.stream().filter(p -> p.item().equals(item)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no demo item " + item));
        }

        /**
         * Nothing of the demo is on its way to the ledger: every item is finished, held, or waits
         * for a time (a notice period, a bid deadline).
         */
        public boolean quiet() {
            return items.stream().allMatch(p -> p.finished() || p.state() == DemoProgress.State.HELD || p.notBefore() != null);
        }

        /** Nothing but notice periods and bid deadlines left to wait for: the earliest end; otherwise null. */
        public Instant onlyWaitingUntil() {
            Instant earliest = null;
            for (DemoProgress p : items) {
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

    /** Moves every unfinished parcel and tender at most one step. Never throws for a single item's trouble. */
    public synchronized Round runRound() {
        List<DemoProgress> results = new ArrayList<>();
        boolean quiet = lastRound != null && lastRound.quiet();
        for (DemoParcel parcel : plan.parcels()) {
            DemoProgress progress = progress(parcel.pin(), () -> advance(parcel));
            quiet &= progress.state() != DemoProgress.State.APPLIED;
            results.add(progress);
        }
        for (DemoTender tender : tenderPlan.tenders()) {
            boolean mayStart = quiet;
            DemoProgress progress = progress(tender.ref(), () -> advance(tender, mayStart));
            quiet &= progress.state() != DemoProgress.State.APPLIED;
            results.add(progress);
        }
        for (DemoNotarisation notarisation : notaryPlan.notarisations()) {
            results.add(progress(notarisation.ref(), () -> advance(notarisation)));
        }
        if (notaryBatch != null) {
            results.add(progress(DemoNotaryBatch.REF, this::advanceBatch));
        }
        Round round = new Round(results);
        lastRound = round;
        report(round);
        return round;
    }

    private DemoProgress progress(String item, Supplier<DemoProgress> advance) {
        DemoProgress progress = finished.get(item);
        if (progress == null) {
            progress = advance.get();
            if (progress.finished()) {
                finished.put(item, progress);
                if (progress.state() == DemoProgress.State.SKIPPED && !notStarted(progress)) {
                    DemoProgress skipped = progress;
                    LOG.warning(() -> "demo content: " + skipped.item() + " left as it is: " + skipped.detail());
                }
            }
        }
        return progress;
    }

    private DemoProgress advance(DemoTender tender, boolean mayStart) {
        try {
            return procurement.advance(tender, mayStart);
        } catch (ConcurrentUpdateException e) {
            return DemoProgress.waiting(tender.ref(), "changed meanwhile; looking again next round");
        } catch (ValidationException e) {
            // A procurement rule refused the step: the tender is not where the plan expects it.
            return DemoProgress.skipped(tender.ref(), "refused: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo content: step for tender " + tender.ref() + " failed; will try again", e);
            return DemoProgress.waiting(tender.ref(), "failed: " + e);
        }
    }

    private DemoProgress advance(DemoNotarisation notarisation) {
        try {
            return notary.advance(notarisation);
        } catch (ConcurrentUpdateException e) {
            return DemoProgress.waiting(notarisation.ref(), "changed meanwhile; looking again next round");
        } catch (ValidationException e) {
            // A notary rule refused the step: the notarisation is not where the plan expects it.
            return DemoProgress.skipped(notarisation.ref(), "refused: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo content: step for notarisation " + notarisation.ref() + " failed; will try again", e);
            return DemoProgress.waiting(notarisation.ref(), "failed: " + e);
        }
    }

    private DemoProgress advanceBatch() {
        try {
            return notaryBatch.advance();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo content: the demo batch failed; will try again", e);
            return DemoProgress.waiting(DemoNotaryBatch.REF, "failed: " + e);
        }
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
        if (round.items().stream().allMatch(DemoContentLoader::notStarted)) {
            LOG.info("demo content not loaded: the land register already holds titles, the procurement register tenders,"
                    + " the notary register notarisations");
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
            LOG.info(() -> "demo content loaded: " + done + " demo parcel(s), tender(s) and notarisation(s) complete on the ledger"
                    + (waiting > 0 ? ", " + waiting + " wait(s) for a notice period or bid deadline to end (first at " + until + ")" : "")
                    + (round.count(DemoProgress.State.SKIPPED) > 0 ? ", " + round.count(DemoProgress.State.SKIPPED) + " skipped" : ""));
        }
    }

    /** Skipped because the register held real records before the demo began. */
    private static boolean notStarted(DemoProgress progress) {
        return progress.state() == DemoProgress.State.SKIPPED && (DemoContent.REGISTER_NOT_EMPTY.equals(progress.detail())
                || DemoProcurement.REGISTER_NOT_EMPTY.equals(progress.detail()) || DemoProcurement.LAND_NOT_DEMO.equals(progress.detail())
                || DemoNotary.REGISTER_NOT_EMPTY.equals(progress.detail()) || DemoNotary.LAND_NOT_DEMO.equals(progress.detail()));
    }
}
