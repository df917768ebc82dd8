package bt.druk.registry.it;

import bt.druk.registry.testing.FakeLedger;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

/** Replaces the Fabric adapter inside Arquillian deployments that test services and persistence only. */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class ContainerFakeLedger extends FakeLedger {
}
