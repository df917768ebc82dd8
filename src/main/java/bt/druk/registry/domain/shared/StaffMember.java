package bt.druk.registry.domain.shared;

import java.util.Objects;

/**
 * The signed-in staff member on whose behalf an application service acts. The user name is also
 * the name of the staff member's Fabric identity (certificate CN), so the ledger records which
 * clerk submitted each version.
 *
 * @param username staff user name, e.g. {@code land.clerk}
 * @param role     clerk, inspector or admin
 * @param register the clerk's register; {@code null} for inspectors and admins
 * @param office   office code, e.g. {@code THIMPHU}; may be {@code null} for inspectors
 */
public record StaffMember(String username, Role role, Register register, String office) {

    public StaffMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }

    public static StaffMember clerk(String username, Register register, String office) {
        return new StaffMember(username, Role.CLERK, register, office);
    }

    /**
     * How a record's public document and public pages name this staff member: role and register, e.g.
     * {@code land clerk} (the office is recorded next to it), never the user name. The user name stays
     * in the portal's database, on staff pages and in the ledger identity that signs the write.
     */
    public String publicRole() {
        return publicRole(role, register);
    }

    /** {@code <register> <role>} ({@code land clerk}, {@code notary clerk}), or the role alone without a register. */
    public static String publicRole(Role role, Register register) {
        return register == null ? role.code() : register.code() + " " + role.code();
    }

    public boolean isClerkOf(Register wanted) {
        return role == Role.CLERK && register == wanted;
    }

    /** Throws {@link AccessDeniedException} unless this member is a clerk of the given register. */
    public void requireClerkOf(Register wanted) {
        if (!isClerkOf(wanted)) {
            throw new AccessDeniedException(username + " is not a clerk of the " + wanted.code() + " register");
        }
        if (office == null || office.isBlank()) {
            throw new AccessDeniedException(username + " has no office");
        }
    }
}
