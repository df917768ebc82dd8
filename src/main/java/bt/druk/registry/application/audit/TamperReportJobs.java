package bt.druk.registry.application.audit;

import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the tamper report in the background, one run at a time for the whole portal, on the
 * server's managed executor (a run reads the ledger once per record and may take minutes), and
 * tells pages how far the current run has got.
 */
@ApplicationScoped
public class TamperReportJobs {

    private static final Logger LOG = Logger.getLogger(TamperReportJobs.class.getName());

    @Resource
    ManagedExecutorService managedExecutor;

    private TamperReport report;
    private Executor executor;
    private volatile Job current;

    protected TamperReportJobs() {
    }

    @Inject
    public TamperReportJobs(TamperReport report) {
        this.report = report;
    }

    /** Outside a container (tests): runs on the given executor. */
    public TamperReportJobs(TamperReport report, Executor executor) {
        this.report = report;
        this.executor = executor;
    }

    /** How far a run has got. {@code percent} is 0-100. */
    public record Progress(long runId, boolean running, int done, int total) {
        public int percent() {
            return total <= 0 ? (running ? 0 : 100) : Math.min(100, done * 100 / total);
        }
    }

    /** Answer to "start a run". */
    public sealed interface Start {
        long runId();

        /** A new run was started. */
        record Started(long runId) implements Start {
        }

        /** A run is under way already (started by this or another inspector); nothing new was started. */
        record AlreadyRunning(long runId) implements Start {
        }
    }

    /** Starts a run unless one is under way. */
    public synchronized Start start(StaffMember inspector) {
        Inspectors.require(inspector);
        Job running = current;
        if (running != null && running.running) {
            return new Start.AlreadyRunning(running.runId);
        }
        ReconciliationRun run = report.begin(inspector);
        Job job = new Job(run.id());
        current = job;
        try {
            executor().execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            job.running = false;
            report.failed(job.runId, "The server could not start the run: " + e.getMessage());
        }
        return new Start.Started(run.id());
    }

    /** The current or last run of this portal since it started, if any. */
    public java.util.Optional<Progress> progress() {
        Job job = current;
        return job == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Progress(job.runId, job.running, job.done, job.total));
    }

    public boolean isRunning() {
        Job job = current;
        return job != null && job.running;
    }

    private void run(Job job) {
        try {
            TamperReport.Result result = report.reconcile(job);
            report.complete(job.runId, result);
            // Pages see the run as over as soon as its findings are stored.
            job.running = false;
            LOG.info(() -> "tamper report run " + job.runId + ": " + result.recordsChecked() + " records, "
                    + result.findings().size() + " findings");
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "tamper report run " + job.runId + " failed", e);
            try {
                report.failed(job.runId, reason(e));
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "could not record the failure of tamper report run " + job.runId, again);
            }
        } finally {
            job.running = false;
        }
    }

    /** Words for the page: the ledger's own message when it went away, else the kind of failure. */
    private static String reason(Throwable e) {
        if (e instanceof bt.druk.registry.domain.ledger.LedgerUnavailableException) {
            return "The ledger could not be reached: " + e.getMessage();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private Executor executor() {
        return executor != null ? executor : managedExecutor;
    }

    @PreDestroy
    void stop() {
        Job job = current;
        if (job != null) {
            job.stopped = true;
        }
    }

    /** One run's progress, written by the worker and read by pages. */
    private static final class Job implements TamperReport.Progress {
        final long runId;
        volatile boolean running = true;
        volatile boolean stopped;
        volatile int done;
        volatile int total;

        Job(long runId) {
            this.runId = runId;
        }

        @Override
        public void total(int units) {
            total = units;
        }

        @Override
        public void advance() {
            if (stopped) {
                throw new IllegalStateException("the portal is stopping");
            }
            done++;
        }
    }
}
