package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.infrastructure.config.PortalPaths;
import bt.druk.registry.infrastructure.config.Setting;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The portal's data source, chosen by ONE setting: {@code druk.db.url} / {@code DRUK_DB_URL}.
 * Unset → embedded H2 file database in {@code druk.data.dir} (data survives restarts);
 * {@code jdbc:postgresql://…} → PostgreSQL with {@code DRUK_DB_USER} / {@code DRUK_DB_PASSWORD}.
 * The server pools the connections (see {@link DataSourceDefinitions}).
 */
public class DrukDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(DrukDataSource.class.getName());

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** Database URL in effect: the configured one, or the default H2 file URL; H2 always with durable commits. */
    public static String effectiveUrl() {
        String url = Setting.DB_URL.configured().orElseGet(() -> {
            Path dir = PortalPaths.dataDir();
            // H2 wants forward slashes; the file is <dir>/druk.mv.db
            return "jdbc:h2:file:" + dir.toAbsolutePath().toString().replace('\\', '/') + "/druk;DB_CLOSE_ON_EXIT=FALSE";
        });
        return url.startsWith("jdbc:h2:") ? durableH2(url) : url;
    }

    /**
     * H2 (MVStore, 2.2.224) acknowledges a commit before writing it: with the default WRITE_DELAY of
     * 500 ms a commit only marks the transaction committed in memory and a background thread writes
     * the store later, so a killed JVM loses the last commits the clerks were told were saved. With
     * WRITE_DELAY=0 every commit with changes writes its chunk to the file in the committing thread
     * before returning, so it survives the death of the JVM (the OS holds the written pages; power
     * loss needs PostgreSQL, H2 does not fsync each commit). An explicit WRITE_DELAY is kept but warned about.
     */
    static String durableH2(String url) {
        Matcher set = Pattern.compile("(?i);WRITE_DELAY=(\\d+)").matcher(url);
        if (!set.find()) {
            return url + ";WRITE_DELAY=0";
        }
        if (!set.group(1).equals("0")) {
            LOG.warning(() -> "database: H2 with WRITE_DELAY=" + set.group(1)
                    + ": commits acknowledged in the last " + set.group(1) + " ms are lost if the portal dies; use WRITE_DELAY=0");
        }
        return url;
    }

    public static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    private DataSource delegate() throws SQLException {
        DataSource ds = delegate;
        if (ds == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                ds = delegate;
            }
        }
        return ds;
    }

    private static DataSource create() throws SQLException {
        String url = effectiveUrl();
        String user = Setting.DB_USER.configured().orElse(null);
        String password = Setting.DB_PASSWORD.text();
        if (isPostgres(url)) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            // An acknowledged save must be on the server's disk: never let a server or role default of
            // synchronous_commit=off defer it (an explicit synchronous_commit in the URL's options wins).
            String options = pg.getOptions();
            if (options == null || !options.contains("synchronous_commit")) {
                pg.setOptions((options == null ? "" : options + " ") + "-c synchronous_commit=on");
            }
            if (user != null) {
                pg.setUser(user);
                pg.setPassword(password);
            }
            LOG.info(() -> "database: PostgreSQL " + url);
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            try {
                Files.createDirectories(PortalPaths.dataDir());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create data directory " + PortalPaths.dataDir(), e);
            }
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "sa" : user);
            h2.setPassword(password);
            LOG.info(() -> "database: H2 " + url);
            return h2;
        }
        throw new SQLException("unsupported database URL (use jdbc:postgresql: or jdbc:h2:): " + url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // The server may pass the annotation's user; the real credentials come from the settings.
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return LOG;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
