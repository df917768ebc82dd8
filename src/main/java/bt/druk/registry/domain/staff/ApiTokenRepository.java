package bt.druk.registry.domain.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where staff API tokens are kept (their hashes, never their values). */
public interface ApiTokenRepository {

    /** Inserts a new token or updates an existing one's revocation (same id). */
    void save(ApiToken token);

    Optional<ApiToken> findById(String id);

    /** The token whose value has this SHA-256 hex, if any; a database answers it by its unique index. */
    Optional<ApiToken> findByHash(String tokenHash);

    /** Every token of one staff user name, newest first. */
    List<ApiToken> ofOwner(String owner);

    /**
     * Notes a use, in a transaction of its own and without a version check: bookkeeping that must
     * never refuse or slow an API request, and that two requests at once may both write.
     */
    void recordUse(String id, Instant when);
}
