package bt.druk.registry.domain.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Port: failed sign-ins counted per subject (a user name at one client, or one client), kept where
 * every portal instance on the database sees them, so a guesser gains nothing by being sent to
 * another instance.
 */
public interface SignInStrikes {

    /** Failures since {@code first}; {@code lockedUntil} is null while the subject is not locked. */
    record Strikes(int count, Instant first, Instant lockedUntil) {
    }

    Optional<Strikes> find(String subject);

    /**
     * Replaces the subject's strikes by {@code next} applied to them (to null when there are none),
     * atomically with respect to every other caller, also in other portal instances.
     */
    void update(String subject, UnaryOperator<Strikes> next);

    void clear(String subject);

    /** Forgets subjects that are neither counting nor locked any more at {@code now}. */
    void forgetStale(Instant countingSince, Instant now);
}
