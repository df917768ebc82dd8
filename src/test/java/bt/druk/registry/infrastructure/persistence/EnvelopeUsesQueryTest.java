package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.procurement.EnvelopeUse;
import bt.druk.registry.domain.procurement.EnvelopeUse.Standing;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JpaSealedOpening.Uses}' query on the migrated H2 schema: each lodging of a sealed bid with
 * where its bid stands, refused lodgings included, and nothing of other registers.
 */
class EnvelopeUsesQueryTest {

    private static final String URL = "jdbc:h2:mem:envelope-uses;DB_CLOSE_DELAY=-1";
    static final String E1 = "1".repeat(64);
    static final String E2 = "2".repeat(64);
    static final String E3 = "3".repeat(64);
    static final String E4 = "4".repeat(64);
    static final String E5 = "5".repeat(64);

    @BeforeAll
    static void aDatabaseWithOneBidInEachStanding() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("schema_history").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            bid(s, 1, E1, "COMMITTED", "lodged", null);
            bid(s, 2, E2, "COMMITTED", "withdrawn", "COMMITTED");
            bid(s, 3, E3, "COMMITTED", "withdrawn", "PENDING");
            bid(s, 4, E4, "REJECTED", null, null);
            bid(s, 5, E5, "COMMITTED", "opened", "COMMITTED");
            // Another register's version with the same ledger hash is nobody's envelope.
            version(s, 900, "land-title:TH-1", 1, "RegisterTitle", "document", E1, "COMMITTED");
        }
    }

    static void bid(Statement s, int n, String envelope, String lodging, String status, String later) throws Exception {
        String key = "bid:ocds-drk001-2026-000001:" + n;
        s.executeUpdate("INSERT INTO sealed_bid_supplier (bid_key, tender_key, supplier_id, supplier_name, supplier_salt, lodged_at)"
                + " VALUES ('" + key + "', 'tender:ocds-drk001-2026-000001', 'CDB-" + n + "', 'Supplier', 'salt', CURRENT_TIMESTAMP)");
        long lodge = n * 100L;
        version(s, lodge, key, 1, "LodgeSealedBid", "sealed-envelope", envelope, lodging);
        long current = lodge;
        if (later != null) {
            current = lodge + 1;
            version(s, current, key, 2, "WithdrawBid", "document", "f".repeat(63) + n, later);
        }
        if (status != null) {
            s.executeUpdate("INSERT INTO bid_summary (record_key, tender_key, bid_number, commitment, opened_valid, lodged_at,"
                    + " current_version, current_version_id, updated_at, status) VALUES ('" + key
                    + "', 'tender:ocds-drk001-2026-000001', " + n + ", '" + "c".repeat(64) + "', FALSE, CURRENT_TIMESTAMP, "
                    + (later == null ? 1 : 2) + ", " + current + ", CURRENT_TIMESTAMP, '" + status + "')");
        }
    }

    static void version(Statement s, long id, String key, int version, String function, String imprint, String hash, String state)
            throws Exception {
        s.executeUpdate("INSERT INTO record_version (id, record_key, kind, register_code, version, chain_version, operation,"
                + " chaincode_function, canonical_json, hash, document_hash, imprint, submitted_by, ledger_state, created_at, updated_at)"
                + " VALUES (" + id + ", '" + key + "', 'x', 'x', " + version + ", " + ("REJECTED".equals(state) ? "NULL" : version)
                + ", 'OP', '" + function + "', '{}', '" + hash + "', '" + "d".repeat(64) + "', '" + imprint + "', 'someone', '" + state
                + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    static List<EnvelopeUse> select(String sql, String... parameters) throws Exception {
        List<EnvelopeUse> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, "sealed-envelope");
            for (int i = 0; i < parameters.length; i++) {
                p.setString(i + 2, parameters[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(JpaSealedOpening.Uses.use(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}));
                }
            }
        }
        return out;
    }

    @Test
    void everyLodgingIsListedWithItsStanding() throws Exception {
        Map<String, Standing> standings = new TreeMap<>();
        select(JpaSealedOpening.Uses.SELECT).forEach(u -> standings.put(u.envelopeSha256(), u.standing()));
        assertEquals(Map.of(E1, Standing.LIVE, E2, Standing.WITHDRAWN, E3, Standing.WITHDRAWING, E4, Standing.REFUSED,
                E5, Standing.LIVE), standings);
    }

    @Test
    void theLodgingsOfOneEnvelopeAreFoundByItsHash() throws Exception {
        assertEquals(List.of(new EnvelopeUse("bid:ocds-drk001-2026-000001:2", E2, false, "withdrawn", true)),
                select(JpaSealedOpening.Uses.SELECT + " WHERE v.hash = ?2", E2));
        assertEquals(List.of(new EnvelopeUse("bid:ocds-drk001-2026-000001:4", E4, true, null, false)),
                select(JpaSealedOpening.Uses.SELECT + " WHERE v.hash = ?2", E4));
    }
}
