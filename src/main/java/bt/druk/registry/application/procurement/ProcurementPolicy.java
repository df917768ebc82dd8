package bt.druk.registry.application.procurement;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The procurement office's settings.
 *
 * @param ocidPrefix       the OCDS prefix registered for the publisher, e.g. {@code ocds-drk001}
 * @param minimumBidPeriod shortest time between publishing (or amending the deadline) and the bid deadline
 * @param bidBoxIdentity   the ledger identity that lodges and withdraws the sealed bids suppliers send from their pages
 * @param zone             the time zone deadlines are entered and shown in (Bhutan time)
 */
public record ProcurementPolicy(String ocidPrefix, Duration minimumBidPeriod, String bidBoxIdentity, ZoneId zone) {

    public static final ZoneId BHUTAN = ZoneId.of("Asia/Thimphu");

    public ProcurementPolicy {
        Objects.requireNonNull(ocidPrefix, "ocidPrefix");
        Objects.requireNonNull(minimumBidPeriod, "minimumBidPeriod");
        Objects.requireNonNull(bidBoxIdentity, "bidBoxIdentity");
        Objects.requireNonNull(zone, "zone");
        if (!ocidPrefix.matches("ocds-[a-z0-9]{6}")) {
            throw new IllegalArgumentException("an OCID prefix is 'ocds-' and six lower-case letters or digits: " + ocidPrefix);
        }
        if (minimumBidPeriod.isNegative()) {
            throw new IllegalArgumentException("negative minimum bid period");
        }
    }
}
