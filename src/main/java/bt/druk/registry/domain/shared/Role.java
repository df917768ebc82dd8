package bt.druk.registry.domain.shared;

/** Staff roles; the same words appear as the `role` attribute of the staff member's Fabric certificate. */
public enum Role {
    CLERK("clerk"),
    INSPECTOR("inspector"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** Lower-case word used in certificates and configuration, e.g. {@code clerk}. */
    public String code() {
        return code;
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code.equalsIgnoreCase(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + code);
    }
}
