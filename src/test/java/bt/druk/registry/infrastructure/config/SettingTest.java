package bt.druk.registry.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void aSettingsEnvironmentVariableIsOneAShellCanSet() {
        assertEquals("DRUK_LEDGER_MAX_WAIT_SECONDS", Setting.LEDGER_MAX_WAIT_SECONDS.environmentName());
        assertEquals("DRUK_PUBLIC_BASE_URL", Setting.PUBLIC_BASE_URL.environmentName());
        assertEquals("DRUK_DB_URL", Setting.DB_URL.environmentName());
        assertEquals("DRUK_LEDGER_BINDTO", Setting.LEDGER_BIND_TO.environmentName());
    }

    @Test
    void noTwoSettingsShareAKeyOrAnEnvironmentVariable() {
        Set<String> names = Arrays.stream(Setting.values()).map(Setting::environmentName).collect(Collectors.toSet());
        assertEquals(Setting.values().length, names.size());
    }

    @Test
    void everyDefaultValueIsAValueOfItsKind() {
        for (Setting setting : Setting.values()) {
            setting.defaultValue().value().filter(value -> !value.isEmpty())
                    .ifPresent(value -> setting.kind().read(setting.key(), value));
        }
    }

    @Test
    void theHyphenatedMaxWaitIsReadAsAWholeNumberOfSeconds() {
        String key = Setting.LEDGER_MAX_WAIT_SECONDS.key();
        assertEquals(120, Setting.LEDGER_MAX_WAIT_SECONDS.wholeNumber(), "the default");
        System.setProperty(key, " 30 ");
        try {
            assertEquals(30, Setting.LEDGER_MAX_WAIT_SECONDS.wholeNumber());
            System.setProperty(key, "half a minute");
            IllegalStateException e = assertThrows(IllegalStateException.class, Setting.LEDGER_MAX_WAIT_SECONDS::wholeNumber);
            assertTrue(e.getMessage().contains(key), e.getMessage());
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void aFlagIsOneOfConfigsWordsAndAnythingElseStopsWithItsName() {
        String key = Setting.DEMO_CONTENT.key();
        assertFalse(Setting.DEMO_CONTENT.flag(), "the default");
        try {
            System.setProperty(key, "ON");
            assertTrue(Setting.DEMO_CONTENT.flag());
            System.setProperty(key, "no");
            assertFalse(Setting.DEMO_CONTENT.flag());
            System.setProperty(key, "maybe");
            assertTrue(assertThrows(IllegalStateException.class, Setting.DEMO_CONTENT::flag).getMessage().contains(key));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void aBlankValueIsUnsetAndADurationIsIso8601() {
        String key = Setting.PROCUREMENT_MIN_BID_PERIOD.key();
        try {
            System.setProperty(key, "  ");
            assertEquals(Duration.ofDays(7), Setting.PROCUREMENT_MIN_BID_PERIOD.duration());
            System.setProperty(key, "PT1M");
            assertEquals(Duration.ofMinutes(1), Setting.PROCUREMENT_MIN_BID_PERIOD.duration());
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void aSettingIsReadOnlyAsItsOwnKind() {
        assertThrows(IllegalStateException.class, Setting.OCDS_PREFIX::wholeNumber);
        assertThrows(IllegalStateException.class, Setting.NODE_NAME::text, "no default value: the reader works it out");
    }
}
