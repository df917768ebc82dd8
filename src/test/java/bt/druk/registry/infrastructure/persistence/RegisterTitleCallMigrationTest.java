package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before RegisterTitle took the parcel's dzongkhag: its stored first-registration
 * calls (queued, or committed and carried over later) get the dzongkhag their own record names;
 * calls that have it already, and other functions, are left as they are.
 */
class RegisterTitleCallMigrationTest {

    private static final String URL = "jdbc:h2:mem:register-title-migration;DB_CLOSE_DELAY=-1";

    @Test
    void aThreeArgumentRegisterTitleGetsItsRecordsDzongkhag() throws Exception {
        assertEquals("221", flyway("221").migrate().targetSchemaVersion);
        String hash = "d".repeat(64);
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            version(s, 60, "land-title:PAR1-0001", "{\"data\":{\"parcel\":{\"areaAcres\":\"1.00\",\"dzongkhag\":\"Paro\",\"gewog\":\"Lungnyi\"}}}", hash);
            version(s, 61, "land-title:THI1-0002", "{\"data\":{\"parcel\":{\"dzongkhag\":\"Thimphu\"}}}", hash);
            version(s, 62, "land-title:PAR1-0001", "{\"data\":{\"parcel\":{\"dzongkhag\":\"Paro\"}}}", hash);
            outbox(s, 60, "RegisterTitle", "[\"land-title:PAR1-0001\",\"" + hash + "\",\"PARO\"]");
            outbox(s, 61, "RegisterTitle", "[\"land-title:THI1-0002\",\"" + hash + "\",\"THIMPHU\",\"Thimphu\"]");
            outbox(s, 62, "UpdateTitle", "[\"land-title:PAR1-0001\",\"2\",\"" + hash + "\",\"" + hash + "\"]");
        }
        Flyway latest = flyway(null);
        latest.migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT arguments_json FROM ledger_outbox ORDER BY id")) {
            rs.next();
            assertEquals("[\"land-title:PAR1-0001\",\"" + hash + "\",\"PARO\",\"Paro\"]", rs.getString(1));
            rs.next();
            assertEquals("[\"land-title:THI1-0002\",\"" + hash + "\",\"THIMPHU\",\"Thimphu\"]", rs.getString(1));
            rs.next();
            assertEquals("[\"land-title:PAR1-0001\",\"2\",\"" + hash + "\",\"" + hash + "\"]", rs.getString(1));
        }
        assertEquals(0, latest.info().pending().length, "every migration applied on the upgraded database");
    }

    private static void version(Statement s, long id, String key, String json, String hash) throws Exception {
        s.executeUpdate("INSERT INTO record_version (id, record_key, kind, register_code, version, chain_version, operation,"
                + " chaincode_function, canonical_json, hash, document_hash, imprint, submitted_by, ledger_state, created_at, updated_at)"
                + " VALUES (" + id + ", '" + key + "', 'land-title', 'land', " + (id - 59) + ", " + (id - 59)
                + ", 'FIRST_REGISTRATION', 'RegisterTitle', '" + json + "', '" + hash + "', '" + hash
                + "', 'document', 'land.clerk', 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    private static void outbox(Statement s, long versionId, String function, String arguments) throws Exception {
        s.executeUpdate("INSERT INTO ledger_outbox (id, record_version_id, record_key, version, chaincode_function, arguments_json,"
                + " identity_name, status, attempts, next_attempt_at, created_at, updated_at) VALUES (" + versionId + ", " + versionId
                + ", 'k', 1, '" + function + "', '" + arguments + "', 'land.clerk', 'DUE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)");
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("schema_history");
        return (target == null ? config : config.target(target)).load();
    }
}
