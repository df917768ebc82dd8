package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.infrastructure.config.PortalPaths;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

/**
 * An online backup of the embedded H2 database while the portal serves: H2's {@code BACKUP TO}
 * writes a consistent copy of the store into a zip in {@code <data dir>/backups} (H2's own
 * {@code Restore} tool, or unzipping, gives the database file back). PostgreSQL is backed up from
 * outside with {@code pg_dump} (deploy/backup.sh), not here.
 */
@ApplicationScoped
public class OnlineBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A backup written: its file, its size, and when it began (everything committed before then is in it). */
    public record BackupFile(Path file, long bytes, Instant startedAt) {
    }

    /** Thrown when the database is not the embedded one. */
    public static final class NotEmbedded extends Exception {
        private static final long serialVersionUID = 1L;

        NotEmbedded() {
            super("the portal's database is PostgreSQL: back it up with pg_dump (deploy/backup.sh does)");
        }
    }

    @Resource(lookup = "java:app/jdbc/druk")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /** One backup at a time: H2 writes each to its own file, but two would only compete for the disk. */
    public synchronized BackupFile take() throws NotEmbedded, SQLException, IOException {
        if (DrukDataSource.isPostgres(DrukDataSource.effectiveUrl())) {
            throw new NotEmbedded();
        }
        Instant startedAt = clock.instant();
        Path folder = Files.createDirectories(PortalPaths.dataDir().resolve("backups"));
        Path file = folder.resolve("druk-" + STAMP.format(startedAt) + ".zip").toAbsolutePath();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, file.toString());
            backup.execute();
        }
        return new BackupFile(file, Files.size(file), startedAt);
    }
}
