package bt.druk.registry.domain.staff;

/** Port: passwords known to be common or breached (a bundled list in production). */
public interface PasswordBlocklist {

    /** Whether the password, already in lower case, is on the list. */
    boolean contains(String lowerCasePassword);
}
