package bt.druk.registry.application.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.ledger.SigningCertificates;
import bt.druk.registry.domain.ledger.SigningCertificates.Renewal;
import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import bt.druk.registry.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The renewal schedule over a stand-in for the tokens and CAs, on a clock the test moves. */
class SigningCertificateRenewalTest {

    private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(START);
    private final Tokens tokens = new Tokens();
    private final SigningCertificateRenewal renewal = new SigningCertificateRenewal(tokens, clock);
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(SigningCertificateRenewal.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    @Test
    void onlyACertificateWithLessThanAThirdOfItsLifetimeLeftIsRenewed() {
        tokens.put(issued("portal", START.minus(Duration.ofMinutes(11)), true));
        tokens.put(issued("land.clerk", START.minus(Duration.ofMinutes(9)), false));

        assertEquals(List.of("portal"), renewal.check());
        assertEquals(List.of("portal"), tokens.asked);
        assertEquals(START.plus(LIFETIME), tokens.certificates.get("portal").notAfter());
    }

    @Test
    void aRefusalIsLoggedOnceAndAskedAgainOnlyAfterAnHour() {
        tokens.put(issued("land.clerk", START.minus(Duration.ofMinutes(12)), false));
        tokens.answer = c -> new Renewal.Refused("The certificate in the authorization header is a revoked certificate");

        renewal.check();
        clock.advance(Duration.ofMinutes(1));
        renewal.check();
        clock.advance(Duration.ofMinutes(58));
        renewal.check();
        assertEquals(List.of("land.clerk"), tokens.asked, "once in the first hour, not at every check");
        assertEquals(1, warnings.size());

        clock.advance(Duration.ofMinutes(1));
        renewal.check();
        assertEquals(List.of("land.clerk", "land.clerk"), tokens.asked);
        assertEquals(1, warnings.size(), "the same refusal is not logged again");
    }

    @Test
    void aCaThatIsAwayIsAskedAgainAtTheNextCheck() {
        tokens.put(issued("portal", START.minus(Duration.ofMinutes(11)), true));
        tokens.answer = c -> new Renewal.Unreachable("could not ask Fabric CA ca-land: Connection refused");

        renewal.check();
        clock.advance(Duration.ofMinutes(1));
        tokens.answer = tokens::renewNow;
        assertEquals(List.of("portal"), renewal.check());
        assertEquals(List.of("portal", "portal"), tokens.asked);
    }

    @Test
    void aRenewedCertificateIsNotRenewedAgainWhenTheCaDatesItFromItsOwnStart() {
        tokens.put(issued("portal", START.minus(Duration.ofMinutes(11)), true));
        // As Fabric CA does unless asked otherwise: NotBefore is the CA's own, a year back.
        tokens.answer = c -> tokens.renewTo(new SigningCertificate(c.identity(), c.mspId(), START.minus(Duration.ofDays(365)),
                START.plus(LIFETIME), c.required()));

        renewal.check();
        clock.advance(Duration.ofMinutes(1));
        renewal.check();
        clock.advance(Duration.ofMinutes(8));
        renewal.check();
        assertEquals(List.of("portal"), tokens.asked, "counted from the renewal, the new certificate is not due for 10 minutes");

        clock.advance(Duration.ofMinutes(2));
        renewal.check();
        assertEquals(List.of("portal", "portal"), tokens.asked);
    }

    @Test
    void aRefusedStaffIdentityLeavesTheReportButARefusedNeededOneStaysInIt() {
        tokens.put(issued("portal", START.minus(Duration.ofMinutes(12)), true));
        tokens.put(issued("land.clerk", START.minus(Duration.ofMinutes(12)), false));
        tokens.put(issued("land.registrar", START.minus(Duration.ofMinutes(1)), false));
        tokens.answer = c -> new Renewal.Refused("revoked");

        renewal.check();

        assertEquals(List.of("portal", "land.registrar"), renewal.known().stream().map(SigningCertificate::identity).toList());
    }

    @Test
    void anIdentityEnrolledAnewAfterARefusalIsRenewedWhenItsNewCertificateIsDue() {
        tokens.put(issued("land.clerk", START.minus(Duration.ofMinutes(12)), false));
        tokens.answer = c -> new Renewal.Refused("revoked");
        renewal.check();

        clock.advance(Duration.ofMinutes(12));
        tokens.put(issued("land.clerk", START.plus(Duration.ofMinutes(1)), false)); // enrolled again, 4 of 15 minutes left
        tokens.answer = tokens::renewNow;
        renewal.check();

        assertEquals(List.of("land.clerk", "land.clerk"), tokens.asked);
    }

    private static SigningCertificate issued(String identity, Instant at, boolean required) {
        return new SigningCertificate(identity, "LandMSP", at, at.plus(LIFETIME), required);
    }

    /** The tokens and CAs: certificates by identity, and what the CA answers a renewal with. */
    private final class Tokens implements SigningCertificates {
        final Map<String, SigningCertificate> certificates = new LinkedHashMap<>();
        final List<String> asked = new ArrayList<>();
        Function<SigningCertificate, Renewal> answer = this::renewNow;

        void put(SigningCertificate certificate) {
            certificates.put(certificate.identity(), certificate);
        }

        @Override
        public List<SigningCertificate> current() {
            return List.copyOf(certificates.values());
        }

        @Override
        public Renewal renew(SigningCertificate certificate) {
            asked.add(certificate.identity());
            return answer.apply(certificate);
        }

        Renewal renewNow(SigningCertificate c) {
            return renewTo(new SigningCertificate(c.identity(), c.mspId(), clock.instant().minusSeconds(60),
                    clock.instant().plus(LIFETIME), c.required()));
        }

        Renewal renewTo(SigningCertificate renewed) {
            put(renewed);
            return new Renewal.Renewed(renewed.notBefore(), renewed.notAfter());
        }
    }
}
