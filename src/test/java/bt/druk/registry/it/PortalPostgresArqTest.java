package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same scenarios on PostgreSQL: failsafe's "postgres" execution sets DRUK_DB_URL for the test
 * JVM and thereby for Payara Micro; {@link ThrowawayPostgres} starts the cluster first.
 */
@ExtendWith({ThrowawayPostgres.class, ArquillianExtension.class})
class PortalPostgresArqTest extends PortalScenarios {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withFakeLedger(PortalPostgresArqTest.class, ThrowawayPostgres.class);
    }

    @Test
    void runsOnPostgres() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.getMetaData().getDatabaseProductName().contains("PostgreSQL"));
        }
    }
}
