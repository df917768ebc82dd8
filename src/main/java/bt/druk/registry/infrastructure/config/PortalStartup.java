package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.staff.StaffLedgerIdentityService;
import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchPolicy;
import bt.druk.registry.application.procurement.EnvelopeSweeper;
import bt.druk.registry.application.record.CommitFollower;
import bt.druk.registry.application.record.LedgerBindingGuard;
import bt.druk.registry.application.record.LedgerHealth;
import bt.druk.registry.application.record.LedgerSubmitter;
import bt.druk.registry.application.record.SigningCertificateRenewal;
import bt.druk.registry.application.record.SubmitterPolicy;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.infrastructure.persistence.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At startup: migrates the database first (before any other startup observer touches it), then,
 * once the deployment has finished, starts the notary's batch cutter (a few times per batch wait,
 * on the managed scheduled executor), the sealed-bid envelope sweep (every minute, on the same
 * executor; see {@link EnvelopeSweeper}), the renewal of the signing identities' certificates (every
 * {@code druk.fabric.certificateCheckSeconds}, on the same executor; see {@link SigningCertificateRenewal}),
 * the ledger submitter's dispatcher (a loop on its own managed
 * thread that keeps up to {@link SubmitterPolicy#window()} transactions in flight on as many
 * sending threads) and the commit follower (a long-running loop on its own managed thread that
 * reconnects after 5 s when the ledger goes away). All survive any error, and all are stopped, and
 * waited for, when the application stops, so none outlives this application's class loader.
 * {@code druk.ledger.enabled=false} (DRUK_LEDGER_ENABLED) leaves them off.
 */
@ApplicationScoped
public class PortalStartup {

    private static final Logger LOG = Logger.getLogger(PortalStartup.class.getName());

    @Inject
    DatabaseMigrator migrator;

    @Inject
    LedgerSubmitter submitter;

    @Inject
    CommitFollower follower;

    @Inject
    LedgerHealth health;

    @Inject
    LedgerBindingGuard binding;

    @Inject
    BatchAnchorService batches;

    @Inject
    BatchPolicy batchPolicy;

    @Inject
    SubmitterPolicy submitterPolicy;

    @Inject
    EnvelopeSweeper envelopeSweeper;

    @Inject
    StaffLedgerIdentityService ledgerIdentities;

    @Inject
    SigningCertificateRenewal certificateRenewal;

    @Resource
    ManagedScheduledExecutorService executor;

    /** The follower blocks on the block stream, so it gets its own thread rather than the executor's (small) pool. */
    @Resource
    ManagedThreadFactory threadFactory;

    /** How often the submitter looks for new outbox entries while transactions are in flight, and while none are. */
    static final long BUSY_POLL_MILLIS = 50;
    static final long IDLE_POLL_MILLIS = 250;

    /** Longest wait for the deploying thread to finish before the background work starts anyway. */
    static final Duration DEPLOYMENT_WAIT = Duration.ofSeconds(60);

