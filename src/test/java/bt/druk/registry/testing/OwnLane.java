package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test with a network of its own (IsolatedNetwork) whose work is mostly its own CPU, browsers
 * above all: it runs with the {@link OwnNetwork} tests, in a lane of its own ({@link #LANE}), beside
 * them, the {@link OwnHosts} test and the {@link RunsAlone} tests, which leave about a third of the
 * CPU idle while they wait for their faults. In the shared network's execution it took that CPU
 * from every other class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnNetwork.TAG)
@ResourceLock(OwnLane.LANE)
public @interface OwnLane {
    /** Held by such a test while it runs. */
    String LANE = "a lane of its own";
}
