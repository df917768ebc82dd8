package bt.druk.registry.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A running process's environment as Linux shows it in {@code /proc/<pid>/environ}: which network a
 * Fabric process belongs to, when several networks run side by side, shows there and not always on
 * its command line.
 */
final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    /** The variables the process started with; empty when it is gone or not ours to read. */
    static Map<String, String> of(String pid) {
        Map<String, String> variables = new HashMap<>();
        try {
            for (String setting : new String(Files.readAllBytes(Path.of("/proc", pid, "environ")), StandardCharsets.UTF_8).split("\0")) {
                int equals = setting.indexOf('=');
                if (equals > 0) {
                    variables.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
            }
        } catch (IOException gone) {
            return Map.of();
        }
        return variables;
    }
}
