package bt.druk.registry.application.land;

import java.time.Duration;

/**
 * How long a lodged transfer waits for objections before it can be finalised (setting
 * {@code druk.land.noticePeriodSeconds}, 30 days by default). The ledger holds transfers to its own
 * notice period ({@code SetNoticePeriod}), so the two are set alike.
 */
public record LandTransferPolicy(Duration noticePeriod) {

    public LandTransferPolicy {
        if (noticePeriod.isNegative()) {
            throw new IllegalArgumentException("a notice period is not negative: " + noticePeriod);
        }
    }
}
