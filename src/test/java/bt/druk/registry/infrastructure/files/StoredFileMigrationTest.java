package bt.druk.registry.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V202 applies on top of the previous release's schema (V201) on H2, and its table holds what the store writes. */
class StoredFileMigrationTest {

    private static final String URL = "jdbc:h2:mem:stored-file-migration;DB_CLOSE_DELAY=-1";

    @Test
    void anExistingDatabaseAtV201IsUpgradedAndTheTableRefusesWhatTheStoreNeverWrites() throws Exception {
        assertEquals("201", flyway("201").migrate().targetSchemaVersion);
        assertEquals("202", flyway("202").migrate().targetSchemaVersion);

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO stored_file (sha256, size_bytes, media_type, first_stored_at) VALUES ('"
                    + "a".repeat(64) + "', 42, 'application/pdf', TIMESTAMP '2026-12-01 08:00:00.123456')");
            try (ResultSet rs = s.executeQuery("SELECT size_bytes, media_type FROM stored_file")) {
                rs.next();
                assertEquals(42, rs.getLong(1));
                assertEquals("application/pdf", rs.getString(2));
            }
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO stored_file VALUES ('"
                    + "a".repeat(64) + "', 42, 'application/pdf', CURRENT_TIMESTAMP)"), "one row per content");
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO stored_file VALUES ('abc', 42, 'application/pdf', CURRENT_TIMESTAMP)"));
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO stored_file VALUES ('"
                    + "b".repeat(64) + "', 0, 'application/pdf', CURRENT_TIMESTAMP)"));
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").table("schema_history")
                .target(target).load();
    }
}
