package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that brings a network of its own up and down, in a directory and on a loopback address of
 * its own (IsolatedNetwork): the build runs these side by side with each other, as far as
 * fabric-alone's parallelism allows, beside the {@link RunsAlone} tests (one at a time), which keep
 * the CPU about half busy while they wait for their faults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnNetwork.TAG)
public @interface OwnNetwork {
    String TAG = "own-network";
}
