package bt.druk.registry.chaincode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses a write whose proposal timestamp is further than a maximum skew from this chaincode
 * process's own clock.
 * <p>
 * Why: every deadline rule (bid deadline, end of a land notice period) compares with the
 * transaction timestamp, and that timestamp is chosen by the <em>client</em> when it signs the
 * proposal; neither the gateway nor the peer checks it. A client with a back-dated clock could
 * commit a bid after the deadline, one with a post-dated clock could finalise a transfer before the
 * public notice ended. Each endorsing organisation runs this chaincode, so each one compares the
 * proposal's time with its own clock, and the endorsement policy (issuer AND auditor) then needs
 * both to agree the time is honest. The rules keep using the transaction timestamp, identical on
 * every endorser, so what is written stays deterministic; only the refusal depends on the local
 * clock, which is why the allowed skew must comfortably exceed clock drift plus endorsement latency.
 * <p>
 * The limit is {@value #DEFAULT_SECONDS} s unless the chaincode service is started with
 * {@value #ENV} set to a whole number of seconds from 1 to {@value #MAX_SECONDS}; any other value
 * stops the service from starting (a contract that cannot be instantiated is not served).
 */
public final class ClockSkewGuard {
    /** Environment variable of the chaincode service that sets the maximum skew in seconds. */
    public static final String ENV = "DRUK_CHAINCODE_MAX_CLOCK_SKEW_SECONDS";
    public static final long DEFAULT_SECONDS = 30;
    /** Upper bound of the setting: beyond an hour the guard would no longer protect deadlines. */
    public static final long MAX_SECONDS = 3600;

    private final Clock clock;
    private final Duration maxSkew;

    public ClockSkewGuard(Clock clock, Duration maxSkew) {
        if (maxSkew.isNegative() || maxSkew.isZero() || maxSkew.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0) {
            throw new IllegalArgumentException("maximum clock skew must be 1 to " + MAX_SECONDS + " s, got " + maxSkew);
        }
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** The system clock and the limit from {@value #ENV} (default {@value #DEFAULT_SECONDS} s). */
    public static ClockSkewGuard fromEnvironment() {
        return fromSetting(System.getenv(ENV), Clock.systemUTC());
    }

    /** {@code value} null or blank: the default; otherwise whole seconds 1 … {@value #MAX_SECONDS}. */
    static ClockSkewGuard fromSetting(String value, Clock clock) {
        return new ClockSkewGuard(clock, Duration.ofSeconds(Args.secondsSetting(ENV, value, DEFAULT_SECONDS, 1, MAX_SECONDS)));
    }

    public Duration maxSkew() {
        return maxSkew;
    }

    /**
     * {@code [CLOCK_SKEW]} unless |txTime − now| ≤ the maximum skew, where now is this process's clock.
     * The message names the difference, the direction and the limit.
     */
    public void requireCurrent(Instant txTime) {
        Instant now = clock.instant();
        if (txTime == null) {
            throw ErrorCode.CLOCK_SKEW.error("the proposal carries no timestamp; the endorser's clock reads %s",
                    TxInfo.iso(now));
        }
        Duration diff = Duration.between(now, txTime);
        if (diff.abs().compareTo(maxSkew) > 0) {
            throw ErrorCode.CLOCK_SKEW.error(
                    "the proposal timestamp %s is %s s %s the endorser's clock (%s); at most %d s either way is accepted",
                    TxInfo.iso(txTime), seconds(diff.abs()), diff.isNegative() ? "behind" : "ahead of", TxInfo.iso(now),
                    maxSkew.toSeconds());
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
