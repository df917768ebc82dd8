package bt.druk.registry.application.staff;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Demo mode's users (settings {@code druk.demo.seed}, on by default, and {@code druk.demo.password}).
 *
 * @param enabled        whether an empty database is given the demo staff and supplier users
 * @param sharedPassword one password for all of them, as scripts and tests set it; empty: a random one each
 * @param loginsFolder   where {@code demo-logins.txt} is written ({@code druk.data.dir})
 */
public record DemoSeeding(boolean enabled, Optional<String> sharedPassword, Path loginsFolder) {

    public DemoSeeding {
        Objects.requireNonNull(sharedPassword, "sharedPassword");
        Objects.requireNonNull(loginsFolder, "loginsFolder");
    }
}
