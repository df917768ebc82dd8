package bt.druk.registry.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Asks the database itself whether it answers now: for pages that explain a failure they did not see happen. */
@ApplicationScoped
public class DatabaseProbe {

    private static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/druk")
    DataSource dataSource;

    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
