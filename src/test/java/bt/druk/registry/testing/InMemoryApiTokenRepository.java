package bt.druk.registry.testing;

import bt.druk.registry.domain.staff.ApiToken;
import bt.druk.registry.domain.staff.ApiTokenRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API tokens in a map by id; counts the uses it was told of. */
public class InMemoryApiTokenRepository implements ApiTokenRepository {

    private final Map<String, ApiToken> byId = new LinkedHashMap<>();
    private int usesNoted;

    @Override
    public synchronized void save(ApiToken token) {
        byId.put(token.id(), token);
    }

    @Override
    public synchronized Optional<ApiToken> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<ApiToken> findByHash(String tokenHash) {
        return byId.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized List<ApiToken> ofOwner(String owner) {
        List<ApiToken> mine = new ArrayList<>(byId.values().stream().filter(t -> t.owner().equals(owner)).toList());
        mine.sort(Comparator.comparing(ApiToken::createdAt).reversed());
        return mine;
    }

    @Override
    public synchronized void recordUse(String id, Instant when) {
        byId.computeIfPresent(id, (k, t) -> t.usedAt(when));
        usesNoted++;
    }

    /** How many times a use was written down. */
    public synchronized int usesNoted() {
        return usesNoted;
    }

    public synchronized List<ApiToken> all() {
        return List.copyOf(byId.values());
    }
}
