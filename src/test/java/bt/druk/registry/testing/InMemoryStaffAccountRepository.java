package bt.druk.registry.testing;

import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Staff accounts in a map by user name. */
public class InMemoryStaffAccountRepository implements StaffAccountRepository {

    private final Map<String, StaffAccount> byUsername = new TreeMap<>();

    @Override
    public synchronized Optional<StaffAccount> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public synchronized void save(StaffAccount account) {
        byUsername.put(account.username(), account);
    }

    @Override
    public synchronized void recordSignIn(String username, Instant when) {
        // the last sign-in time is not what these tests are about
    }

    @Override
    public synchronized long count() {
        return byUsername.size();
    }

    @Override
    public synchronized List<StaffAccount> all() {
        return new ArrayList<>(byUsername.values());
    }
}
