package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.PublicText;
import bt.druk.registry.domain.shared.ValidationException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A business's registration number: its Construction Development Board (CDB) number or its trade
 * licence number. It names a legal entity, never a person, and becomes public with the bid at the
 * opening, so a number that holds a run of 11 digits (the form of a citizen's CID) is refused: a
 * sole trader who typed their CID instead would otherwise put it on the ledger for good.
 *
 * <p>The form is the one a sealed bid names its bidder by ({@link Bidder#licenceNumber()}): 1 to 40
 * letters, digits and {@code . / -}, starting with a letter or digit.
 *
 * @param value the number as registered, in upper case
 */
public record RegistrationNumber(String value) {

    public static final int MAX_LENGTH = 40;
    public static final String FORMAT_CODE = "supplier.registrationNumber.format";
    public static final String FORMAT_MESSAGE = "The registration number (CDB or trade licence number) must be 1 to 40"
            + " letters, digits, '.', '/' or '-', starting with a letter or digit.";
    public static final String PERSONAL_CODE = "supplier.registrationNumber.personal";
    public static final String PERSONAL_MESSAGE = "This looks like a citizen ID (11 digits). Enter the business's CDB or"
            + " trade licence number: it is published with the bid at the opening.";

    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0," + (MAX_LENGTH - 1) + "}");

    public RegistrationNumber {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(FORMAT_MESSAGE);
        }
        if (isPersonal(value)) {
            throw new IllegalArgumentException(PERSONAL_MESSAGE);
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    /** The number as typed: surrounding spaces dropped, upper-cased, then checked. */
    public static RegistrationNumber parse(String typed) {
        return new RegistrationNumber(typed == null ? "" : typed.strip());
    }

    /** The shape every licence or registration number has here, a bidder's included. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** Holds an 11-digit run, the form of a citizen's CID (the rule {@link PublicText} applies to public text). */
    public static boolean isPersonal(String value) {
        return PublicText.identifiesSomeone(value);
    }

    /** Adds the refusal of a typed number (stripped first) to {@code errors} under {@code field}; true if none. */
    public static boolean check(ValidationException.Collector errors, String field, String typed) {
        String value = typed == null ? "" : typed.strip();
        if (!isWellFormed(value)) {
            errors.add(field, FORMAT_CODE, FORMAT_MESSAGE);
            return false;
        }
        if (isPersonal(value)) {
            errors.add(field, PERSONAL_CODE, PERSONAL_MESSAGE);
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
