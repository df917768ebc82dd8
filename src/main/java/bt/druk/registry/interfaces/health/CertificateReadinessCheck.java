package bt.druk.registry.interfaces.health;

import bt.druk.registry.application.record.CertificateReadiness;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The signing certificates' part of {@code /health/ready}: the certificate that ends first
 * ({@code earliestCertificateExpiry}, {@code earliestCertificate}) and {@code certificates} =
 * {@code ok}, {@code warning} (within 30 days) or {@code expired}. DOWN only when an identity of the
 * connection file has expired ({@link CertificateReadiness}). Tokens that cannot be read leave it UP
 * with {@code certificates} = {@code unknown}: the ledger check says why the ledger cannot be used.
 */
@Readiness
@ApplicationScoped
public class CertificateReadinessCheck implements HealthCheck {

    @Inject
    CertificateReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("certificates");
        CertificateReadiness.Report report;
        try {
            report = readiness.report();
        } catch (LedgerUnavailableException e) {
            return response.up().withData("certificates", "unknown").build();
        }
        response.status(report.ready());
        if (report.earliest().isPresent()) {
            SigningCertificate earliest = report.earliest().get();
            response.withData("certificates", report.state().label())
                    .withData("earliestCertificateExpiry", earliest.notAfter().toString())
                    .withData("earliestCertificate", earliest.identity());
        }
        return response.build();
    }
}
