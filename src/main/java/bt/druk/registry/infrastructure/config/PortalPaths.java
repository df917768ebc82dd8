package bt.druk.registry.infrastructure.config;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The folders and files the path settings name, with the defaults worked out from other settings. */
public final class PortalPaths {

    private PortalPaths() {
    }

    /** Folder for the embedded database and other local data: {@link Setting#DATA_DIR}, default {@code ~/.druk-registry/data}. */
    public static Path dataDir() {
        return Setting.DATA_DIR.configuredPath()
                .orElse(Paths.get(System.getProperty("user.home"), ".druk-registry", "data"));
    }

    /** Base folder of the checkout for relative paths: {@link Setting#HOME}, default the working directory. */
    public static Path home() {
        return Setting.HOME.configuredPath().orElse(Paths.get("").toAbsolutePath());
    }

    /** The Fabric connection file: {@link Setting#FABRIC_CONFIG}, a relative path under {@link #home()}. */
    public static Path fabricConfig() {
        return underHome(Setting.FABRIC_CONFIG.path());
    }

    /** A folder setting: its path (a relative one under {@link #home()}), else {@code name} under {@link #dataDir()}. */
    public static Path folder(Setting setting, String name) {
        return setting.configuredPath().map(PortalPaths::underHome).orElse(dataDir().resolve(name));
    }

    private static Path underHome(Path path) {
        return path.isAbsolute() ? path : home().resolve(path);
    }
}
