package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that brings a network of its own up and down: the build runs these before the shared
 * network starts, side by side with each other and with the {@link BrowserOnly} tests. Those on
 * the shared network's state directory and ports (deploy/.network) hold {@link #DEFAULT_DIRECTORY}
 * and so run one at a time; the others take a directory and loopback address of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnNetwork.TAG)
public @interface OwnNetwork {
    String TAG = "own-network";

    /** The lock of the tests whose network is the default one, deploy/.network on 127.0.0.1. */
    String DEFAULT_DIRECTORY = "network:deploy/.network";
}
