package bt.druk.registry.infrastructure.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.PasswordPolicy;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class FilePasswordBlocklistTest {

    private static final FilePasswordBlocklist LIST = new FilePasswordBlocklist();

    @Test
    void holdsTheThirtyThousandBundledPasswordsWithTheirSourceBesideThem() throws Exception {
        assertEquals(30_000, LIST.size());
        try (InputStream source = FilePasswordBlocklist.class.getResourceAsStream("common-passwords.SOURCE.md")) {
            String text = new String(source.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("MIT License"), "the licence is noted next to the list");
        }
    }

    @Test
    void knowsTheCommonestAndSomeLongOnes() {
        assertTrue(LIST.contains("123456"));
        assertTrue(LIST.contains("password"));
        assertTrue(LIST.contains("1qaz2wsx3edc"));
        assertTrue(LIST.contains("qwertyuiop12"));
        assertFalse(LIST.contains("tashi delek, thimphu"));
    }

    @Test
    void thePolicyOverTheBundledListRefusesTwelveCharacterFavourites() {
        PasswordPolicy policy = new PasswordPolicy(LIST);
        for (String common : new String[] {"1qaz2wsx3edc", "Password1234", "qwertyuiop12", "iloveyou2026!"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> policy.check("password", "land.clerk", common.toCharArray()), common);
            assertEquals("staff.password.common", e.errors().get(0).code(), common);
        }
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "prayer flags over dochula".toCharArray()));
    }
}
