package bt.druk.registry.interfaces.health;

import bt.druk.registry.application.record.LedgerStatusService;
import bt.druk.registry.infrastructure.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} (MicroProfile Health, served by Payara Micro): DOWN while the portal cannot
 * evaluate on the ledger, or while a version has waited longer than
 * {@code druk.ledger.max-wait-seconds} (DRUK_LEDGER_MAX_WAIT_SECONDS, default 120) to reach it.
 * Liveness ({@code /health/live}) stays separate: a portal whose ledger is away is alive and keeps
 * taking registrations.
 */
@Readiness
@ApplicationScoped
public class LedgerReadinessCheck implements HealthCheck {

    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(120);

    @Inject
    LedgerStatusService ledgerStatus;

    @Override
    public HealthCheckResponse call() {
        Duration maxWait = Duration.ofSeconds(PortalSettings.integer("druk.ledger.max-wait-seconds", (int) DEFAULT_MAX_WAIT.toSeconds()));
        LedgerStatusService.Readiness readiness = ledgerStatus.readiness(maxWait);
        LedgerStatusService.LedgerStatus status = readiness.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ledger")
                .status(readiness.ready())
                .withData("waitingVersions", status.backlog().waiting())
                .withData("oldestWaitSeconds", status.oldestWait(Instant.now()).toSeconds());
        status.outage().ifPresent(outage -> response
                .withData("unreachableSince", outage.since().toString())
                .withData("lastError", outage.lastError()));
        if (readiness.reason() != null) {
            response.withData("reason", readiness.reason());
        }
        return response.build();
    }
}
