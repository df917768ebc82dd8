package bt.druk.registry.it;

import bt.druk.registry.testing.FakeLedger;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Test deployments are the real WAR built by `mvn package`, plus the test's own classes. */
final class Deployments {

    private Deployments() {
    }

    static File builtWar() {
        File war = new File(System.getProperty("druk.build.dir", "target"), "druk-registry.war");
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the package phase first (mvn verify does)");
        }
        return war;
    }

    /** The WAR with the fake ledger in place of Fabric. */
    static WebArchive withFakeLedger(Class<?>... testClasses) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, builtWar())
                .addClasses(FakeLedger.class, ContainerFakeLedger.class, PortalScenarios.class)
                .addClasses(testClasses);
    }
}
