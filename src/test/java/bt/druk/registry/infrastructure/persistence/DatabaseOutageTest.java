package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.rest.ApiExceptionMapper;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is "try again" (503), never a conflict (409) or an incident (500). */
class DatabaseOutageTest {

    /** As EclipseLink and the pool wrap what the PostgreSQL driver threw when the server was killed. */
    private static RuntimeException wrapped(String sqlState) {
        SQLException driver = new SQLException("from the driver", sqlState);
        return new PessimisticLockException(new PersistenceException("EclipseLink-4002", new RuntimeException(driver)));
    }

    @Test
    void connectionAndShutdownStatesAnywhereInTheChainAreAnOutage() {
        assertTrue(DatabaseOutage.causedBy(wrapped("08001")), "connection refused");
        assertTrue(DatabaseOutage.causedBy(wrapped("08003")), "connection closed");
        assertTrue(DatabaseOutage.causedBy(wrapped("08006")), "connection failure");
        assertTrue(DatabaseOutage.causedBy(wrapped("57P01")), "admin shutdown");
        assertTrue(DatabaseOutage.causedBy(wrapped("57P02")), "crash shutdown");
        assertFalse(DatabaseOutage.causedBy(wrapped("23505")), "a duplicate key is a conflict of data");
        assertFalse(DatabaseOutage.causedBy(wrapped(null)), "no state: unknown");
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("no SQL at all")));
    }

    @Test
    void aCommitThatFailedIsUnconfirmedButAWrongTransactionTypeIsNot() {
        // What Payara threw in the submitter when PostgreSQL was killed during a commit.
        assertTrue(DatabaseOutage.unconfirmedCommit(new TransactionalException(
                "Managed bean with Transactional annotation and TxType of REQUIRED encountered exception during commit",
                new SystemException())));
        assertTrue(DatabaseOutage.unconfirmedCommit(new TransactionalException("during commit", new RollbackException())));
        assertFalse(DatabaseOutage.unconfirmedCommit(new TransactionalException("TxType.MANDATORY without a transaction",
                new InvalidTransactionException())), "a programming error, not a commit");
        assertFalse(DatabaseOutage.unconfirmedCommit(wrapped("08006")), "a statement that failed: nothing was saved");
    }

    @Test
    void onlyConstraintStatesAreAConflict() {
        assertTrue(DatabaseOutage.isIntegrityViolation(wrapped("23505")), "unique violation");
        assertTrue(DatabaseOutage.isIntegrityViolation(wrapped("23503")), "foreign key violation");
        assertFalse(DatabaseOutage.isIntegrityViolation(wrapped("08006")), "a lost connection is no conflict");
        assertFalse(DatabaseOutage.isIntegrityViolation(wrapped(null)));
    }

    @Test
    void theApiAnswersAnOutageWithServiceUnavailableAndRetryAfter() {
        Response answer = new ApiExceptionMapper().toResponse(wrapped("08006"));
        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString(HttpHeaders.RETRY_AFTER));
        String body = (String) answer.getEntity();
        assertTrue(body.contains("database cannot be reached just now; nothing was saved"), body);
        assertFalse(body.contains("incident"), body);

        assertEquals(500, new ApiExceptionMapper().toResponse(wrapped("42P01")).getStatus(), "any other SQL failure is ours");
    }
}
