package bt.druk.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A browser test of pages served from files, needing neither the network nor a portal: the build
 * runs these while the {@link OwnNetwork} tests take their networks up and down.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserOnly.TAG)
public @interface BrowserOnly {
    String TAG = "browser-only";
}
