package bt.druk.registry.domain.staff;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A staff user account: who may sign in to the portal and as what. The user name is also the name
 * of the staff member's Fabric identity, so the ledger records which clerk submitted.
 * The password is only ever held as a PBKDF2 hash (see {@link PasswordHasher}).
 */
public final class StaffAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final Pattern OFFICE = Pattern.compile("[A-Z][A-Z0-9_-]{1,31}");

    private final String username;
    private Assignment assignment;
    private String passwordHash;
    private boolean enabled;
    private final Instant createdAt;
    private final Instant lastSignInAt;
    private SecondFactor secondFactor;
    private SetupGrant setupGrant;

    /**
     * What an account is for, the part an administrator edits: its display name, role, register
     * (clerks only), agency and office (a clerk's is required). Codes are kept in upper case.
     */
    public record Assignment(String displayName, Role role, Register register, String agency, String office) {

        public Assignment {
            displayName = displayName == null || displayName.isBlank() ? null : displayName.trim();
            Objects.requireNonNull(role, "role");
            if (role == Role.CLERK && register == null) {
                throw new IllegalArgumentException("a clerk belongs to a register");
            }
            if (role != Role.CLERK && register != null) {
                throw new IllegalArgumentException("only clerks belong to a register");
            }
            agency = code(agency, "agency");
            office = code(office, "office");
            if (role == Role.CLERK && office == null) {
                throw new IllegalArgumentException("a clerk works in an office");
            }
        }

        private static String code(String text, String what) {
            String code = text == null || text.isBlank() ? null : text.trim().toUpperCase(Locale.ROOT);
            if (code != null && !OFFICE.matcher(code).matches()) {
                throw new IllegalArgumentException("invalid " + what + " code: " + text);
            }
            return code;
        }
    }

    public StaffAccount(String username, String displayName, Role role, Register register, String office,
                        String passwordHash, boolean enabled, Instant createdAt, Instant lastSignInAt) {
        this(username, new Assignment(displayName, role, register, null, office), passwordHash, enabled, createdAt,
                lastSignInAt, null, null);
    }

    /**
     * @param secondFactor the enrolled TOTP factor, null before enrolment (and after a reset)
     * @param setupGrant   the outstanding set-up link, null when there is none
     */
    public StaffAccount(String username, Assignment assignment, String passwordHash, boolean enabled,
                        Instant createdAt, Instant lastSignInAt, SecondFactor secondFactor, SetupGrant setupGrant) {
        this.username = normaliseUsername(username);
        if (!isUsername(this.username)) {
            throw new IllegalArgumentException("invalid user name: " + username);
        }
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastSignInAt = lastSignInAt;
        this.secondFactor = secondFactor;
        this.setupGrant = setupGrant;
    }

    /**
     * A user name as sign-in takes it (already {@link #normaliseUsername normalised}): a lower-case
     * letter, then 1 to 63 lower-case letters, digits and {@code . _ -}. Supplier accounts follow the
     * same rule, as they sign in on the same page.
     */
    public static boolean isUsername(String normalised) {
        return normalised != null && USERNAME.matcher(normalised).matches();
    }

    public static String normaliseUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** The identity passed to application services. */
    public StaffMember toStaffMember() {
        return new StaffMember(username, role(), register(), office());
    }

    /**
     * Security groups for the web container: the role code, and for clerks also
     * {@code clerk-<register>} (e.g. {@code clerk-land}) so URL constraints can be per register.
     */
    public java.util.Set<String> groups() {
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        groups.add(role().code());
        if (role() == Role.CLERK) {
            groups.add("clerk-" + register().code());
        }
        return groups;
    }

    /**
     * What a sign-in of this account rests on: its password, its groups and whether it has a second
     * factor. A change of any (a new password, another role or register, a factor reset) ends every
     * session signed in before it, as disabling does ({@code StaffAuthenticationMechanism}).
     */
    public CredentialStamp credentialStamp() {
        return CredentialStamp.of(passwordHash + "\n" + String.join(",", groups()) + "\n" + (secondFactor != null));
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    /** Gives the account another role, register, agency or office (and display name). */
    public void reassign(Assignment next) {
        this.assignment = Objects.requireNonNull(next, "next");
    }

    /** Replaces any outstanding set-up link by this one. */
    public void grantSetup(SetupGrant grant) {
        this.setupGrant = Objects.requireNonNull(grant, "grant");
    }

    /** An administrator's reset of a lost factor: the old one stops working at once. */
    public void dropSecondFactor() {
        this.secondFactor = null;
    }

    /** Ends a set-up: the link is used up and the new factor is in place. */
    public void completeSetup(SecondFactor factor) {
        this.secondFactor = Objects.requireNonNull(factor, "factor");
        this.setupGrant = null;
    }

    /** Notes a code accepted or a recovery code used (the factor after it). */
    public void updateSecondFactor(SecondFactor factor) {
        if (this.secondFactor == null) {
            throw new IllegalStateException("no second factor enrolled");
        }
        this.secondFactor = Objects.requireNonNull(factor, "factor");
    }

    public String username() { return username; }
    public String displayName() { return assignment.displayName() == null ? username : assignment.displayName(); }
    public Assignment assignment() { return assignment; }
    public Role role() { return assignment.role(); }
    public Register register() { return assignment.register(); }
    public String agency() { return assignment.agency(); }
    public String office() { return assignment.office(); }
    public SecondFactor secondFactor() { return secondFactor; }
    public SetupGrant setupGrant() { return setupGrant; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public Instant lastSignInAt() { return lastSignInAt; }
}
