package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the readiness check says of the portal's signing certificates: the one that ends first, and
 * whether that is far off ({@link State#OK}), within {@link #WARNING_WITHIN} ({@link State#WARNING}),
 * or past ({@link State#EXPIRED}). The portal is not ready only when a certificate it needs (an
 * identity of its connection file) has expired: an expired staff member's identity only stops that
 * person's writes, and a warning is for the operator, not the load balancer.
 */
@ApplicationScoped
public class CertificateReadiness {

    /** A certificate ending within this is a warning: renewal (at a third of a year's lifetime) should have come long before. */
    public static final Duration WARNING_WITHIN = Duration.ofDays(30);

    public enum State {
        OK, WARNING, EXPIRED;

        /** As the readiness check shows it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param earliest the certificate that ends first, if the portal signs from tokens at all
     * @param ready    false only when a needed identity's certificate has expired
     */
    public record Report(Optional<SigningCertificate> earliest, State state, boolean ready) {
    }

    private SigningCertificateRenewal renewal;
    private Clock clock;

    protected CertificateReadiness() {
    }

    @Inject
    public CertificateReadiness(SigningCertificateRenewal renewal, Clock clock) {
        this.renewal = renewal;
        this.clock = clock;
    }

    /** The report on the certificates as the last renewal check left them. */
    public Report report() {
        return report(renewal.known(), clock.instant());
    }

    static Report report(List<SigningCertificate> certificates, Instant now) {
        Optional<SigningCertificate> earliest = certificates.stream().min(Comparator.comparing(SigningCertificate::notAfter));
        State state = earliest.map(c -> c.expired(now) ? State.EXPIRED
                : !c.notAfter().isAfter(now.plus(WARNING_WITHIN)) ? State.WARNING : State.OK).orElse(State.OK);
        boolean ready = certificates.stream().noneMatch(c -> c.required() && c.expired(now));
        return new Report(earliest, state, ready);
    }
}
