package bt.druk.registry.application.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.CertificateReadiness.Report;
import bt.druk.registry.application.record.CertificateReadiness.State;
import bt.druk.registry.domain.ledger.SigningCertificates;
import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The readiness states of the signing certificates, on a fixed clock. */
class CertificateReadinessTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static SigningCertificate ending(String identity, Duration fromNow, boolean required) {
        Instant end = NOW.plus(fromNow);
        return new SigningCertificate(identity, "LandMSP", end.minus(Duration.ofDays(365)), end, required);
    }

    private static Report report(SigningCertificate... certificates) {
        SigningCertificates port = new SigningCertificates() {
            @Override
            public List<SigningCertificate> current() {
                return List.of(certificates);
            }

            @Override
            public Renewal renew(SigningCertificate certificate) {
                throw new AssertionError("the readiness check renews nothing");
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new CertificateReadiness(new SigningCertificateRenewal(port, clock), clock).report();
    }

    @Test
    void certificatesFarFromTheirEndAreOkAndTheEarliestIsNamed() {
        Report report = report(ending("portal", Duration.ofDays(200), true), ending("land.clerk", Duration.ofDays(31), false));
        assertEquals(State.OK, report.state());
        assertTrue(report.ready());
        assertEquals("land.clerk", report.earliest().orElseThrow().identity());
        assertEquals(NOW.plus(Duration.ofDays(31)), report.earliest().orElseThrow().notAfter());
    }

    @Test
    void thirtyDaysLeftIsAWarningAndStillReady() {
        assertEquals(State.WARNING, report(ending("portal", Duration.ofDays(30), true)).state());
        assertEquals(State.OK, report(ending("portal", Duration.ofDays(30).plusSeconds(1), true)).state());
        assertTrue(report(ending("portal", Duration.ofDays(30), true)).ready());
        assertTrue(report(ending("portal", Duration.ofSeconds(1), true)).ready(), "not yet expired");
    }

    @Test
    void anExpiredIdentityOfTheConnectionFileMakesThePortalNotReady() {
        Report report = report(ending("portal", Duration.ZERO, true), ending("land.clerk", Duration.ofDays(90), false));
        assertEquals(State.EXPIRED, report.state());
        assertFalse(report.ready());
        assertEquals("portal", report.earliest().orElseThrow().identity());
    }

    @Test
    void anExpiredStaffIdentityIsReportedButThePortalStaysReady() {
        Report report = report(ending("portal", Duration.ofDays(90), true), ending("land.clerk", Duration.ofSeconds(-1), false));
        assertEquals(State.EXPIRED, report.state());
        assertTrue(report.ready());
        assertEquals("land.clerk", report.earliest().orElseThrow().identity());
    }

    @Test
    void noTokenIdentitiesReportNothingAndAreReady() {
        Report report = report();
        assertEquals(Optional.empty(), report.earliest());
        assertTrue(report.ready());
    }
}
