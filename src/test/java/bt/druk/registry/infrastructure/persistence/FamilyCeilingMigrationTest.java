package bt.druk.registry.infrastructure.persistence;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.SubdivideCommand;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.testing.PortalHarness;
import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database of the previous release (schema V225) with titles takes V226 (census households, the
 * holdings table) and V227, which fills the holdings of the live titles from their documents: the
 * family ceiling counts the land registered before the upgrade.
 */
class FamilyCeilingMigrationTest {

    private static final String URL = "jdbc:h2:mem:family-ceiling-migration;DB_CLOSE_DELAY=-1";

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void theLiveTitlesOfThePreviousReleaseHaveTheirHoldingsAndRetiredOnesNone() throws Exception {
        assertEquals("225", flyway("225").migrate().targetSchemaVersion);
        // Titles as the previous release stored them: versions, parties, search rows.
        PortalHarness h = new PortalHarness();
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("OLD-1", "T-1", "Thimphu", "Kawang", new BigDecimal("10"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1/2"),
                        new OwnerInput("Sonam Choden", "10101001235", "1/2"))));
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("OLD-2", "T-2", "Thimphu", "Kawang", new BigDecimal("3"),
                LandType.DRY_LAND, List.of(new OwnerInput("Dorji Wangmo", "11512009871", "1"))));
        h.lineage.subdivide(CLERK, new SubdivideCommand("OLD-2", 1, List.of(
                new SubdivideCommand.Child("OLD-21", null, null, new BigDecimal("1.25"), null, null),
                new SubdivideCommand.Child("OLD-22", null, null, new BigDecimal("1.75"), null, null))));
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            long id = 1;
            for (String pin : List.of("OLD-1", "OLD-2", "OLD-21", "OLD-22")) {
                store(c, id++, h.pipeline.current("land-title:" + pin).orElseThrow(), h.parcels.findByPin(pin).orElseThrow().status().name(),
                        pin);
            }
            storeParties(c, h);
        }

        Flyway upgrade = flyway("227");
        upgrade.migrate();
        assertEquals("227", upgrade.info().current().getVersion().getVersion());

        List<String> holdings = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_key, cid, share, area_acres FROM land_holding ORDER BY record_key, cid")) {
            while (rs.next()) {
                holdings.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
            }
        }
        assertEquals(List.of("land-title:OLD-1 10101001234 1/2 10", "land-title:OLD-1 10101001235 1/2 10",
                "land-title:OLD-21 11512009871 1 1.25", "land-title:OLD-22 11512009871 1 1.75"), holdings,
                "the retired parcel's land is counted in its children only");

        assertColumns("LAND_HOLDING", LandHoldingRow.class);
        assertColumns("CENSUS_HOUSEHOLD", CensusHouseholdRow.class);
    }

    private static void store(Connection c, long id, RecordVersion v, String status, String pin) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2025-11-01T09:00:00Z"));
        try (PreparedStatement version = c.prepareStatement("INSERT INTO record_version (id, record_key, kind, register_code, version,"
                + " chain_version, operation, chaincode_function, canonical_json, hash, document_hash, submitted_by, ledger_state, created_at,"
                + " updated_at) VALUES (?, ?, 'land-title', 'land', ?, ?, ?, 'RegisterTitle', ?, ?, ?, 'land.clerk', 'COMMITTED', ?, ?)");
             PreparedStatement parcel = c.prepareStatement("INSERT INTO land_parcel (record_key, pin, thram_no, dzongkhag, gewog,"
                     + " area_acres, land_type, status, current_version, current_version_id, updated_at)"
                     + " VALUES (?, ?, 'T', 'Thimphu', 'Kawang', 1, 'DRY_LAND', ?, ?, ?, ?)")) {
            version.setLong(1, id);
            version.setString(2, v.recordKey());
            version.setInt(3, v.version());
            version.setInt(4, v.version());
            version.setString(5, v.operation());
            version.setString(6, v.canonicalJson());
            version.setString(7, v.hash());
            version.setString(8, v.hash());
            version.setTimestamp(9, now);
            version.setTimestamp(10, now);
            version.executeUpdate();
            parcel.setString(1, v.recordKey());
            parcel.setString(2, pin);
            parcel.setString(3, status);
            parcel.setInt(4, v.version());
            parcel.setLong(5, id);
            parcel.setTimestamp(6, now);
            parcel.executeUpdate();
        }
    }

    private static void storeParties(Connection c, PortalHarness h) throws SQLException {
        Set<Party> parties = new HashSet<>();
        for (String pin : List.of("OLD-1", "OLD-2", "OLD-21", "OLD-22")) {
            parties.addAll(h.reader.read(h.pipeline.current("land-title:" + pin).orElseThrow().canonicalJson()).parties());
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO record_party (commitment, name, cid, salt, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (Party party : parties) {
                insert.setString(1, party.commitment());
                insert.setString(2, party.name());
                insert.setString(3, party.cid());
                insert.setString(4, party.salt());
                insert.executeUpdate();
            }
        }
    }

    private static void assertColumns(String table, Class<?> entity) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        for (Field field : entity.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                assertTrue(columns.contains(column.name()), table + " has " + column.name() + ": " + columns);
            }
        }
    }

    /** The portal's migrations, SQL and Java, as {@link DatabaseMigrator} runs them. */
    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(DatabaseMigrator.javaMigrations()).table("schema_history");
        return (target == null ? config : config.target(target)).load();
    }
}
