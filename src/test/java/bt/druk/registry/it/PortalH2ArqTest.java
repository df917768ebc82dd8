package bt.druk.registry.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scenarios on the default embedded H2 file database (DRUK_DATA_DIR set by failsafe). */
@ExtendWith(ArquillianExtension.class)
class PortalH2ArqTest extends PortalScenarios {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withFakeLedger(PortalH2ArqTest.class);
    }
}
