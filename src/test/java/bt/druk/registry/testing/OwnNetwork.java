package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test that brings a network of its own up and down, in a directory and on a loopback address of
 * its own (IsolatedNetwork): the build runs these one at a time ({@link #LANE}) beside the
 * {@link RunsAlone} tests, which keep the CPU about half busy while they wait for their faults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnNetwork.TAG)
@ResourceLock(OwnNetwork.LANE)
public @interface OwnNetwork {
    String TAG = "own-network";

    /** Held by every such test while it runs: a network coming up takes both cores for a while. */
    String LANE = "networks of their own";

    /**
     * Held by a test whose network adds interfaces to the host (namespaces' veth pairs and bridge) and
     * by one whose Arquillian Payara Micro picks its address from the host's interfaces, which must
     * not find those. Named to sort after {@link RunsAlone#SHARED_NETWORK}: JUnit takes a class's
     * locks in the order of their names, and a class that waits for the shared network must not hold
     * this one meanwhile (with "the host's …" NotaryBatchIT did, and kept HostsNetworkIT waiting
     * until the tests that run alone were done).
     */
    String HOST_INTERFACES = "what the host's network interfaces are";
}
