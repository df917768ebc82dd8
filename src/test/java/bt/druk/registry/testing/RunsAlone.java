package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test of the shared network that others must not run beside: it kills or restarts a network
 * process, changes the channel's configuration or a JVM-wide setting, or measures under load.
 * The build runs these after every test that shares the network, one at a time (they hold
 * {@link #SHARED_NETWORK}), beside the {@link OwnNetwork} tests, whose networks are their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
@ResourceLock(RunsAlone.SHARED_NETWORK)
public @interface RunsAlone {
    String TAG = "runs-alone";

    /** Held by every such test while it runs. */
    String SHARED_NETWORK = "the shared network";
}
