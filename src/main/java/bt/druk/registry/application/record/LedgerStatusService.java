package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.record.OutboxBacklog;
import bt.druk.registry.domain.record.RecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What staff pages and the readiness check say about the ledger: is it reachable, since when not,
 * how many versions wait, and is the oldest one waiting too long.
 */
@ApplicationScoped
public class LedgerStatusService {

    /** How the readiness reason begins when the network serves another ledger; {@code deploy/up.sh} stops on it. */
    public static final String LEDGER_MISMATCH = "ledger mismatch: ";

    /** Pages ask on every request; the ledger is asked at most this often. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(5);

    /**
     * The ledger as staff and operators see it.
     *
     * @param outage  present while calls to the ledger fail
     * @param backlog versions waiting to reach the ledger
     */
    public record LedgerStatus(Optional<LedgerHealth.Outage> outage, OutboxBacklog backlog) {
        public boolean reachable() {
            return outage.isEmpty();
        }

        /** How long the oldest waiting version has waited, zero when none waits. */
        public Duration oldestWait(Instant now) {
            return backlog.oldestSince() == null ? Duration.ZERO : Duration.between(backlog.oldestSince(), now);
        }
    }

    /** The readiness verdict, with the reason when not ready. */
    public record Readiness(boolean ready, String reason, LedgerStatus status) {
    }

    private Ledger ledger;
    private RecordRepository repository;
    private LedgerHealth health;
    private LedgerBindingGuard binding;
    private Clock clock;
    private volatile Instant lastPing;

    protected LedgerStatusService() {
    }

    @Inject
    public LedgerStatusService(Ledger ledger, RecordRepository repository, LedgerHealth health, LedgerBindingGuard binding,
                               Clock clock) {
        this.ledger = ledger;
        this.repository = repository;
        this.health = health;
        this.binding = binding;
        this.clock = clock;
    }

    /** Present while the network serves another ledger than this database's: what an operator must know. */
    public Optional<String> foreignLedger() {
        return binding.verdict() instanceof LedgerBindingGuard.Mismatch mismatch ? Optional.of(mismatch.summary()) : Optional.empty();
    }

    @Transactional
    public LedgerStatus status() {
        return new LedgerStatus(health.outage(), repository.outboxBacklog());
    }

    /**
     * Ready when the ledger answers an evaluation now, it is this database's ledger, and no version
     * has waited longer than {@code maxWait} for it.
     */
    public Readiness readiness(Duration maxWait) {
        Instant now = clock.instant();
        String unreachable = null;
        if (lastPing == null || !now.isBefore(lastPing.plus(PING_INTERVAL)) || health.outage().isPresent()) {
            try {
                ledger.ping();
                lastPing = now;
                health.succeeded();
            } catch (LedgerUnavailableException e) {
                lastPing = null;
                health.failed("readiness check", e.getMessage(), e.getCause());
                unreachable = e.getMessage();
            }
        }
        LedgerStatus status = status();
        if (unreachable != null || status.outage().isPresent()) {
            return new Readiness(false, "ledger unreachable: " + status.outage().map(LedgerHealth.Outage::lastError)
                    .orElse(unreachable), status);
        }
        if (!binding.permitsWrites()) {
            LedgerBindingGuard.Verdict verdict = binding.verdict();
            return new Readiness(false, verdict instanceof LedgerBindingGuard.Mismatch ? LEDGER_MISMATCH + verdict.summary()
                    : verdict.summary(), status);
        }
        Duration oldest = status.oldestWait(now);
        if (oldest.compareTo(maxWait) > 0) {
            return new Readiness(false, status.backlog().waiting() + " version(s) waiting for the ledger, the oldest for "
                    + oldest.toSeconds() + " s (limit " + maxWait.toSeconds() + " s)", status);
        }
        return new Readiness(true, null, status);
    }
}
