package bt.druk.registry.infrastructure.persistence;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Tells a database that cannot be reached (down, restarting, connections cut) from a refusal of
 * the statement itself, by the SQLSTATE classes of the JDBC exceptions somewhere in the cause chain:
 * 08 connection exception (refused, closed, broken) and 57P (PostgreSQL: server shut down or
 * crashed). Such a failure says nothing about the data: the transaction was rolled back and the
 * request can simply be made again, so it is answered "try again", never "someone else saved".
 */
public final class DatabaseOutage {

    private static final int MAX_DEPTH = 16;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable thrown) {
        return anySqlState(thrown, DatabaseOutage::isConnectionState);
    }

    /**
     * The commit itself failed (the database went away in it, or refused it at the end): unlike a
     * failed statement, the outcome may not be known, so the caller must read before saving again.
     */
    public static boolean unconfirmedCommit(Throwable thrown) {
        return anyInChain(thrown, e -> e instanceof TransactionalException && (e.getCause() instanceof SystemException
                || e.getCause() instanceof RollbackException || e.getCause() instanceof HeuristicMixedException
                || e.getCause() instanceof HeuristicRollbackException));
    }

    /** A unique key or other constraint refused the statement (SQLSTATE class 23): a real conflict of data. */
    public static boolean isIntegrityViolation(Throwable thrown) {
        return anySqlState(thrown, state -> state.startsWith("23"));
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    /** Whether a JDBC exception in the cause chain has a SQLSTATE that {@code matches}. */
    private static boolean anySqlState(Throwable thrown, Predicate<String> matches) {
        return anyInChain(thrown, e -> e instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState()));
    }

    /** Whether {@code thrown} or one of its causes (at most {@value #MAX_DEPTH} deep) {@code matches}. */
    private static boolean anyInChain(Throwable thrown, Predicate<Throwable> matches) {
        Throwable e = thrown;
        for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
            if (matches.test(e)) {
                return true;
            }
        }
        return false;
    }
}
