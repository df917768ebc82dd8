package bt.druk.registry.domain.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where staff accounts are kept. */
public interface StaffAccountRepository {

    Optional<StaffAccount> findByUsername(String username);

    /**
     * Inserts a new account or updates the mutable fields of an existing one (same user name). The
     * last sign-in time is written only for a new account; after that {@link #recordSignIn} keeps it.
     */
    void save(StaffAccount account);

    /**
     * Notes a successful sign-in, in a transaction of its own and without the optimistic version
     * check: two sign-ins of one account at the same moment (a clerk on two devices) must both
     * succeed, and this bookkeeping must never undo or refuse a sign-in.
     */
    void recordSignIn(String username, Instant when);

    /**
     * The account whose outstanding set-up link has this token hash (SHA-256 hex), if any. The
     * default walks {@link #all()}; a database answers it by its unique index.
     */
    default Optional<StaffAccount> findBySetupTokenHash(String tokenHash) {
        return all().stream()
                .filter(a -> a.setupGrant() != null && a.setupGrant().tokenHash().equals(tokenHash))
                .findFirst();
    }

    long count();

    List<StaffAccount> all();
}
