package bt.druk.registry.domain.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Port to the certificates of the identities the portal signs ledger transactions with from its
 * organisations' tokens, and to their renewal at the organisations' certificate authorities with the
 * keys they already have. A certificate that runs out unrenewed makes every endorsement it signs fail.
 */
public interface SigningCertificates {

    /**
     * An identity's current certificate.
     *
     * @param required whether the portal needs it to work at all (an identity of its connection file,
     *                 its registrar or CRL admin); otherwise it is a staff member's own identity
     */
    record SigningCertificate(String identity, String mspId, Instant notBefore, Instant notAfter, boolean required) {

        public SigningCertificate {
            Objects.requireNonNull(identity, "identity");
            if (!notAfter.isAfter(notBefore)) {
                throw new IllegalArgumentException("a certificate of " + identity + " ends before it begins");
            }
        }

        /**
         * Due when less than a third of its lifetime is left: a year's certificate about four months
         * before it ends, a 15-minute one 5 minutes before. A third leaves room for a CA that is away
         * for a while, and renews seldom enough that the CA's database does not fill with certificates.
         */
        public boolean dueForRenewal(Instant now) {
            Duration lifetime = Duration.between(notBefore, notAfter);
            return Duration.between(now, notAfter).compareTo(lifetime.dividedBy(3)) < 0;
        }

        public boolean expired(Instant now) {
            return !now.isBefore(notAfter);
        }

        /**
         * The same certificate, its lifetime counted from {@code issuedAt} when that is later than its
         * NotBefore: a CA may date a certificate from its own NotBefore, which would make it look due at once.
         */
        public SigningCertificate issuedNoEarlierThan(Instant issuedAt) {
            return issuedAt.isAfter(notBefore) && issuedAt.isBefore(notAfter)
                    ? new SigningCertificate(identity, mspId, issuedAt, notAfter, required) : this;
        }
    }

    /** What asking the CA for a new certificate came to. */
    sealed interface Renewal {

        /** The new certificate is in place; gateways signing as the identity were dropped. */
        record Renewed(Instant notBefore, Instant notAfter) implements Renewal {
        }

        /** The CA refused, or answered with a certificate that cannot be used: asking again soon gives the same. */
        record Refused(String reason) implements Renewal {
        }

        /** The CA or the token could not be reached: worth asking again at the next check. */
        record Unreachable(String reason) implements Renewal {
        }
    }

    /**
     * The current certificate of every identity in the tokens.
     *
     * @throws LedgerUnavailableException when the connection file or a token cannot be read
     */
    List<SigningCertificate> current();

    /** Asks the identity's CA for a new certificate for its key, and puts it in place of the current one. */
    Renewal renew(SigningCertificate certificate);
}
