package bt.druk.registry.infrastructure.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * A database of the previous release (schema V220, demo staff seeded) takes V221: its accounts keep
 * their passwords and have no second factor and no set-up link; the entity's columns all exist.
 */
class StaffAccountSetupMigrationTest {

    private static final String URL = "jdbc:h2:mem:staff-setup-migration;DB_CLOSE_DELAY=-1";

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void accountsSeededBeforeKeepTheirPasswordAndGetNoFactorNorLink() throws Exception {
        assertEquals("220", flyway("220").migrate().targetSchemaVersion);
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO staff_account (id, username, display_name, password_hash, role, register_code,"
                    + " office, enabled, created_at, row_version) VALUES (50, 'land.clerk', 'Land clerk', 'pbkdf2:old',"
                    + " 'clerk', 'land', 'THIMPHU', TRUE, CURRENT_TIMESTAMP, 0)");
        }
        Flyway latest = flyway(null);
        latest.migrate();
        assertEquals(0, latest.info().pending().length, "every migration applied on the upgraded database");
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash, agency, totp_secret, totp_last_step,"
                     + " recovery_code_hashes, setup_token_hash, setup_purpose, setup_expires_at FROM staff_account")) {
            assertTrue(rs.next());
            assertEquals("pbkdf2:old", rs.getString(1));
            for (int column = 2; column <= 8; column++) {
                assertNull(rs.getObject(column), "column " + column);
            }
        }
    }

    @Test
    void aSetUpLinkHasAPurposeAndAnExpiryAndATokenHashIsUnique() throws Exception {
        flyway(null).migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            String insert = "INSERT INTO staff_account (id, username, display_name, password_hash, role, enabled,"
                    + " created_at, row_version, setup_token_hash, setup_purpose, setup_expires_at) VALUES ";
            s.executeUpdate(insert + "(50, 'a.b', 'A', 'h', 'admin', TRUE, CURRENT_TIMESTAMP, 0, '"
                    + "a".repeat(64) + "', 'account', CURRENT_TIMESTAMP)");
            assertThrows(SQLException.class, () -> s.executeUpdate(insert + "(51, 'c.d', 'C', 'h', 'admin', TRUE,"
                    + " CURRENT_TIMESTAMP, 0, '" + "b".repeat(64) + "', NULL, CURRENT_TIMESTAMP)"), "no purpose");
            assertThrows(SQLException.class, () -> s.executeUpdate(insert + "(52, 'e.f', 'E', 'h', 'admin', TRUE,"
                    + " CURRENT_TIMESTAMP, 0, '" + "b".repeat(64) + "', 'password', CURRENT_TIMESTAMP)"), "unknown purpose");
            assertThrows(SQLException.class, () -> s.executeUpdate(insert + "(53, 'g.h', 'G', 'h', 'admin', TRUE,"
                    + " CURRENT_TIMESTAMP, 0, '" + "a".repeat(64) + "', 'factor', CURRENT_TIMESTAMP)"), "same token hash");
        }
    }

    @Test
    void everyColumnOfTheEntityIsInTheMigratedTable() throws Exception {
        flyway(null).migrate();
        Set<String> columns = new HashSet<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, "STAFF_ACCOUNT", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        int mapped = 0;
        for (Field field : StaffAccountEntity.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                assertTrue(columns.contains(column.name()), column.name() + " in " + columns);
                mapped++;
            }
        }
        assertEquals(17, mapped);
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").table("schema_history");
        return (target == null ? config : config.target(target)).load();
    }
}
