package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.demo.DemoContentLoader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With {@code druk.demo.content=true} (DRUK_DEMO_CONTENT; deploy/up.sh sets it unless --no-demo),
 * loads the demo content (land titles, then tenders and bids) into empty registers in the
 * background: startup only schedules the first round, each round runs on the managed scheduled
 * executor and schedules the next one, until the whole plan is on the ledger. Off by default, so tests and real deployments start empty.
 */
@ApplicationScoped
public class DemoContentStartup {

    private static final Logger LOG = Logger.getLogger(DemoContentStartup.class.getName());

    /** Leaves the portal time to finish starting (and the ledger submitter to connect) first. */
    private static final Duration FIRST_ROUND = Duration.ofSeconds(5);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

    @Inject
    DemoContentLoader loader;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    private volatile boolean running;
    private volatile ScheduledFuture<?> next;

    /** After the migrations and the demo staff users (priority 5000). */
    void onStart(@Observes @Priority(6000) @Initialized(ApplicationScoped.class) Object event) {
        if (!Setting.DEMO_CONTENT.flag()) {
            return;
        }
        LOG.info("demo content: on (druk.demo.content=true); loading it in the background into the land and procurement registers if they are empty");
        running = true;
        schedule(FIRST_ROUND);
    }

    private void round() {
        if (!running) {
            return;
        }
        Duration delay;
        try {
            DemoContentLoader.Round round = loader.runRound();
            if (round.finished()) {
                running = false;
                return;
            }
            delay = round.nextRoundIn(clock.instant());
        } catch (RuntimeException | Error e) {
            // Never let one bad round end the loading: it resumes from the records next time.
            LOG.log(Level.WARNING, "demo content round failed; trying again in " + AFTER_FAILURE.toSeconds() + " s", e);
            delay = AFTER_FAILURE;
        }
        schedule(delay);
    }

    private void schedule(Duration delay) {
        if (running) {
            next = executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        ScheduledFuture<?> task = next;
        if (task != null) {
            task.cancel(false);
        }
    }
}
