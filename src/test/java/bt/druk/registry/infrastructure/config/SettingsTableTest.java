package bt.druk.registry.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/settings.md} and {@link Setting} say the same: every setting the portal reads is in
 * the table with the default it has in the code, and every {@code druk.*} row of the table is a
 * setting the portal reads. A default cell starts with the setting's documented default and may go
 * on to explain it ("`20971520` (20 MiB)"). The variables only the scripts and the chaincode read
 * have a table of their own, listed here so that a new one is a decision, not a silent skip.
 */
class SettingsTableTest {

    static final Path TABLE = Path.of("docs", "settings.md");
    static final String OTHERS_HEADING = "## Read by the scripts and the chaincode, not the portal";

    /** The rows of the second table: environment variables of deploy/*.sh and of the chaincode. */
    static final Set<String> SCRIPT_AND_CHAINCODE_VARIABLES = Set.of("DRUK_PORT", "DRUK_RUN_DIR", "DRUK_HTTP_THREADS",
            "DRUK_START_SECONDS", "DRUK_CACHE", "DRUK_SCAN_SECONDS", "DRUK_CHAINCODE_MIN_NOTICE_SECONDS",
            "DRUK_CHAINCODE_MIN_BID_PERIOD_SECONDS", "DRUK_CHAINCODE_MAX_CLOCK_SKEW_SECONDS", "DRUK_CHAINCODE_JAVA_OPTIONS",
            "DRUK_PORTAL_JAVA_OPTIONS");

    /** A table row: its first cell one code span (the name), then the default cell. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|");

    @Test
    void everySettingIsInTheTableWithTheDefaultItHasInTheCode() throws IOException {
        Map<String, String> table = rows(portalTable());
        List<String> wrong = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String cell = table.get(setting.key());
            String documented = setting.defaultValue().documented();
            if (cell == null) {
                wrong.add(setting.key() + " has no row");
            } else if (!cell.startsWith(documented)) {
                wrong.add(setting.key() + ": the table's default is '" + cell + "', the code's '" + documented + "'");
            }
        }
        assertEquals(List.of(), wrong, TABLE.toString());
    }

    @Test
    void everySettingInTheTableIsOneThePortalReads() throws IOException {
        Set<String> keys = Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toSet());
        List<String> unknown = rows(portalTable()).keySet().stream().filter(name -> !keys.contains(name)).toList();
        assertEquals(List.of(), unknown, "rows of " + TABLE + " that no Setting reads");
    }

    @Test
    void theScriptsOwnVariablesAreTheListedOnesAndNoneIsAPortalSetting() throws IOException {
        Set<String> documented = rows(othersTable()).keySet();
        assertEquals(SCRIPT_AND_CHAINCODE_VARIABLES, documented);
        Set<String> portal = Arrays.stream(Setting.values()).map(Setting::environmentName).collect(Collectors.toSet());
        assertEquals(Set.of(), documented.stream().filter(portal::contains).collect(Collectors.toSet()),
                "a variable the portal reads belongs in the first table, under its setting's name");
    }

    /** Name → default cell of each row; a row that names no single setting, or one named twice, fails the test. */
    private static Map<String, String> rows(List<String> lines) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            assertTrue(row.find(), "a row names one setting, then its default: " + line);
            assertTrue(rows.put(row.group(1), row.group(2).strip()) == null, "listed twice: " + row.group(1));
        }
        return rows;
    }

    private static List<String> portalTable() throws IOException {
        List<String> lines = lines();
        return lines.subList(0, lines.indexOf(OTHERS_HEADING));
    }

    private static List<String> othersTable() throws IOException {
        List<String> lines = lines();
        return lines.subList(lines.indexOf(OTHERS_HEADING), lines.size());
    }

    private static List<String> lines() throws IOException {
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        assertTrue(lines.contains(OTHERS_HEADING), TABLE + " has the heading '" + OTHERS_HEADING + "'");
        return lines;
    }
}
