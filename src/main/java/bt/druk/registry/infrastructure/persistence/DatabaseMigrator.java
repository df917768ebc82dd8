package bt.druk.registry.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema migrations (Flyway): {@code db/migration/common} holds those that
 * are the same SQL for H2 and PostgreSQL, {@code db/migration/h2} or {@code db/migration/postgresql}
 * the few whose SQL differs (V1: long text columns). Runs once at startup, before anything
 * touches the persistence unit. A new migration always takes the next number after the highest
 * one in the repository, whichever layer or register it belongs to: Flyway applies only versions
 * above a database's current one, so a lower number would never reach an existing database. The
 * few migrations SQL cannot write (V227 reads titles' documents) are Java, listed in {@link #javaMigrations()}.
 */
@ApplicationScoped
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    /** The Java migrations, numbered in the same sequence as the SQL ones (a test migrates with them too). */
    public static JavaMigration[] javaMigrations() {
        return new JavaMigration[] {new LandHoldingBackfill()};
    }

    @Resource(lookup = "java:app/jdbc/druk")
    DataSource dataSource;

    public MigrateResult migrate() {
        String product = databaseProduct();
        String folder = isPostgres(product) ? "postgresql" : "h2";
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + folder)
                .javaMigrations(javaMigrations())
                .table("schema_history")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "database " + product + ": " + result.migrationsExecuted + " migration(s) applied, schema at version "
                + result.targetSchemaVersion);
        return result;
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (isPostgres(product)) {
                warnIfCommitsAreDeferred(connection);
            }
            return product;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    private static boolean isPostgres(String databaseProduct) {
        return databaseProduct.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /**
     * A saved record is acknowledged after its commit returns; with fsync or synchronous_commit off
     * the server answers before the commit is on disk, and a server crash loses acknowledged records.
     */
    private static void warnIfCommitsAreDeferred(Connection connection) throws SQLException {
        for (String setting : new String[] {"fsync", "synchronous_commit"}) {
            try (Statement statement = connection.createStatement();
                 ResultSet value = statement.executeQuery("SHOW " + setting)) {
                if (value.next() && "off".equalsIgnoreCase(value.getString(1))) {
                    LOG.warning(() -> "database: PostgreSQL has " + setting + "=off: acknowledged records are lost if the server crashes");
                }
            }
        }
    }
}
