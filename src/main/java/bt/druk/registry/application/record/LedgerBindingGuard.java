package bt.druk.registry.application.record;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBindings;
import bt.druk.registry.domain.ledger.LedgerIdentity;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps the portal on its own ledger. A database's receipts name transactions of one ledger; a
 * network created again (or a backup restored against another network, or a portal pointed at a
 * test channel) serves another, where those receipts do not exist. The first start on an empty
 * database records the ledger's identity; from then on nothing is sent and no block is followed
 * unless the network serves that same ledger, checked on start, after every outage and once a
 * {@link #RECHECK}. Only an operator's explicit {@link #rebind} moves the database to another ledger.
 */
@ApplicationScoped
public class LedgerBindingGuard {

    private static final Logger LOG = Logger.getLogger(LedgerBindingGuard.class.getName());

    /** How long a check that found the right ledger is trusted while no outage happens. */
    static final Duration RECHECK = Duration.ofSeconds(60);
    /** How often a portal that found another ledger asks again (one that could not ask yet asks at every use). */
    static final Duration RETRY = Duration.ofSeconds(1);

    /** What the last check found. */
    public sealed interface Verdict {
        /** In plain words, for the readiness check and the log. */
        String summary();
    }

    /** The ledger has not answered yet (or not since an outage began). */
    public record Unchecked(String summary) implements Verdict {
    }

    /** The network serves this database's ledger. */
    public record Bound(LedgerIdentity ledger) implements Verdict {
        @Override
        public String summary() {
            return "on its own ledger " + ledger;
        }
    }

    /**
     * The network serves another ledger than the one this database belongs to.
     *
     * @param expected    the database's ledger; empty for a database from before bindings whose receipts are not on the network's
     * @param finding     what was found, in plain words
     * @param refusedBind the operator's bind command that was refused, if one was
     */
    public record Mismatch(Optional<LedgerIdentity> expected, LedgerIdentity served, String finding, Optional<String> refusedBind)
            implements Verdict {
        @Override
        public String summary() {
            return finding + refusedBind.map(refused -> " (" + refused + ")").orElse("");
        }
    }

    private Ledger ledger;
    private LedgerBindings bindings;
    private LedgerHealth health;
    private StaffEventLog events;
    private LedgerCarryOver carryOver;
    private Clock clock;

    private volatile Verdict verdict = new Unchecked("the ledger's identity has not been read yet");
    private volatile Instant checkedAt;
    private volatile long checkedInOutage = -1;
    private volatile String refusedBind;
    /** The genesis hash an operator's bind command names, until {@link #rebind} takes or refuses it. */
    private volatile String expectedBind;

    protected LedgerBindingGuard() {
    }

    @Inject
    public LedgerBindingGuard(Ledger ledger, LedgerBindings bindings, LedgerHealth health, StaffEventLog events, LedgerCarryOver carryOver,
            Clock clock) {
        this.ledger = ledger;
        this.bindings = bindings;
        this.health = health;
        this.events = events;
        this.carryOver = carryOver;
        this.clock = clock;
    }

    /** The last check's verdict, without asking the ledger. */
    public Verdict verdict() {
        return verdict;
    }

    /**
     * Whether the portal may send to, and follow, the ledger now: true only while the network is
     * known to serve this database's ledger. Asks the ledger again after an outage began, once a
     * {@link #RECHECK}, while it could not be asked, and (at most once a {@link #RETRY}) while it serves
     * another ledger.
     */
    public boolean permitsWrites() {
        Verdict last = verdict;
        Instant now = clock.instant();
        if (last instanceof Bound && checkedInOutage == health.outagesStarted() && now.isBefore(checkedAt.plus(RECHECK))) {
            return true;
        }
        if (last instanceof Mismatch && now.isBefore(checkedAt.plus(RETRY))) {
            return false;
        }
        return check() instanceof Bound;
    }

    /**
     * An operator's bind command is to be carried out ({@link #rebind}, once the ledger answers): until
     * then a check that finds the network serving that very ledger says so, rather than refusing it
     * (the portal's readiness would otherwise report a mismatch the command is about to end).
     */
    public void expectBind(String genesisHash) {
        expectedBind = genesisHash.strip().toLowerCase(Locale.ROOT);
    }

    /** Reads the network's ledger identity now and compares it with this database's binding. */
    public synchronized Verdict check() {
        return check(expectedBind);
    }

    /** {@link #check()}, where finding the network serving {@code awaitedBind} (null: none) waits for that bind. */
    private Verdict check(String awaitedBind) {
        Instant now = clock.instant();
        long outages = health.outagesStarted();
        Verdict found;
        try {
            // The reader's peer answering says nothing of the peers a write needs: an outage ends
            // when a write or a block gets through, not here.
            found = compare(ledger.identity(), now);
        } catch (LedgerUnavailableException e) {
            health.failed("reading which ledger the network serves", e.getMessage(), e.getCause());
            checkedAt = now;
            // A known mismatch stays known while the ledger is away: it is not going to become right by itself.
            if (!(verdict instanceof Mismatch)) {
                verdict = new Unchecked("the ledger's identity could not be read: " + e.getMessage());
            }
            return verdict;
        }
        Verdict next = found instanceof Mismatch mismatch && mismatch.served().genesisHash().equals(awaitedBind)
                ? new Unchecked("binding this database to ledger " + mismatch.served() + " as the operator ordered") : found;
        Verdict before = verdict;
        verdict = next;
        checkedAt = now;
        checkedInOutage = outages;
        if (next instanceof Mismatch && !(before instanceof Mismatch)) {
            LOG.severe(() -> next.summary() + ". Nothing is sent to the ledger and no block is followed until an operator"
                    + " binds this database to the network's ledger (deploy/up.sh --bind-ledger, see deploy/README.md).");
        } else if (next instanceof Bound && !(before instanceof Bound)) {
            LOG.info(() -> "the portal is " + next.summary());
        }
        return next;
    }

    private Verdict compare(LedgerIdentity served, Instant now) {
        Optional<LedgerBindings.Binding> binding = bindings.current();
        if (binding.isPresent()) {
            LedgerIdentity own = binding.get().ledger();
            return own.equals(served) ? new Bound(served)
                    : new Mismatch(Optional.of(own), served, "this database belongs to ledger " + own + ", the network serves ledger "
                            + served, Optional.ofNullable(refusedBind));
        }
        // A database from before bindings (or a new one): bound to the network's ledger if none of its
        // receipts says otherwise.
        Optional<String> receipt = bindings.anyReceipt();
        if (receipt.isPresent() && ledger.transaction(receipt.get()).isEmpty()) {
            return new Mismatch(Optional.empty(), served, "this database holds receipts of another ledger: transaction "
                    + receipt.get() + " is not on the ledger the network serves, " + served, Optional.ofNullable(refusedBind));
        }
        String reason = receipt.map(tx -> "database from before ledger bindings; its receipt " + tx + " is on this ledger")
                .orElse("first start on a database without receipts");
        bindings.add(new LedgerBindings.Binding(served, now, "portal", reason));
        LOG.info(() -> "database bound to ledger " + served + " (" + reason + ")");
        return new Bound(served);
    }

    /**
     * The operator's command: binds this database to the ledger the network serves now, which must
     * be the one named (its genesis block hash, as the mismatch message gives it), so that a command
     * left in a start script never binds to whatever network happens to answer. Logged as the
     * operator's action with the ledger left behind and the reason; the commit follower starts again
     * at the new ledger's first block. Every version the earlier ledger committed is queued to be
     * carried over ({@link LedgerCarryOver}): until it is, it is pending again, and afterwards its
     * receipt is the new ledger's.
     *
     * @return the verdict afterwards
     * @throws IllegalArgumentException when the network serves another ledger than the one named (nothing changes)
     * @throws IllegalStateException    when the ledger cannot be read now (nothing changes)
     */
    @Transactional
    public synchronized Verdict rebind(String genesisHash, String operator, String reason) {
        String named = genesisHash == null ? "" : genesisHash.strip().toLowerCase(Locale.ROOT);
        Verdict now = check(null); // this command's own check must see the mismatch it ends
        if (now instanceof Unchecked) {
            throw new IllegalStateException("cannot bind now: " + now.summary()); // tried again once the ledger answers
        }
        expectedBind = null; // taken or refused below
        if (now instanceof Bound bound && bound.ledger().genesisHash().equals(named)) {
            refusedBind = null;
            return now; // bound already, perhaps by this same command at an earlier start
        }
        LedgerIdentity served = now instanceof Mismatch mismatch ? mismatch.served() : ((Bound) now).ledger();
        if (!served.genesisHash().equals(named)) {
            refusedBind = "a bind to genesis block " + named + " was refused: the network does not serve that ledger";
            if (now instanceof Mismatch mismatch) {
                verdict = new Mismatch(mismatch.expected(), served, mismatch.finding(), Optional.of(refusedBind));
            }
            throw new IllegalArgumentException("the network serves ledger " + served + ", not the genesis block " + named
                    + " the command names; the database stays bound as it was");
        }
        String from = now instanceof Mismatch mismatch ? mismatch.expected().map(LedgerIdentity::toString).orElse("receipts of an unknown ledger")
                : served.toString();
        Instant at = clock.instant();
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        bindings.rebind(new LedgerBindings.Binding(served, at, operator, why));
        int carried = now instanceof Mismatch mismatch
                ? carryOver.queueAll(mismatch.expected().map(LedgerIdentity::genesisHash).orElse(LedgerCarryOver.UNKNOWN_LEDGER)) : 0;
        String moved = "from " + from + ", " + carried + " committed versions to carry over: " + why;
        events.append(new StaffEvent(at, StaffEvent.Kind.LEDGER_BOUND, operator, null, served.toString(), moved));
        LOG.warning(() -> operator + " bound this database to ledger " + served + " (" + moved + ")");
        refusedBind = null;
        verdict = new Bound(served);
        checkedAt = at;
        checkedInOutage = health.outagesStarted();
        return verdict;
    }
}
