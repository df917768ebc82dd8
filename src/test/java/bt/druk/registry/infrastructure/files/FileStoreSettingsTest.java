package bt.druk.registry.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.infrastructure.config.Setting;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FileStoreSettingsTest {

    @Test
    void theSettingsDefaultsAreTheFileRulesDefaults() {
        assertEquals(FileRules.defaults(), FileStoreSettings.rules(Setting.FILES_MAX_BYTES.defaultValue().value().orElseThrow(),
                Setting.FILES_TYPES.defaultValue().value().orElseThrow()));
    }

    @Test
    void theLimitIsBytesOrBinaryUnitsAndTheKindsACommaList() {
        FileRules rules = FileStoreSettings.rules("50MiB", "pdf, JPG ,png,");
        assertEquals(50L * 1024 * 1024, rules.maxBytes());
        assertEquals(EnumSet.of(FileType.PDF, FileType.JPEG, FileType.PNG), rules.accepted());
        assertEquals(1000, FileStoreSettings.parseSize("1000"));
        assertEquals(512 * 1024, FileStoreSettings.parseSize("512 KiB"));
    }

    @Test
    void aSettingThatCannotBeUnderstoodStopsTheStoreNamingTheSetting() {
        assertTrue(assertThrows(IllegalStateException.class, () -> FileStoreSettings.parseSize("20MB")).getMessage()
                .startsWith("druk.files.maxBytes"));
        assertTrue(assertThrows(IllegalStateException.class, () -> FileStoreSettings.parseSize("0")).getMessage()
                .startsWith("druk.files.maxBytes"));
        assertTrue(assertThrows(IllegalStateException.class, () -> FileStoreSettings.parseTypes("pdf,html")).getMessage()
                .startsWith("druk.files.types: 'html'"));
        assertThrows(IllegalStateException.class, () -> FileStoreSettings.parseTypes(" , "));
    }
}
