package bt.druk.registry.infrastructure.batch;

import bt.druk.registry.application.land.ThramImportService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the {@code thram-import} batch job for an import, and after a restart starts it again for
 * every import still registering: the job carries on after the checkpoint stored with the import, so
 * a row registered before the stop is not registered again. Running jobs are stopped when the
 * application stops (each stops after its current chunk).
 */
@ApplicationScoped
public class ThramImportJobs {

    private static final Logger LOG = Logger.getLogger(ThramImportJobs.class.getName());
    static final String JOB = "thram-import";

    private final Map<Long, Long> executions = new ConcurrentHashMap<>();

    @Inject
    ThramImportService imports;

    @Resource
    ManagedThreadFactory threadFactory;

    /** Starts the job for the import unless one of this portal's runs it already. */
    public void start(long importId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Long running = executions.get(importId);
        if (running != null && isRunning(operator, running)) {
            return;
        }
        Properties parameters = new Properties();
        parameters.setProperty("importId", Long.toString(importId));
        long execution = operator.start(JOB, parameters);
        executions.put(importId, execution);
        LOG.info(() -> "thram import " + importId + ": batch job execution " + execution + " started");
    }

    /** Whether a job of this portal is registering the import now. */
    public boolean isRunning(long importId) {
        Long execution = executions.get(importId);
        return execution != null && isRunning(BatchRuntime.getJobOperator(), execution);
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // After deployment has finished (the deploying thread ends), as PortalStartup does for its
        // background work: the job's first class loading must not meet deployment's closing of JAR files.
        Thread deployer = Thread.currentThread();
        Thread resumer = threadFactory.newThread(() -> resumeAfter(deployer));
        resumer.setName("druk-thram-import-resume");
        resumer.setDaemon(true);
        resumer.start();
    }

    private void resumeAfter(Thread deployer) {
        try {
            deployer.join(60_000);
            resumeUnfinished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not resume unfinished thram imports; a clerk's Start again resumes one", e);
        }
    }

    /**
     * Starts the job for every import still registering (what a portal does once it has started): each
     * carries on after its stored checkpoint.
     *
     * @return the imports resumed
     */
    public List<Long> resumeUnfinished() {
        List<Long> unfinished = imports.unfinished();
        for (Long id : unfinished) {
            LOG.info(() -> "thram import " + id + " is registering and no job of this portal runs it; resuming after its checkpoint");
            start(id);
        }
        return unfinished;
    }

    @PreDestroy
    void stopAll() {
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            for (Long execution : executions.values()) {
                if (isRunning(operator, execution)) {
                    operator.stop(execution);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "stopping thram import jobs", e);
        }
    }

    private static boolean isRunning(JobOperator operator, long execution) {
        BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }
}
