package bt.druk.registry.domain.procurement;

import java.util.List;
import java.util.Optional;

/** The staff's opening public keys, one current key per staff member. */
public interface OpeningKeyRepository {

    Optional<OpeningKey> find(String username);

    /** Registers or replaces the member's key (tenders published before keep the key they named). */
    void save(OpeningKey key);

    /** Every registered key, by user name. */
    List<OpeningKey> all();
}
