package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.PublicText;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.StaffAccount;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A business that may bid: known to the portal by an account, one bid per tender. What becomes
 * public at a tender's opening is the {@link #asBidder() bidder}: the registration number and the
 * business name. The contact stays in the portal's database ({@link SupplierContact}).
 *
 * @param id                 stable, random identifier of the account (a UUID), never reused; what
 *                           other records keep to name the supplier
 * @param registrationNumber the business's CDB or trade licence number, unique among suppliers
 * @param businessName       the registered name, any script, the rule of {@link Bidder#isBusinessName}
 *                           and without a CID or e-mail address (it is published)
 * @param contact            whom to call; personal data
 * @param username           sign-in name, unique among suppliers and staff, the rule of
 *                           {@link StaffAccount#isUsername}
 * @param enabled            a disabled supplier cannot sign in
 * @param registeredAt       when the account was made
 */
public record Supplier(String id, RegistrationNumber registrationNumber, String businessName, SupplierContact contact,
                       String username, boolean enabled, Instant registeredAt) {

    /** The security group (and role) of a signed-in supplier; never a staff role. */
    public static final String GROUP = "supplier";

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public Supplier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(businessName, "businessName");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a supplier id is a lower-case UUID: " + id);
        }
        if (!isBusinessName(businessName)) {
            throw new IllegalArgumentException("business name must be one clean line of 1 to 200 characters without a CID or e-mail address");
        }
        if (!StaffAccount.isUsername(username)) {
            throw new IllegalArgumentException("invalid user name: " + username);
        }
    }

    /** The business as a sealed bid names it, and as it is published at the opening. */
    public Bidder asBidder() {
        return new Bidder(registrationNumber.value(), businessName);
    }

    /** A bidder's name that is also fit to publish: no CID-like number or e-mail address in it. */
    public static boolean isBusinessName(String name) {
        return Bidder.isBusinessName(name) && !PublicText.identifiesSomeone(name);
    }

    /**
     * Adds the refusal of a business name, registration number and user name as typed (the caller
     * strips and normalises them first) to {@code errors}, each under its own field.
     */
    public static void check(ValidationException.Collector errors, String businessName, String registrationNumber,
                             String username) {
        if (businessName == null || businessName.isBlank() || businessName.length() > Bidder.MAX_NAME_LENGTH) {
            errors.add("businessName", "supplier.businessName.format", "Enter the business name (at most 200 characters).");
        } else if (!Bidder.isBusinessName(businessName)) {
            errors.add("businessName", PlainText.CODE,
                    PlainText.MESSAGE);
        } else if (PublicText.identifiesSomeone(businessName)) {
            errors.add("businessName", PublicText.CODE, PublicText.MESSAGE);
        }
        RegistrationNumber.check(errors, "registrationNumber", registrationNumber);
        if (!StaffAccount.isUsername(StaffAccount.normaliseUsername(username))) {
            errors.add("username", "supplier.username.format",
                    "The user name must start with a letter and have 2 to 64 lower-case letters, digits, '.', '_' or '-'.");
        }
    }
}
