package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** "Verify on ledger" as a request of its own: one ledger read per record for a few seconds, a budget per client. */
class LedgerChecksTest {

    final AtomicLong nanos = new AtomicLong(1);
    final AtomicInteger reads = new AtomicInteger();
    final AtomicReference<String> client = new AtomicReference<>("192.0.2.1");
    final LedgerChecks checks = new LedgerChecks(key -> {
        reads.incrementAndGet();
        return new LedgerVerification(key, LedgerVerification.Outcome.VERIFIED, 1, null, List.of(), Instant.EPOCH, "read " + reads.get());
    }, sha -> null, new PublicRateLimiter(3, 1, 100, nanos::get), client::get, nanos::get, 5);

    @Test
    void manyReadersOfOneRecordCostOneLedgerReadUntilTheAnswerIsFiveSecondsOld() {
        Object first = assertInstanceOf(LedgerChecks.Checked.class, checks.check("land-title:A-1")).answer();
        client.set("192.0.2.2");
        var again = assertInstanceOf(LedgerChecks.Checked.class, checks.check("land-title:A-1"));
        assertSame(first, again.answer());
        assertEquals(1, reads.get());

        nanos.addAndGet(5_000_000_000L);
        checks.check("land-title:A-1");
        assertEquals(2, reads.get(), "read afresh once the answer is five seconds old");
        checks.check("land-title:B-2");
        assertEquals(3, reads.get(), "each record has its own answer");
    }

    @Test
    void aClientThatHasSpentItsBudgetIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(LedgerChecks.Checked.class, checks.check("land-title:A-1"));
        }
        var limited = assertInstanceOf(LedgerChecks.Limited.class, checks.check("land-title:A-1"));
        assertEquals(1, limited.retryAfterSeconds());
        client.set("192.0.2.99");
        assertInstanceOf(LedgerChecks.Checked.class, checks.check("land-title:A-1"), "another client has its own budget");
    }

    @Test
    void aFailedReadIsAnOutcomeNotAnException() {
        LedgerChecks failing = new LedgerChecks(key -> {
            throw new IllegalStateException("peer gone");
        }, sha -> null, new PublicRateLimiter(3, 1, 100, nanos::get), client::get, nanos::get, 5);
        assertInstanceOf(LedgerChecks.Failed.class, failing.check("land-title:A-1"));
    }
}
