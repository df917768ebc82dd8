package bt.druk.registry.domain.staff;

import java.util.List;
import java.util.Optional;

/** Port: where staff accounts are kept. */
public interface StaffAccountRepository {

    Optional<StaffAccount> findByUsername(String username);

    /** Inserts a new account or updates the mutable fields of an existing one (same user name). */
    void save(StaffAccount account);

    long count();

    List<StaffAccount> all();
}
