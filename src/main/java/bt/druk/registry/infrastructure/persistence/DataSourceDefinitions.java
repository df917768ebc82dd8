package bt.druk.registry.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled data source {@code java:app/jdbc/druk}. The class picks H2 or
 * PostgreSQL from the settings itself, so the annotation carries no URL.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/druk",
        className = "bt.druk.registry.infrastructure.persistence.DrukDataSource",
        minPoolSize = 1,
        maxPoolSize = 16,
        transactional = true,
        isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED)
@ApplicationScoped
public class DataSourceDefinitions {
}
