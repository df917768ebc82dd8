package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database of the previous release (schema V201, land titles already stored) is upgraded by
 * the procurement migrations: its versions keep their hash as document hash and get the
 * {@code document} imprint, so land verification is unchanged.
 */
class LedgerImprintMigrationTest {

    private static final String URL = "jdbc:h2:mem:imprint-migration;DB_CLOSE_DELAY=-1";

    @Test
    void landVersionsStoredBeforeTheUpgradeKeepTheirHashAsDocumentHash() throws Exception {
        assertEquals("201", flyway("201").migrate().targetSchemaVersion);
        String hash = "c".repeat(64);
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO record_version (id, record_key, kind, register_code, version, chain_version, operation,"
                    + " chaincode_function, canonical_json, hash, submitted_by, ledger_state, created_at, updated_at) VALUES"
                    + " (50, 'land-title:TH-1', 'land-title', 'land', 1, 1, 'FIRST_REGISTRATION', 'RegisterTitle', '{}', '" + hash
                    + "', 'land.clerk', 'COMMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        Flyway latest = flyway(null);
        latest.migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT document_hash, imprint, hash FROM record_version WHERE id = 50")) {
            rs.next();
            assertEquals(hash, rs.getString(1));
            assertEquals("document", rs.getString(2));
            assertEquals(hash, rs.getString(3));
        }
        assertEquals(0, latest.info().pending().length, "every migration applied on the upgraded database");
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").table("schema_history");
        return (target == null ? config : config.target(target)).load();
    }
}
