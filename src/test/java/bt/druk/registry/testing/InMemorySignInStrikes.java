package bt.druk.registry.testing;

import bt.druk.registry.domain.staff.SignInStrikes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Sign-in strikes in a map (one map shared by several throttles stands for one database). */
public class InMemorySignInStrikes implements SignInStrikes {

    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();

    @Override
    public Optional<Strikes> find(String subject) {
        return Optional.ofNullable(strikes.get(subject));
    }

    @Override
    public void update(String subject, UnaryOperator<Strikes> next) {
        strikes.compute(subject, (key, old) -> next.apply(old));
    }

    @Override
    public void clear(String subject) {
        strikes.remove(subject);
    }

    @Override
    public void forgetStale(Instant countingSince, Instant now) {
        strikes.values().removeIf(s -> s.first().isBefore(countingSince) && (s.lockedUntil() == null || !now.isBefore(s.lockedUntil())));
    }

    public int size() {
        return strikes.size();
    }
}
