package bt.druk.registry.domain.staff;

import bt.druk.registry.domain.shared.ValidationException;
import java.util.Locale;
import java.util.Objects;

/**
 * What a staff password chosen by its owner must be, after NIST SP 800-63B section 5.1.1.2: at
 * least {@value #MIN_LENGTH} characters (counted as code points, so a Dzongkha pass phrase counts
 * its letters), at most {@value #MAX_LENGTH}, any characters, no composition rules ("one digit, one
 * capital") and no expiry; refused when it is on the list of common and breached passwords (also
 * with digits or symbols added at its start or end, the commonest way to stretch a listed word to
 * the length), one character repeated, a run such as {@code 123456789012}, or the user name or
 * something containing it.
 *
 * <p>Each refusal is a {@link ValidationException} on the given field with its own message code
 * ({@code error.staff.password.*} in the pages' messages).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** A listed word this short inside a longer password is not a reason to refuse it. */
    private static final int MIN_LISTED_CORE = 4;

    private final PasswordBlocklist blocklist;

    public PasswordPolicy(PasswordBlocklist blocklist) {
        this.blocklist = Objects.requireNonNull(blocklist, "blocklist");
    }

    /** @throws ValidationException on {@code field} when the password is not acceptable for this user name */
    public void check(String field, String username, char[] password) {
        String text = password == null ? "" : new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw ValidationException.of(field, "staff.password.short",
                    "The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw ValidationException.of(field, "staff.password.long",
                    "The password must have at most " + MAX_LENGTH + " characters.");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String name = StaffAccount.normaliseUsername(username);
        if (!name.isEmpty() && lower.contains(name)) {
            throw ValidationException.of(field, "staff.password.username",
                    "The password must not contain the user name.");
        }
        if (lower.codePoints().distinct().count() == 1) {
            throw ValidationException.of(field, "staff.password.repeated",
                    "The password must not be one character repeated.");
        }
        if (sequence(lower)) {
            throw ValidationException.of(field, "staff.password.sequence",
                    "The password must not be a run of characters such as 123456789012 or abcdefghijkl.");
        }
        if (listed(lower)) {
            throw ValidationException.of(field, "staff.password.common",
                    "This password is on a list of common or breached passwords; choose another.");
        }
    }

    /** Each character one after (or one before) the last, digits going round from 9 to 0. */
    private static boolean sequence(String lower) {
        int[] points = lower.codePoints().toArray();
        int direction = 0;
        for (int i = 1; i < points.length; i++) {
            int step = step(points[i - 1], points[i]);
            if (step == 0 || (direction != 0 && step != direction)) {
                return false;
            }
            direction = step;
        }
        return true;
    }

    private static int step(int from, int to) {
        if (to == from + 1 || (from == '9' && to == '0')) {
            return 1;
        }
        if (to == from - 1 || (from == '0' && to == '9')) {
            return -1;
        }
        return 0;
    }

    private boolean listed(String lower) {
        if (blocklist.contains(lower)) {
            return true;
        }
        String core = lower.replaceFirst("^[0-9\\p{Punct}\\s]+", "").replaceFirst("[0-9\\p{Punct}\\s]+$", "");
        return core.length() >= MIN_LISTED_CORE && !core.equals(lower) && blocklist.contains(core);
    }
}
