package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.application.record.SubmissionAck;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a clerk is told when a save fails below the domain: the database lost before, or during, the commit. */
class SubmissionsTest {

    /** Keeps the keys of the messages the page would show. */
    private static final class Shown extends Messages {
        final List<String> keys = new ArrayList<>();

        @Override
        public void error(String clientId, String key, Object... args) {
            keys.add(key);
        }
    }

    private static String failing(RuntimeException failure, Shown shown) {
        return Submissions.run(shown, "register", () -> {
            throw failure;
        }, (SubmissionAck ack) -> "saved");
    }

    @Test
    void aCommitThatFailedIsUnconfirmedNotNothingSaved() {
        Shown shown = new Shown();
        assertNull(failing(new TransactionalException("exception during commit", new SystemException()), shown), "stays on the form");
        assertEquals(List.of("submit.unconfirmed"), shown.keys);
    }

    @Test
    void aStatementThatCouldNotReachTheDatabaseSavedNothing() {
        Shown shown = new Shown();
        assertNull(failing(new PersistenceException(new SQLException("refused", "08001")), shown));
        assertEquals(List.of("submit.databaseDown"), shown.keys);
    }

    @Test
    void anythingElseGoesToTheErrorPage() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> failing(bug, new Shown())));
    }
}
