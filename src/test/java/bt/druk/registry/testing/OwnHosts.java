package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test that brings a network of hosts up and down (network namespaces with addresses of their
 * own): it runs with the {@link OwnNetwork} tests, in a lane of its own ({@link #LANE}), beside them
 * and the {@link RunsAlone} tests. Its orderer restarts, WAN and observer steps mostly wait (the
 * machine was 15 % busy in the 279 s it ran last and alone), which the others fill.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnNetwork.TAG)
@ResourceLock(OwnHosts.LANE)
public @interface OwnHosts {

    /** Held by such a test while it runs. */
    String LANE = "networks of hosts";
}
