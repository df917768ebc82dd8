package bt.druk.registry.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.land.LandParcel;
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
 * A database of the previous release (schema V223) with a parcel takes V224: the boundary columns
 * of {@link LandParcel}, null for the titles registered without a boundary, and a long boundary fits.
 */
class LandParcelBoundaryMigrationTest {

    private static final String URL = "jdbc:h2:mem:land-parcel-boundary-migration;DB_CLOSE_DELAY=-1";

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void thePreviousReleasesParcelsTakeTheBoundaryColumnsEmpty() throws Exception {
        assertEquals("223", flyway("223").migrate().targetSchemaVersion);
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO land_parcel (record_key, pin, thram_no, dzongkhag, gewog, area_acres, land_type, status,"
                    + " current_version, current_version_id, updated_at) VALUES ('land-title:OLD-1', 'OLD-1', 'T-1', 'Thimphu',"
                    + " 'Kawang', 1.25, 'DRY_LAND', 'REGISTERED', 1, 1, CURRENT_TIMESTAMP)");
        }
        Flyway latest = flyway(null);
        latest.migrate();
        assertEquals(0, latest.info().pending().length);

        Set<String> columns = new HashSet<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, "LAND_PARCEL", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        for (Field field : LandParcel.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                assertTrue(columns.contains(column.name()), column.name() + " in " + columns);
            }
        }
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT boundary_json, boundary_crs FROM land_parcel WHERE pin = 'OLD-1'")) {
                assertTrue(rs.next());
                assertNull(rs.getString(1));
                assertNull(rs.getString(2));
            }
            String big = "x".repeat(200_000);
            s.executeUpdate("UPDATE land_parcel SET boundary_json = '" + big + "', boundary_crs = 'EPSG:5266'");
            try (ResultSet rs = s.executeQuery("SELECT pin FROM land_parcel WHERE boundary_crs = 'EPSG:5266'")) {
                assertTrue(rs.next());
            }
        }
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").table("schema_history");
        return (target == null ? config : config.target(target)).load();
    }
}
