package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.ocds.ReleaseTimeline.Entry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline's and the bulk stamp's SQL run on a database migrated as the portal migrates it (H2):
 * which versions a page holds, in what order, how a page ends, and which index serves it.
 */
class JpaReleaseTimelineTest {

    private static final String URL = "jdbc:h2:mem:release-timeline;DB_CLOSE_DELAY=-1";
    private static final Instant T = Instant.parse("2026-03-02T03:00:00.123456Z");

    Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("schema_history").load().migrate();
        db = DriverManager.getConnection(URL, "sa", "");
        version(100, "tender:A", 1, "COMMITTED", "tx-1", 1);
        version(150, "bid:A:1", 1, "COMMITTED", "tx-2", 2);
        version(200, "land-title:TH-1", 1, "COMMITTED", "tx-3", 2);
        version(250, "tender:C", 1, "COMMITTED", "tx-4", 3);
        version(300, "tender:B", 1, "COMMITTED", "tx-5", 3);
        version(350, "bid:A:2", 1, "COMMITTED", "tx-6", 3);
        version(400, "tender:A", 2, "PENDING", null, 4);
        version(450, "tender:B", 2, "COMMITTED", null, 4); // committed on an earlier ledger, no receipt here
        version(500, "tender:C", 2, "REJECTED", null, 5);
        version(550, "tender:A", 3, "COMMITTED", "tx-7", 6);
    }

    @AfterEach
    void drop() throws SQLException {
        try (var s = db.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        db.close();
    }

    @Test
    void pagesGoOldestFirstOverCommittedTenderAndBidVersionsAndNeverSplitAnInstant() {
        assertEquals(List.of("tender:A v1 @1", "bid:A:1 v1 @2"), page(true, null, 2));
        assertEquals(List.of("tender:C v1 @3", "tender:B v1 @3", "bid:A:2 v1 @3"), page(true, at(2), 2),
                "the page of two is completed with the rest of its last instant");
        assertEquals(List.of("tender:A v3 @6"), page(true, at(3), 2), "pending, receiptless and rejected versions publish nothing");
        assertEquals(List.of(), page(true, at(6), 2));
    }

    @Test
    void pagesGoNewestFirstBackwards() {
        assertEquals(List.of("tender:A v3 @6", "bid:A:2 v1 @3", "tender:C v1 @3", "tender:B v1 @3"), page(false, null, 2));
        assertEquals(List.of("bid:A:1 v1 @2", "tender:A v1 @1"), page(false, at(3), 5));
    }

    @Test
    void eachKindsPageIsAnOrderedRangeOfTheKindTimeIndex() throws SQLException {
        try (PreparedStatement s = db.prepareStatement("EXPLAIN " + JpaReleaseTimeline.pageSql(true, true, 100).replace("?1", "?"))) {
            s.setObject(1, LocalDateTime.of(2026, 1, 1, 0, 0));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                assertTrue(plan.contains("IX_RECORD_VERSION_KIND_TIME: KIND = 'tender'"), plan);
                assertTrue(plan.contains("IX_RECORD_VERSION_KIND_TIME: KIND = 'bid'"), plan);
            }
        }
    }

    @Test
    void theStampOfTheKindsCountsTheirVersionsOnlyAndMovesWithACommit() throws SQLException {
        Object[] before = stamp();
        assertEquals(9L, ((Number) before[0]).longValue(), "every tender and bid version, and no land title");
        assertEquals(7L, ((Number) before[2]).longValue());
        try (var s = db.createStatement()) {
            s.executeUpdate("UPDATE record_version SET ledger_state = 'COMMITTED', tx_id = 'tx-8' WHERE id = 400");
        }
        Object[] after = stamp();
        assertEquals(8L, ((Number) after[2]).longValue());
        assertNotEquals(List.of(before), List.of(after));
        assertEquals(T.plusSeconds(6), InstantConverter.fromColumn(after[5]));
    }

    private List<String> page(boolean forward, Instant from, int limit) {
        List<String> page = new ArrayList<>();
        for (Entry e : JpaReleaseTimeline.page(this::rows, forward, from, limit)) {
            page.add(e.recordKey() + " v" + e.version() + " @" + (e.recordedAt().getEpochSecond() - T.getEpochSecond()));
        }
        return page;
    }

    private Object[] stamp() throws SQLException {
        try (PreparedStatement s = db.prepareStatement(JpaRecordStamps.STAMP + " WHERE kind IN (?, ?)")) {
            s.setString(1, "tender");
            s.setString(2, "bid");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Object[] row = new Object[6];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }

    /** What EclipseLink does with a native query's {@code ?1}: the same value wherever it stands. */
    private List<Object[]> rows(String sql, LocalDateTime parameter) {
        Matcher numbered = Pattern.compile("\\?1").matcher(sql);
        int uses = 0;
        while (numbered.find()) {
            uses++;
        }
        try (PreparedStatement s = db.prepareStatement(sql.replace("?1", "?"))) {
            for (int i = 1; i <= uses; i++) {
                s.setObject(i, parameter);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Instant at(int second) {
        return T.plusSeconds(second);
    }

    private void version(long id, String key, int version, String state, String txId, int second) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO record_version (id, record_key, kind, register_code, version,"
                + " chain_version, operation, chaincode_function, canonical_json, hash, document_hash, imprint, submitted_by,"
                + " ledger_state, tx_id, created_at, updated_at) VALUES (?, ?, ?, 'procurement', ?, ?, 'OP', 'Fn', '{}', ?, ?,"
                + " 'document', 'clerk', ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, key);
            s.setString(3, key.substring(0, key.indexOf(':')));
            s.setInt(4, version);
            s.setObject(5, state.equals("REJECTED") ? null : version);
            s.setString(6, Long.toHexString(id).repeat(64).substring(0, 64));
            s.setString(7, Long.toHexString(id).repeat(64).substring(0, 64));
            s.setString(8, state);
            s.setString(9, txId);
            s.setObject(10, LocalDateTime.ofInstant(at(second), ZoneOffset.UTC));
            s.setObject(11, LocalDateTime.ofInstant(at(second), ZoneOffset.UTC));
            s.executeUpdate();
        }
    }
}
