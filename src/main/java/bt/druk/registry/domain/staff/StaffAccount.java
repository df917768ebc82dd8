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
    private final String displayName;
    private final Role role;
    private final Register register;
    private final String office;
    private String passwordHash;
    private boolean enabled;
    private final Instant createdAt;
    private final Instant lastSignInAt;

    public StaffAccount(String username, String displayName, Role role, Register register, String office,
                        String passwordHash, boolean enabled, Instant createdAt, Instant lastSignInAt) {
        this.username = normaliseUsername(username);
        if (!isUsername(this.username)) {
            throw new IllegalArgumentException("invalid user name: " + username);
        }
        this.displayName = displayName == null || displayName.isBlank() ? this.username : displayName.trim();
        this.role = Objects.requireNonNull(role, "role");
        if (role == Role.CLERK && register == null) {
            throw new IllegalArgumentException("a clerk belongs to a register");
        }
        if (role != Role.CLERK && register != null) {
            throw new IllegalArgumentException("only clerks belong to a register");
        }
        this.register = register;
        this.office = office == null || office.isBlank() ? null : office.trim().toUpperCase(Locale.ROOT);
        if (this.office != null && !OFFICE.matcher(this.office).matches()) {
            throw new IllegalArgumentException("invalid office code: " + office);
        }
        if (role == Role.CLERK && this.office == null) {
            throw new IllegalArgumentException("a clerk works in an office");
        }
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastSignInAt = lastSignInAt;
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
        return new StaffMember(username, role, register, office);
    }

    /**
     * Security groups for the web container: the role code, and for clerks also
     * {@code clerk-<register>} (e.g. {@code clerk-land}) so URL constraints can be per register.
     */
    public java.util.Set<String> groups() {
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        groups.add(role.code());
        if (role == Role.CLERK) {
            groups.add("clerk-" + register.code());
        }
        return groups;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void disable() {
        this.enabled = false;
    }

    public String username() { return username; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public Register register() { return register; }
    public String office() { return office; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public Instant lastSignInAt() { return lastSignInAt; }
}
