package bt.druk.registry.infrastructure.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database of the previous release (schema V222) takes V223: the token table with every column of
 * {@link ApiTokenRow}, a unique hash, an owner that is a staff account and an expiry after creation.
 */
class ApiTokenMigrationTest {

    private static final String URL = "jdbc:h2:mem:api-token-migration;DB_CLOSE_DELAY=-1";
    private static final String INSERT = "INSERT INTO staff_api_token (id, owner, name, token_hash, credential_stamp,"
            + " created_at, expires_at) VALUES ";

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void thePreviousReleasesDatabaseTakesTheTokenTableWithEveryColumnOfTheRow() throws Exception {
        assertEquals("222", flyway("222").migrate().targetSchemaVersion);
        Flyway latest = flyway(null);
        latest.migrate();
        assertEquals(0, latest.info().pending().length);
        Set<String> columns = new HashSet<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, "STAFF_API_TOKEN", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        int mapped = 0;
        for (Field field : ApiTokenRow.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                assertTrue(columns.contains(column.name()), column.name() + " in " + columns);
                mapped++;
            }
        }
        assertEquals(9, mapped);
        assertEquals(9, columns.size());
    }

    @Test
    void aTokenHashIsUniqueItsOwnerAStaffAccountAndItExpiresAfterItIsMade() throws Exception {
        flyway(null).migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO staff_account (id, username, display_name, password_hash, role, register_code,"
                    + " office, enabled, created_at, row_version) VALUES (50, 'land.clerk', 'Land clerk', 'h',"
                    + " 'clerk', 'land', 'THIMPHU', TRUE, CURRENT_TIMESTAMP, 0)");
            String later = "TIMESTAMP '2026-12-31 00:00:00'";
            String made = "TIMESTAMP '2026-12-01 00:00:00'";
            s.executeUpdate(INSERT + "('t1', 'land.clerk', 'import', '" + "a".repeat(64) + "', '" + "s".repeat(64)
                    + "', " + made + ", " + later + ")");
            assertThrows(SQLException.class, () -> s.executeUpdate(INSERT + "('t2', 'land.clerk', 'again', '"
                    + "a".repeat(64) + "', '" + "s".repeat(64) + "', " + made + ", " + later + ")"), "same hash");
            assertThrows(SQLException.class, () -> s.executeUpdate(INSERT + "('t3', 'nobody', 'x', '"
                    + "b".repeat(64) + "', '" + "s".repeat(64) + "', " + made + ", " + later + ")"), "no such account");
            assertThrows(SQLException.class, () -> s.executeUpdate(INSERT + "('t4', 'land.clerk', 'x', '"
                    + "c".repeat(64) + "', '" + "s".repeat(64) + "', " + later + ", " + made + ")"), "expires before made");
        }
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").table("schema_history");
        return (target == null ? config : config.target(target)).load();
    }
}
