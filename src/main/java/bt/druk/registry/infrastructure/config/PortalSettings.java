package bt.druk.registry.infrastructure.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Settings read from system properties first, then environment variables ({@code druk.db.url} ↔
 * {@code DRUK_DB_URL}). Read directly rather than through MicroProfile Config because the data
 * source is created by the server before the application's config is in place.
 */
public final class PortalSettings {

    private PortalSettings() {
    }

    /** Value of the system property, else of the matching environment variable ({@link #environmentName}). */
    public static Optional<String> get(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * The environment variable of a setting: dots and hyphens become underscores, all upper case
     * ({@code druk.ledger.max-wait-seconds} ↔ {@code DRUK_LEDGER_MAX_WAIT_SECONDS}; a hyphen kept
     * would name a variable no shell can set).
     */
    public static String environmentName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /** A whole-number setting, {@code fallback} when unset; a value that is not one stops the portal with its name. */
    public static int integer(String property, int fallback) {
        String value = get(property).orElse(Integer.toString(fallback));
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(property + " is not a whole number: " + value, e);
        }
    }

    /** Folder for the embedded database and other local data: druk.data.dir / DRUK_DATA_DIR. */
    public static Path dataDir() {
        return get("druk.data.dir").map(Paths::get)
                .orElse(Paths.get(System.getProperty("user.home"), ".druk-registry", "data"));
    }

    /** Base folder of the checkout for relative paths: druk.home / DRUK_HOME, default the working directory. */
    public static Path home() {
        return get("druk.home").map(Paths::get).orElse(Paths.get("").toAbsolutePath());
    }

    /** The Fabric connection file: druk.fabric.config / DRUK_FABRIC_CONFIG, default deploy/.network/connection.json under home. */
    public static Path fabricConfig() {
        return get("druk.fabric.config").map(Paths::get)
                .map(p -> p.isAbsolute() ? p : home().resolve(p))
                .orElse(home().resolve("deploy/.network/connection.json"));
    }
}
