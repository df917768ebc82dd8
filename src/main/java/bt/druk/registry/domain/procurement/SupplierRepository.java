package bt.druk.registry.domain.procurement;

import java.util.Optional;

/** Port: where supplier accounts are kept (the portal's database: the contact is personal data). */
public interface SupplierRepository {

    /** A supplier and the hash of its password, for sign-in. */
    record Credentials(Supplier supplier, String passwordHash) {
    }

    /** Refused because another account took the registration number or the user name meanwhile. */
    class DuplicateException extends RuntimeException {
        public DuplicateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** By the normalised (lower-case) user name. */
    Optional<Supplier> findByUsername(String username);

    Optional<Supplier> findByRegistrationNumber(RegistrationNumber number);

    Optional<Credentials> credentials(String username);

    /**
     * Adds a new account.
     *
     * @throws DuplicateException when the registration number or the user name is already taken
     *                            (also by an account added at the same moment)
     */
    void add(Supplier supplier, String passwordHash);

    long count();
}
