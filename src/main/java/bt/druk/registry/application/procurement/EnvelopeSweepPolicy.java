package bt.druk.registry.application.procurement;

import java.time.Duration;
import java.util.Objects;

/**
 * When the envelope sweep runs and what it leaves alone.
 *
 * @param grace an envelope stored (or stored again) more recently than this is never removed: its
 *              lodging may still be on its way to the database. Far longer than any lodging takes.
 * @param every how often the whole store is swept; withdrawals are looked at every minute
 */
public record EnvelopeSweepPolicy(Duration grace, Duration every) {

    public static final Duration MINIMUM = Duration.ofMinutes(1);

    public EnvelopeSweepPolicy {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(every, "every");
        if (grace.compareTo(MINIMUM) < 0 || every.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("the envelope sweep's grace and interval are at least a minute: " + grace + ", " + every);
        }
    }
}
