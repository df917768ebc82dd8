package bt.druk.registry.interfaces.health;

import bt.druk.registry.application.record.LedgerStatusService;
import bt.druk.registry.infrastructure.config.Setting;
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

    @Inject
    LedgerStatusService ledgerStatus;

    @Override
    public HealthCheckResponse call() {
        Duration maxWait = Duration.ofSeconds(Setting.LEDGER_MAX_WAIT_SECONDS.wholeNumber());
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
