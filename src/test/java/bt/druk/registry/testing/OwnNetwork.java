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
}
