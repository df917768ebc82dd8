package bt.druk.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.shared.ValidationException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("password", "iloveyou", "qwertyuiopasdf")::contains);

    private String refusal(String username, String password) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> policy.check("password", username, password.toCharArray()), password);
        assertEquals("password", e.errors().get(0).field());
        return e.errors().get(0).code();
    }

    @Test
    void twelveCharactersOfAnyKindAreEnoughWithoutCompositionRules() {
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "correct horse".toCharArray()));
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "allsmallletters".toCharArray()));
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "123498761234".toCharArray()));
    }

    @Test
    void refusesElevenCharactersAndCountsDzongkhaLettersAsCharacters() {
        assertEquals("staff.password.short", refusal("land.clerk", "elevenchars"));
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "ཀཁགངཅཆཇཉཏཐདན".toCharArray()), "12 letters");
        assertEquals("staff.password.short", refusal("land.clerk", "ཀཁགངཅཆཇཉཏཐད"));
    }

    @Test
    void refusesMoreThan128Characters() {
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "ab".repeat(64).toCharArray()));
        assertEquals("staff.password.long", refusal("land.clerk", "ab".repeat(64) + "c"));
    }

    @Test
    void refusesAListedPasswordInAnyCaseAndWithDigitsOrSymbolsAroundIt() {
        assertEquals("staff.password.common", refusal("land.clerk", "QwertyuiopASDF"));
        assertEquals("staff.password.common", refusal("land.clerk", "password1234"));
        assertEquals("staff.password.common", refusal("land.clerk", "2024!iloveyou!!"));
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "mypasswordisgood".toCharArray()),
                "a listed word inside a longer phrase is fine");
    }

    @Test
    void refusesThePasswordThatIsOrContainsTheUserName() {
        assertEquals("staff.password.username", refusal("Land.Clerk", "land.clerk2026"));
        assertEquals("staff.password.username", refusal("land.clerk", "my-LAND.CLERK-pass"));
    }

    @Test
    void refusesOneCharacterRepeated() {
        assertEquals("staff.password.repeated", refusal("land.clerk", "aaaaaaaaaaaaaaa"));
    }

    @Test
    void refusesRunsOfCharactersUpOrDown() {
        assertEquals("staff.password.sequence", refusal("land.clerk", "123456789012"));
        assertEquals("staff.password.sequence", refusal("land.clerk", "abcdefghijklm"));
        assertEquals("staff.password.sequence", refusal("land.clerk", "9876543210987"));
        assertDoesNotThrow(() -> policy.check("password", "land.clerk", "123456789013".toCharArray()));
    }

    @Test
    void refusesNothingAtAll() {
        ValidationException e = assertThrows(ValidationException.class, () -> policy.check("newPassword", "x.y", null));
        assertEquals("newPassword", e.errors().get(0).field());
        assertEquals("staff.password.short", e.errors().get(0).code());
    }
}
