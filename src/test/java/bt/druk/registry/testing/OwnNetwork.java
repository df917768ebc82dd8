package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that brings a network of its own up and down on the shared network's ports and state
 * directory: the build runs these before the shared network starts, with the {@link BrowserOnly}
 * tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnNetwork.TAG)
public @interface OwnNetwork {
    String TAG = "own-network";
}
