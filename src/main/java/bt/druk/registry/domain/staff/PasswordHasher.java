package bt.druk.registry.domain.staff;

/** Port: one-way password hashing (PBKDF2 in production). Implementations must be slow on purpose. */
public interface PasswordHasher {

    /** A self-describing hash (algorithm, iterations, salt, hash) of the password. */
    String hash(char[] password);

    boolean verify(char[] password, String storedHash);
}
