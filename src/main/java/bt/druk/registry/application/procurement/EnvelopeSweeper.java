package bt.druk.registry.application.procurement;

import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.procurement.EnvelopeUse;
import bt.druk.registry.domain.procurement.EnvelopeUses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 25 item 7: the envelopes of withdrawn and refused bids are removed, and so are envelopes
 * no bid names at all (a lodging whose transaction rolled back after its envelope was written).
 * An envelope of a lodged, opened or invalid bid is never removed: the opening and
 * {@code druk-verify open-tender} read them, and opened ones stay as evidence for good.
 *
 * <p>Two rules make a removal safe. A withdrawn bid's envelope goes only once the ledger has
 * committed the withdrawal, since the ledger may still refuse it (past the deadline by its clock)
 * and the bid then stands lodged. And nothing stored more recently than
 * {@link EnvelopeSweepPolicy#grace()} goes, checked by the store at the moment of removal: a
 * lodging in flight wrote its envelope moments ago, and the database cannot show its bid before it
 * commits. An envelope no bid here names, or only a refused lodging, is also kept while the ledger
 * has a record with its hash (a database restored from a backup older than the bid, a refusal
 * recorded for a lodging that did commit), or cannot be asked.
 *
 * <p>{@link #tick()} runs every minute (PortalStartup): withdrawals stored since are looked at each
 * time, the whole store every {@link EnvelopeSweepPolicy#every()}. Each sweep logs one line of
 * counts; no bid, supplier or price is named. No transaction is held while files are handled.
 */
@ApplicationScoped
public class EnvelopeSweeper {

    private static final Logger LOG = Logger.getLogger(EnvelopeSweeper.class.getName());

    private EnvelopeStore envelopes;
    private EnvelopeUses uses;
    private Ledger ledger;
    private EnvelopeSweepPolicy policy;
    private Clock clock;
    /** Envelopes of withdrawals stored here and not yet settled: looked at on every tick. */
    private final Set<String> withdrawing = ConcurrentHashMap.newKeySet();
    private volatile Instant lastFullSweep;

    protected EnvelopeSweeper() {
    }

    @Inject
    public EnvelopeSweeper(EnvelopeStore envelopes, EnvelopeUses uses, Ledger ledger, EnvelopeSweepPolicy policy, Clock clock) {
        this.envelopes = envelopes;
        this.uses = uses;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * What one sweep did: envelopes removed by why, and those left.
     *
     * @param inUse        named by a bid that needs them (lodged, opened, invalid, or its withdrawal not yet on the ledger)
     * @param onLedgerOnly named by no live bid here but by a record on the ledger: kept, and logged as a warning
     * @param recent       not needed, but stored within the grace period: a later sweep takes them
     * @param failed       could not be removed, or the ledger could not be asked about them (the error is logged)
     */
    public record Sweep(int withdrawn, int refused, int orphaned, int inUse, int onLedgerOnly, int recent, int failed) {
        public int removed() {
            return withdrawn + refused + orphaned;
        }

        String line(String what, long graceMinutes) {
            return what + ": removed " + withdrawn + " withdrawn, " + refused + " refused, " + orphaned + " orphaned; kept "
                    + inUse + " in use, " + (onLedgerOnly > 0 ? onLedgerOnly + " named only on the ledger, " : "") + recent
                    + " stored within " + graceMinutes + " min" + (failed > 0 ? "; " + failed + " failed" : "");
        }
    }

    /** A supplier's withdrawal was stored: its envelope goes once the ledger has the withdrawal. Only remembers it. */
    public void withdrawalStored(String envelopeSha256) {
        withdrawing.add(envelopeSha256);
    }

    /** The scheduled step: the withdrawals waiting, then the whole store if it is due. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized void tick() {
        sweepWithdrawals();
        Instant now = clock.instant();
        if (lastFullSweep == null || !now.isBefore(lastFullSweep.plus(policy.every()))) {
            lastFullSweep = now;
            sweep();
        }
    }

    /**
     * The envelopes of the withdrawals stored since they were last looked at: each is removed once
     * the ledger has committed its withdrawal and it is older than the grace period, and forgotten
     * once it is gone or a live bid needs it again (the ledger refused the withdrawal).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized Sweep sweepWithdrawals() {
        if (withdrawing.isEmpty()) {
            return new Sweep(0, 0, 0, 0, 0, 0, 0);
        }
        Instant cutoff = clock.instant().minus(policy.grace());
        Tally tally = new Tally();
        for (String sha256 : List.copyOf(withdrawing)) {
            List<EnvelopeUse> lodgings = uses.ofEnvelope(sha256);
            if (needed(lodgings)) {
                tally.inUse++;
                if (lodgings.stream().noneMatch(u -> u.standing() == EnvelopeUse.Standing.WITHDRAWING)) {
                    withdrawing.remove(sha256); // the ledger refused the withdrawal: the bid stands lodged
                }
                continue;
            }
            Optional<EnvelopeUse.Standing> why = why(lodgings);
            if (why.filter(w -> w == EnvelopeUse.Standing.WITHDRAWN).isEmpty()
                    || remove(sha256, why, cutoff, tally) != Outcome.RECENT) {
                withdrawing.remove(sha256); // gone, or not a withdrawal after all: the full sweep decides
            }
        }
        Sweep sweep = tally.sweep();
        LOG.log(sweep.removed() + sweep.failed() > 0 ? Level.INFO : Level.FINE, () -> sweep.line("withdrawn envelopes",
                policy.grace().toMinutes()));
        return sweep;
    }

    /** Sweeps the whole store. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized Sweep sweep() {
        Instant cutoff = clock.instant().minus(policy.grace());
        List<EnvelopeStore.Stored> stored;
        try {
            stored = envelopes.list();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "envelope sweep: the envelope store cannot be listed", e);
            return new Sweep(0, 0, 0, 0, 0, 0, 1);
        }
        Map<String, List<EnvelopeUse>> lodgingsOf = new HashMap<>();
        for (EnvelopeUse use : uses.all()) {
            lodgingsOf.computeIfAbsent(use.envelopeSha256(), k -> new ArrayList<>()).add(use);
        }
        Tally tally = new Tally();
        for (EnvelopeStore.Stored envelope : stored) {
            List<EnvelopeUse> lodgings = lodgingsOf.getOrDefault(envelope.sha256(), List.of());
            if (needed(lodgings)) {
                tally.inUse++;
            } else if (!envelope.storedAt().isBefore(cutoff)) {
                tally.recent++;
            } else if (why(lodgings).filter(w -> w == EnvelopeUse.Standing.WITHDRAWN).isPresent()
                    || unknownToTheLedger(envelope.sha256(), tally)) {
                remove(envelope.sha256(), why(lodgings), cutoff, tally);
            }
        }
        Sweep sweep = tally.sweep();
        LOG.info(() -> sweep.line("envelope sweep", policy.grace().toMinutes()));
        if (sweep.onLedgerOnly() > 0) {
            LOG.warning(() -> "envelope sweep: " + sweep.onLedgerOnly() + " envelope(s) that no live bid in this database names"
                    + " have a record on the ledger, and are kept; was the database restored from an older backup?");
        }
        return sweep;
    }

    /**
     * Whether the ledger has no record with this hash: only then is an envelope that no bid here
     * names, or only a refused lodging, removed. Counted as kept when it has one, or as failed when
     * it cannot be asked.
     */
    private boolean unknownToTheLedger(String sha256, Tally tally) {
        if (tally.ledgerUnavailable) {
            tally.failed++; // not asked again in this sweep: each try could wait out the ledger's deadline
            return false;
        }
        try {
            if (ledger.findByHash(sha256).isEmpty()) {
                return true;
            }
            tally.onLedgerOnly++;
        } catch (LedgerUnavailableException e) {
            tally.ledgerUnavailable = true;
            tally.failed++;
            LOG.log(Level.WARNING, "envelope sweep: the ledger cannot be asked about envelopes no live bid here names;"
                    + " they are kept", e);
        }
        return false;
    }

    private static boolean needed(List<EnvelopeUse> lodgings) {
        return lodgings.stream().anyMatch(u -> u.standing().needsEnvelope());
    }

    /** Why an envelope no bid needs is there: a withdrawal, a refusal, or nothing names it. */
    private static Optional<EnvelopeUse.Standing> why(List<EnvelopeUse> lodgings) {
        return lodgings.stream().map(EnvelopeUse::standing).filter(s -> s == EnvelopeUse.Standing.WITHDRAWN).findFirst()
                .or(() -> lodgings.stream().map(EnvelopeUse::standing).findFirst());
    }

    private enum Outcome { REMOVED, RECENT, ABSENT, FAILED }

    private Outcome remove(String sha256, Optional<EnvelopeUse.Standing> why, Instant cutoff, Tally tally) {
        try {
            Optional<Instant> storedAt = envelopes.storedAt(sha256);
            if (storedAt.isEmpty()) {
                return Outcome.ABSENT;
            }
            if (!storedAt.get().isBefore(cutoff) || !envelopes.removeIfStoredBefore(sha256, cutoff)) {
                tally.recent++;
                return Outcome.RECENT;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "envelope " + sha256 + " could not be removed", e);
            tally.failed++;
            return Outcome.FAILED;
        }
        if (why.isEmpty()) {
            tally.orphaned++;
        } else if (why.get() == EnvelopeUse.Standing.WITHDRAWN) {
            tally.withdrawn++;
        } else {
            tally.refused++;
        }
        return Outcome.REMOVED;
    }

    private static final class Tally {
        int withdrawn;
        int refused;
        int orphaned;
        int inUse;
        int onLedgerOnly;
        int recent;
        int failed;
        boolean ledgerUnavailable;

        Sweep sweep() {
            return new Sweep(withdrawn, refused, orphaned, inUse, onLedgerOnly, recent, failed);
        }
    }
}
