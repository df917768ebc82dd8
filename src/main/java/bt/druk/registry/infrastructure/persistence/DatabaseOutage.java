package bt.druk.registry.infrastructure.persistence;

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

    /** A unique key or other constraint refused the statement (SQLSTATE class 23): a real conflict of data. */
    public static boolean isIntegrityViolation(Throwable thrown) {
        return anySqlState(thrown, state -> state.startsWith("23"));
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    /** Whether a JDBC exception in the cause chain has a SQLSTATE that {@code matches}. */
    private static boolean anySqlState(Throwable thrown, Predicate<String> matches) {
        Throwable e = thrown;
        for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
            if (e instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
