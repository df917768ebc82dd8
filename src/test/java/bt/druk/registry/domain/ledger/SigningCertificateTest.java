package bt.druk.registry.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SigningCertificateTest {

    private static final Instant ISSUED = Instant.parse("2026-12-05T10:00:00Z");

    private static SigningCertificate lasting(Duration lifetime) {
        return new SigningCertificate("portal", "LandMSP", ISSUED, ISSUED.plus(lifetime), true);
    }

    @Nested
    class DueForRenewal {

        @Test
        void aFifteenMinuteCertificateIsDueWithLessThanFiveMinutesLeftNotWithFive() {
            SigningCertificate certificate = lasting(Duration.ofMinutes(15));
            Instant end = certificate.notAfter();
            assertFalse(certificate.dueForRenewal(end.minus(Duration.ofMinutes(5))), "exactly a third left");
            assertTrue(certificate.dueForRenewal(end.minus(Duration.ofMinutes(5)).plusMillis(1)));
            assertFalse(certificate.dueForRenewal(ISSUED.plus(Duration.ofMinutes(9))));
        }

        @Test
        void aYearsCertificateIsDueAboutFourMonthsBeforeItEnds() {
            SigningCertificate certificate = lasting(Duration.ofDays(365));
            Instant end = certificate.notAfter();
            assertFalse(certificate.dueForRenewal(end.minus(Duration.ofDays(122))));
            assertTrue(certificate.dueForRenewal(end.minus(Duration.ofDays(121))));
        }

        @Test
        void anExpiredCertificateIsDueAndExpired() {
            SigningCertificate certificate = lasting(Duration.ofMinutes(15));
            assertTrue(certificate.dueForRenewal(certificate.notAfter()));
            assertTrue(certificate.expired(certificate.notAfter()));
            assertFalse(certificate.expired(certificate.notAfter().minusMillis(1)));
        }

        @Test
        void aCertificateDatedFromItsCasOwnNotBeforeCountsFromItsRenewal() {
            // Fabric CA dates certificates from its own NotBefore unless asked: a year-old CA's 15-minute certificate
            // would look due the moment it was issued.
            SigningCertificate datedFromTheCa = new SigningCertificate("portal", "LandMSP", ISSUED.minus(Duration.ofDays(365)),
                    ISSUED.plus(Duration.ofMinutes(15)), true);
            assertTrue(datedFromTheCa.dueForRenewal(ISSUED));
            SigningCertificate counted = datedFromTheCa.issuedNoEarlierThan(ISSUED);
            assertEquals(ISSUED, counted.notBefore());
            assertFalse(counted.dueForRenewal(ISSUED.plus(Duration.ofMinutes(9))));
            assertTrue(counted.dueForRenewal(ISSUED.plus(Duration.ofMinutes(11))));
            assertSame(counted, counted.issuedNoEarlierThan(Instant.MIN), "an earlier time changes nothing");
            assertSame(counted, counted.issuedNoEarlierThan(counted.notAfter()), "nor one at its end");
        }
    }

    @Test
    void aCertificateThatEndsBeforeItBeginsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SigningCertificate("portal", "LandMSP", ISSUED, ISSUED, true));
    }
}