    private volatile boolean running;
    private Thread starterThread;
    private ExecutorService senders;
    private Thread dispatcherThread;
    private ScheduledFuture<?> cutterTask;
    private ScheduledFuture<?> sweepTask;
    private ScheduledFuture<?> revocationTask;
    private ScheduledFuture<?> renewalTask;
    private Thread followerThread;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        migrator.migrate();
        if (!Setting.LEDGER_ENABLED.flag()) {
            LOG.info("ledger submitter and commit follower are disabled (druk.ledger.enabled=false)");
            return;
        }
        running = true;
        // The deploying thread (Payara Micro's main thread, which ends once the server is ready)
        // must be finished before anything runs in the background: deployment closes cached JAR
        // files JVM-wide, and a class whose static initialiser was loading from one at that moment
        // stays broken for the JVM's life (Weld's JarFileUtils.closeCachedJarFiles, payara/Payara
        // #5001, see deploy/README.md; seen under load as a ledger client that never recovers). A
        // deployer that does not end (a redeploy on an admin thread) is waited for at most
        // DEPLOYMENT_WAIT.
        Thread deployer = Thread.currentThread();
        starterThread = threadFactory.newThread(() -> startAfter(deployer));
        starterThread.setName("druk-background-starter");
        starterThread.setDaemon(true);
        starterThread.start();
    }

    private void startAfter(Thread deployer) {
        try {
            deployer.join(DEPLOYMENT_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (!running) {
                return;
            }
            senders = Executors.newFixedThreadPool(submitterPolicy.window(), threadFactory);
            // Before anything asks: a check that finds the ordered ledger waits for the bind, not refuses it.
            Setting.LEDGER_BIND_TO.configured().ifPresent(binding::expectBind);
            dispatcherThread = threadFactory.newThread(this::dispatchForever);
            dispatcherThread.setName("druk-ledger-submitter");
            dispatcherThread.setDaemon(true);
            dispatcherThread.start();
            // Looks for a due batch a few times per batch wait, so a batch waits at most about 1.25 T.
            long cutEvery = Math.max(100, batchPolicy.maxWait().toMillis() / 4);
            cutterTask = executor.scheduleWithFixedDelay(retriedOnFailure("cutting notary batches", this::cutDueBatches),
                    cutEvery, cutEvery, TimeUnit.MILLISECONDS);
            // A withdrawal's envelope goes within a minute of the ledger committing it; the whole store is swept less often.
            sweepTask = executor.scheduleWithFixedDelay(retriedOnFailure("sweeping sealed-bid envelopes",
                    () -> envelopeSweeper.tick()), 1, 1, TimeUnit.MINUTES);
            // Disabled accounts' ledger identities whose last writes were still waiting, or whose CA was unreachable.
            revocationTask = executor.scheduleWithFixedDelay(retriedOnFailure("revoking disabled accounts' ledger identities",
                    () -> ledgerIdentities.revokeWaiting()), 1, 1, TimeUnit.MINUTES);
            // Certificates with less than a third of their lifetime left; the first look at once, in case the portal was off for long.
            long checkEvery = Setting.FABRIC_CERTIFICATE_CHECK_SECONDS.wholeNumber();
            renewalTask = executor.scheduleWithFixedDelay(retriedOnFailure("renewing the signing identities' certificates",
                    this::renewDueCertificates), 0, checkEvery, TimeUnit.SECONDS);
            followerThread = threadFactory.newThread(this::followForever);
            followerThread.setName("druk-commit-follower");
            followerThread.setDaemon(true);
            followerThread.start();
        }
        LOG.info(() -> "deployment finished" + (deployer.isAlive() ? " (or " + DEPLOYMENT_WAIT.toSeconds() + " s passed)" : "")
                + ": batch cutter, envelope sweep, ledger submitter (" + submitterPolicy.window()
                + " in flight at most) and commit follower started");
    }

    /**
     * The operator's bind command ({@code druk.ledger.bindTo}, set by {@code deploy/up.sh --bind-ledger}):
     * tried until the ledger answers; a refusal (the network serves another ledger than the one named)
     * is logged and shown in the readiness check, and the portal stays off the ledger.
     */
    private void bindAsOrdered(String genesisHash) {
        String operator = Setting.LEDGER_BIND_BY.text();
        String reason = Setting.LEDGER_BIND_REASON.configured().orElse("");
        while (running) {
            try {
                binding.rebind(genesisHash, operator, reason);
                return;
            } catch (IllegalStateException e) {
                pause(2000); // the ledger cannot be read yet
            } catch (IllegalArgumentException e) {
                LOG.severe("the bind command was refused: " + e.getMessage());
                return;
            }
        }
    }

    private void dispatchForever() {
        Setting.LEDGER_BIND_TO.configured().ifPresent(this::bindAsOrdered);
        try {
            int resumed = submitter.resume();
            if (resumed > 0) {
                LOG.info(() -> resumed + " outbox entries claimed before the last stop are due again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not take back this portal's earlier leases; they run out by themselves", e);
        }
        while (running) {
            try {
                if (submitter.pump(senders) == 0) {
                    // Nothing new to send: come back soon if answers are on their way, else a little later.
                    pause(submitter.inFlight() > 0 ? BUSY_POLL_MILLIS : IDLE_POLL_MILLIS);
                }
            } catch (Throwable e) {
                // An Error too: the dispatcher must not die (nothing would be sent until a restart).
                if (running) {
                    LOG.log(Level.WARNING, "ledger submitter round failed; will retry", e);
                    pause(2000);
                }
            }
        }
    }

    /** A token or connection file that cannot be read is said once, not every minute (the ledger check shows it too). */
    private String lastCertificateProblem;

    private void renewDueCertificates() {
        try {
            certificateRenewal.check();
            lastCertificateProblem = null;
        } catch (LedgerUnavailableException e) {
            if (!String.valueOf(e.getMessage()).equals(lastCertificateProblem)) {
                lastCertificateProblem = String.valueOf(e.getMessage());
                LOG.warning("the signing identities' certificates cannot be looked at; trying again at the next check: "
                        + e.getMessage());
            }
        }
    }

    private void cutDueBatches() {
        while (running && batches.cutDue().isPresent()) {
            // cut every batch that is due
        }
    }

    /**
     * The periodic task, with whatever it throws logged as "{@code what} failed; will retry" while the
     * portal runs, rather than thrown.
     */
    private Runnable retriedOnFailure(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                // An Error too: a task that throws is never run again by the executor.
                if (running) {
                    LOG.log(Level.WARNING, what + " failed; will retry", e);
                }
            }
        };
    }

    private void followForever() {
        while (running) {
            try {
                if (follower.follow(() -> running, Long.MAX_VALUE) == 0) {
                    pause(1000); // not on this database's ledger (or not known yet): nothing to follow
                }
            } catch (LedgerUnavailableException e) {
                if (running) {
                    health.failed("following blocks", e.getMessage(), e.getCause());
                    pause(5000);
                }
            } catch (Throwable e) {
                // An Error too: the follower is the portal's source of truth for commits and must not die.
                if (running) {
                    health.failed("following blocks", e.toString(), e);
                    pause(5000);
                }
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            running = false;
        }
        if (starterThread != null) {
            starterThread.interrupt();
        }
        if (dispatcherThread != null) {
            dispatcherThread.interrupt();
            join(dispatcherThread, "the ledger submitter");
        }
        if (senders != null) {
            // Cancels the calls in flight; their entries keep their leases, which the next start takes back.
            senders.shutdownNow();
            try {
                senders.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (cutterTask != null) {
            cutterTask.cancel(false);
        }
        if (revocationTask != null) {
            revocationTask.cancel(false);
        }
        if (sweepTask != null) {
            sweepTask.cancel(false);
        }
        if (renewalTask != null) {
            renewalTask.cancel(false);
        }
        if (followerThread != null) {
            // Interrupting cancels the follower's blocking gRPC call; then wait for the thread to end.
            followerThread.interrupt();
            join(followerThread, "the commit follower");
        }
    }

    private static void join(Thread thread, String what) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning(what + " did not stop within 10 s");
        }
    }
}
