package bt.druk.registry.testing;

import bt.druk.registry.domain.procurement.RegistrationNumber;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.procurement.SupplierRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Supplier accounts in a map, with the table's two unique keys. */
public class InMemorySupplierRepository implements SupplierRepository {

    private final Map<String, Credentials> byUsername = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Supplier> findByUsername(String username) {
        return credentials(username).map(Credentials::supplier);
    }

    @Override
    public synchronized Optional<Supplier> findByRegistrationNumber(RegistrationNumber number) {
        return byUsername.values().stream().map(Credentials::supplier)
                .filter(s -> s.registrationNumber().equals(number)).findFirst();
    }

    @Override
    public synchronized Optional<Credentials> credentials(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public synchronized void add(Supplier supplier, String passwordHash) {
        if (byUsername.containsKey(supplier.username()) || findByRegistrationNumber(supplier.registrationNumber()).isPresent()) {
            throw new DuplicateException("taken: " + supplier.username() + ", " + supplier.registrationNumber(), null);
        }
        byUsername.put(supplier.username(), new Credentials(supplier, passwordHash));
    }

    @Override
    public synchronized long count() {
        return byUsername.size();
    }

    /** Replaces a stored supplier (to disable one in a test). */
    public synchronized void replace(Supplier supplier) {
        Credentials old = byUsername.get(supplier.username());
        byUsername.put(supplier.username(), new Credentials(supplier, old.passwordHash()));
    }
}
