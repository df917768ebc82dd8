package bt.druk.registry.application.record;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ledger trouble is visible: readiness, the outage staff pages show, and what is logged when. */
class LedgerStatusTest {

    private final PortalHarness h = new PortalHarness();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger healthLog = Logger.getLogger(LedgerHealth.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        healthLog.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        healthLog.removeHandler(capture);
    }

    private void register(String pin) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-1", "Punakha", "Guma",
                new BigDecimal("0.5"), LandType.WETLAND, List.of(new OwnerInput("Tshering Dema", "10901002233", "1"))));
    }

    private long warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).count();
    }

    @Test
    void readyWhenTheLedgerAnswersAndNothingWaitsTooLong() {
        LedgerStatusService.Readiness readiness = h.ledgerStatus.readiness(Duration.ofSeconds(120));
        assertTrue(readiness.ready(), readiness.reason());
        assertEquals(0, readiness.status().backlog().waiting());
    }

    @Test
    void notReadyWhileTheLedgerIsDownAndReadyAgainOnceBack() {
        h.ledger.setDown(true);
        LedgerStatusService.Readiness down = h.ledgerStatus.readiness(Duration.ofSeconds(120));
        assertFalse(down.ready());
        assertTrue(down.reason().startsWith("ledger unreachable"), down.reason());
        assertTrue(h.ledgerStatus.status().outage().isPresent());

        h.ledger.setDown(false);
        assertTrue(h.ledgerStatus.readiness(Duration.ofSeconds(120)).ready());
        assertTrue(h.ledgerStatus.status().reachable());
    }

    @Test
    void notReadyWhenAVersionHasWaitedLongerThanTheLimit() {
        h.ledger.setDown(true);
        register("RS-1");
        h.submitter.submitDue();
        h.ledger.setDown(false);
        h.clock.advance(Duration.ofSeconds(200));
        // The ledger answers again, but the version has not been sent yet: still waiting too long.
        LedgerStatusService.Readiness readiness = h.ledgerStatus.readiness(Duration.ofSeconds(120));
        assertFalse(readiness.ready());
        assertEquals(1, readiness.status().backlog().waiting());
        assertTrue(readiness.reason().contains("waiting"), readiness.reason());

        h.submitter.submitDue();
        assertTrue(h.ledgerStatus.readiness(Duration.ofSeconds(120)).ready());
    }

    @Test
    void anOutageShowsSinceWhenHowManyWaitAndTheLastErrorInPlainWords() {
        h.ledger.setDown(true);
        register("RS-2");
        register("RS-3");
        h.submitter.submitDue();
        LedgerStatusService.LedgerStatus status = h.ledgerStatus.status();
        assertFalse(status.reachable());
        assertEquals(2, status.backlog().waiting());
        assertEquals(h.clock.instant(), status.outage().orElseThrow().since());
        assertEquals("the ledger's peer refuses connections (is the Fabric network running?)",
                status.outage().orElseThrow().lastError());
    }

    @Test
    void logsTheFirstFailureThenOneReminderEveryFewMinutesThenTheRecoveryOnce() {
        h.ledger.setDown(true);
        register("RS-4");
        for (int i = 0; i < 30; i++) {
            h.clock.advance(Duration.ofSeconds(10));
            h.submitter.submitDue();
        }
        // 300 s of failures (attempts back off up to 60 s apart): the first one, and one reminder after 3 min.
        assertEquals(2, warnings());

        h.ledger.setDown(false);
        h.clock.advance(Duration.ofSeconds(60));
        h.submitter.submitDue();
        h.submitter.submitDue();
        List<String> recoveries = logged.stream().filter(r -> r.getLevel() == Level.INFO)
                .map(LogRecord::getMessage).filter(m -> m.contains("reachable again")).toList();
        assertEquals(1, recoveries.size(), recoveries.toString());
        assertEquals(2, warnings());
    }

    @Test
    void aWarningCarriesTheWholeCauseChain() {
        IllegalStateException root = new IllegalStateException("zip file closed");
        h.health.failed("following blocks", "block events stopped", new RuntimeException("wrapper", root));
        LogRecord warning = logged.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
        assertEquals(root, warning.getThrown().getCause());
    }
}
