package bt.druk.registry.application.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins for one user name
 * within {@link #WINDOW}, that user name is refused for {@link #LOCK} whatever the password.
 * It applies to unknown user names too, so it does not reveal which names exist. Kept in memory:
 * one portal node, and a restart forgets it (the lock is a brake, not an account state).
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Bounds the memory an attacker can make us use by trying many different user names. */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private Clock clock;

    protected SignInThrottle() {
    }

    @Inject
    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this user name is still locked, if it is. */
    public Optional<Duration> lockedFor(String username) {
        Failures f = failures.get(username);
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil()));
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> isStale(f, now));
        }
        failures.compute(username, (name, f) -> {
            if (f == null || isStale(f, now)) {
                return new Failures(1, now, null);
            }
            int count = f.count() + 1;
            return new Failures(count, f.first(), count >= MAX_FAILURES ? now.plus(LOCK) : f.lockedUntil());
        });
    }

    public void succeeded(String username) {
        failures.remove(username);
    }

    private static boolean isStale(Failures f, Instant now) {
        boolean windowOver = !now.isBefore(f.first().plus(WINDOW));
        boolean unlocked = f.lockedUntil() == null || !now.isBefore(f.lockedUntil());
        return windowOver && unlocked;
    }
}
