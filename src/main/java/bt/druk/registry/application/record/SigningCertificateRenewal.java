package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.SigningCertificates;
import bt.druk.registry.domain.ledger.SigningCertificates.Renewal;
import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews the certificates of the identities the portal signs with before they run out: each check
 * ({@link #check()}, every minute from the portal's scheduler) renews every certificate that is
 * {@linkplain SigningCertificate#dueForRenewal due}. A CA that cannot be reached is asked again at
 * the next check. A refusal (a revoked staff identity, a CA that will not issue a longer
 * certificate) is logged once per certificate and asked again only after {@link #REFUSAL_PAUSE},
 * so a refusal does not become a request and a log line every minute; a staff identity whose renewal
 * was refused is left out of {@link #known()} (it no longer signs), an identity the portal needs is not.
 */
@ApplicationScoped
public class SigningCertificateRenewal {

    private static final Logger LOG = Logger.getLogger(SigningCertificateRenewal.class.getName());

    /** How long a refused certificate is left alone before the CA is asked again. */
    static final Duration REFUSAL_PAUSE = Duration.ofHours(1);

    /** A refusal of the certificate ending at {@code notAfter}, asked again from {@code retryAt}. */
    private record Refusal(Instant notAfter, Instant retryAt) {
    }

    private SigningCertificates certificates;
    private Clock clock;
    private final Map<String, Refusal> refused = new ConcurrentHashMap<>();
    /** When this portal renewed each identity: its lifetime counts from then, whatever NotBefore the CA wrote. */
    private final Map<String, Instant> renewedAt = new ConcurrentHashMap<>();
    private volatile List<SigningCertificate> known;

    protected SigningCertificateRenewal() {
    }

    @Inject
    public SigningCertificateRenewal(SigningCertificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * Renews every due certificate, and remembers the certificates as they are afterwards.
     *
     * @return the identities renewed
     * @throws bt.druk.registry.domain.ledger.LedgerUnavailableException when the tokens cannot be read (the scheduler logs it and checks again)
     */
    public synchronized List<String> check() {
        Instant now = clock.instant();
        List<String> renewed = new ArrayList<>();
        List<SigningCertificate> current = new ArrayList<>();
        for (SigningCertificate seen : certificates.current()) {
            SigningCertificate certificate = seen.issuedNoEarlierThan(renewedAt.getOrDefault(seen.identity(), Instant.MIN));
            Refusal refusal = refused.get(certificate.identity());
            if (refusal != null && !refusal.notAfter().equals(certificate.notAfter())) {
                refused.remove(certificate.identity()); // enrolled anew since: a new certificate, a new chance
                refusal = null;
            }
            if (!certificate.dueForRenewal(now) || (refusal != null && now.isBefore(refusal.retryAt()))) {
                current.add(certificate);
                continue;
            }
            Renewal outcome = certificates.renew(certificate);
            if (outcome instanceof Renewal.Renewed r) {
                renewedAt.put(certificate.identity(), now);
                refused.remove(certificate.identity());
                renewed.add(certificate.identity());
                current.add(new SigningCertificate(certificate.identity(), certificate.mspId(),
                        later(r.notBefore(), now), r.notAfter(), certificate.required()));
                LOG.info(() -> "renewed the certificate of " + certificate.identity() + " (" + certificate.mspId()
                        + "): it ended " + certificate.notAfter() + ", the new one ends " + r.notAfter());
            } else if (outcome instanceof Renewal.Refused r) {
                if (refusal == null) {
                    LOG.warning("the certificate of " + certificate.identity() + " (" + certificate.mspId() + "), ending "
                            + certificate.notAfter() + ", was not renewed: " + r.reason() + "; asked again in "
                            + REFUSAL_PAUSE.toMinutes() + " minutes, logged again only for another certificate");
                } else {
                    LOG.fine(() -> "renewal of " + certificate.identity() + " refused again: " + r.reason());
                }
                refused.put(certificate.identity(), new Refusal(certificate.notAfter(), now.plus(REFUSAL_PAUSE)));
                current.add(certificate);
            } else if (outcome instanceof Renewal.Unreachable r) {
                LOG.log(Level.WARNING, "the certificate of {0} ({1}), ending {2}, could not be renewed now; trying again"
                        + " at the next check: {3}", new Object[] {certificate.identity(), certificate.mspId(),
                        certificate.notAfter(), r.reason()});
                current.add(certificate);
            }
        }
        known = List.copyOf(current);
        return List.copyOf(renewed);
    }

    /**
     * The certificates as the last check left them (read now if there was none), less the staff
     * identities whose renewal the CA refused.
     */
    public List<SigningCertificate> known() {
        List<SigningCertificate> last = known;
        if (last == null) {
            last = List.copyOf(certificates.current().stream()
                    .map(c -> c.issuedNoEarlierThan(renewedAt.getOrDefault(c.identity(), Instant.MIN))).toList());
            known = last;
        }
        Set<String> refusedNow = Set.copyOf(refused.keySet());
        return last.stream().filter(c -> c.required() || !refusedNow.contains(c.identity())).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
