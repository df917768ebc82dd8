package bt.druk.registry.domain.procurement;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The business making a bid, as its trade licence names it. A legal entity, not a person: OCDS
 * publishes bidders after the award, but until the opening the bidder stays inside the sealed bid
 * like the price.
 *
 * @param licenceNumber trade licence number: 1 to 40 letters, digits and {@code . / -}, starting
 *                      with a letter or digit ({@link RegistrationNumber#isWellFormed}, the rule a
 *                      supplier account's number follows too)
 * @param name          the registered name, any script (Dzongkha included), 1 to 200 UTF-16 code
 *                      units, no control characters
 */
public record Bidder(String licenceNumber, String name) {

    public static final int MAX_NAME_LENGTH = 200;
    /** The form of a licence number, shared with supplier accounts ({@link RegistrationNumber}). */
    static final Pattern LICENCE_NUMBER = RegistrationNumber.FORMAT;

    public Bidder {
        Objects.requireNonNull(licenceNumber, "licenceNumber");
        Objects.requireNonNull(name, "name");
        if (!RegistrationNumber.isWellFormed(licenceNumber)) {
            throw new IllegalArgumentException("licence number must be 1 to 40 letters, digits, '.', '/' or '-'");
        }
        if (!isBusinessName(name)) {
            throw new IllegalArgumentException("name must be 1 to 200 characters without control or text-direction characters");
        }
    }

    /** The business name rule of a bidder: not blank, at most {@value #MAX_NAME_LENGTH} characters, one clean line. */
    public static boolean isBusinessName(String name) {
        return BidText.isCleanText(name, MAX_NAME_LENGTH);
    }
}
