package bt.druk.registry.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifyAnswersTest {

    private static final String SHA = "a".repeat(64);

    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    private final VerifyAnswers answers = new VerifyAnswers(ended::get, nanos::get, 1000);

    private VerifyAnswers.Answer read(int status) {
        return answers.of(SHA, () -> new VerifyAnswers.Answer(status, "{\"read\":" + reads.incrementAndGet() + "}"));
    }

    @Test
    void aFoundAnswerIsReadOnceASecondUntilOneOfThisPortalsWritesEnds() {
        assertEquals("{\"read\":1}", read(200).json());
        nanos.addAndGet(999_000_000L);
        assertEquals("{\"read\":1}", read(200).json(), "kept within the second");
        nanos.addAndGet(1_000_000L);
        assertEquals("{\"read\":2}", read(200).json(), "read again once a second old");
        ended.incrementAndGet();
        assertEquals("{\"read\":3}", read(200).json(), "read again at once after a write of this portal ended");
        assertEquals("{\"read\":3}", read(200).json());
        assertEquals(3, reads.get());
    }

    @Test
    void anAnswerReadWhileAWriteEndedIsNotKept() {
        answers.of(SHA, () -> {
            ended.incrementAndGet(); // a commit of this portal ends while the index is read
            return new VerifyAnswers.Answer(200, "{\"read\":" + reads.incrementAndGet() + "}");
        });
        assertEquals("{\"read\":2}", read(200).json(), "what was read may predate that commit");
    }

    @Test
    void notFoundIsNeverKeptForAHashMayBeRegisteredTheNextMoment() {
        assertEquals(404, read(404).status());
        assertEquals("{\"read\":2}", read(200).json());
        assertEquals("{\"read\":2}", read(200).json());
    }

    @Test
    void zeroKeepsNothing() {
        VerifyAnswers none = new VerifyAnswers(ended::get, nanos::get, 0);
        none.of(SHA, () -> new VerifyAnswers.Answer(200, "{}"));
        none.of(SHA, () -> new VerifyAnswers.Answer(200, "{" + reads.incrementAndGet() + "}"));
        assertEquals(1, reads.get());
        assertThrows(IllegalArgumentException.class, () -> new VerifyAnswers(ended::get, nanos::get, -1));
    }
}
