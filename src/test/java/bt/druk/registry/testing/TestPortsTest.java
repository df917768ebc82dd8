package bt.druk.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each integration test class starts its portals and proxies on ports of its own, so that a
 * portal left running by one (or classes run side by side) never answers for another: no two
 * classes may default to the same port (two once did).
 */
class TestPortsTest {

    private static final Pattern DEFAULT_PORT = Pattern.compile("getInteger\\(\"(druk\\.[\\w.]*[pP]ort)\",\\s*(\\d+)\\)");

    @Test
    void everyTestPortSettingHasADefaultNoOtherUses() throws IOException {
        Map<Integer, List<String>> byPort = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = DEFAULT_PORT.matcher(Files.readString(source));
                while (m.find()) {
                    byPort.computeIfAbsent(Integer.valueOf(m.group(2)), p -> new ArrayList<>())
                            .add(m.group(1) + " in " + source.getFileName());
                }
            }
        }
        assertTrue(byPort.size() > 15, "the scan found the tests' port settings: " + byPort);
        Map<Integer, List<String>> shared = new TreeMap<>(byPort);
        shared.values().removeIf(users -> users.size() == 1);
        assertEquals(Map.of(), shared, "ports two test settings default to");
    }
}
