package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.OutboxEntry;
import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V225 on a database of the previous release: the outbox takes its companions column (every
 * entry before has none), and the portal's secrets table keeps the first secret made of a name
 * however often the portal's insert-if-absent runs.
 */
class ParcelLineageMigrationTest {

    private static final String URL = "jdbc:h2:mem:parcel-lineage-migration;DB_CLOSE_DELAY=-1";

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void theOutboxTakesItsCompanionsAndASecretIsMadeOnce() throws Exception {
        assertEquals("224", Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common",
                "classpath:db/migration/h2").table("schema_history").target("224").load().migrate().targetSchemaVersion);
        Flyway latest = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common",
                "classpath:db/migration/h2").table("schema_history").load();
        latest.migrate();
        assertEquals(0, latest.info().pending().length);

        Set<String> columns = new HashSet<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, "LEDGER_OUTBOX", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        for (Field field : OutboxEntry.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                assertTrue(columns.contains(column.name()), column.name() + " in " + columns);
            }
        }

        // The statement JpaPortalSecrets.Store runs, twice with different secrets: the first stands.
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            for (String secret : new String[] {"aa".repeat(32), "bb".repeat(32)}) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO portal_secret (name, secret_hex, created_at)"
                        + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM portal_secret WHERE name = ?)")) {
                    insert.setString(1, "owners-digest");
                    insert.setString(2, secret);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.setString(4, "owners-digest");
                    insert.executeUpdate();
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT secret_hex FROM portal_secret WHERE name = 'owners-digest'")) {
                assertTrue(rs.next());
                assertEquals("aa".repeat(32), rs.getString(1));
                assertTrue(!rs.next());
            }
        }
    }
}
