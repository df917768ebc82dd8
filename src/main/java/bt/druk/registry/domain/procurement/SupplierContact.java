package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whom the procuring agency calls about a supplier's bids. Personal data: kept in the portal's
 * database only, never in a record document, an OCDS release or on the ledger.
 *
 * @param person the contact person's name, one line of 1 to 200 characters
 * @param email  an e-mail address, at most 254 characters
 * @param phone  a telephone number: digits, spaces, {@code + ( ) -}, 6 to 15 digits in all
 */
public record SupplierContact(String person, String email, String phone) {

    public static final int MAX_PERSON_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_PHONE_LENGTH = 24;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,23}");

    public SupplierContact {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        ValidationException.Collector errors = new ValidationException.Collector();
        check(errors, "", person, email, phone);
        if (errors.hasErrors()) {
            throw new IllegalArgumentException("invalid supplier contact");
        }
    }

    /**
     * Adds the refusal of each typed part to {@code errors}, under {@code prefix + "contactPerson"},
     * {@code "email"} and {@code "phone"}; the parts are checked as given (the caller strips them).
     */
    public static void check(ValidationException.Collector errors, String prefix, String person, String email,
                             String phone) {
        if (person == null || person.isBlank() || person.length() > MAX_PERSON_LENGTH) {
            errors.add(prefix + "contactPerson", "supplier.contactPerson.format",
                    "Enter the contact person's name (at most 200 characters).");
        } else {
            PlainText.checkLine(errors, prefix + "contactPerson", person);
        }
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.add(prefix + "email", "supplier.email.format", "Enter an e-mail address such as name@example.bt.");
        }
        if (phone == null || phone.length() > MAX_PHONE_LENGTH || !PHONE.matcher(phone).matches()
                || digits(phone) < 6 || digits(phone) > 15) {
            errors.add(prefix + "phone", "supplier.phone.format",
                    "Enter a telephone number of 6 to 15 digits (spaces, '+', '(', ')' and '-' allowed).");
        }
    }

    private static long digits(String phone) {
        return phone.chars().filter(Character::isDigit).count();
    }
}
