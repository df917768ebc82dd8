package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.procurement.EnvelopeSweepPolicy;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * The procurement settings: {@code druk.ocds.prefix} (default {@code ocds-drk001}),
 * {@code druk.procurement.minBidPeriod} (ISO-8601 duration, default {@code P7D}) and
 * {@code druk.procurement.bidboxIdentity} (default {@code procurement.bidbox}); and the sealed-bid
 * envelope sweep's {@code druk.envelopes.graceMinutes} and {@code druk.envelopes.sweepMinutes}
 * (default 60 each).
 */
@ApplicationScoped
public class ProcurementSettings {

    /** Dependent: a record cannot be proxied, and reading the settings is cheap. */
    @Produces
    public ProcurementPolicy policy() {
        return new ProcurementPolicy(Setting.OCDS_PREFIX.text(), Setting.PROCUREMENT_MIN_BID_PERIOD.duration(),
                Setting.PROCUREMENT_BIDBOX_IDENTITY.text(), ProcurementPolicy.BHUTAN);
    }

    @Produces
    public EnvelopeSweepPolicy envelopeSweepPolicy() {
        return new EnvelopeSweepPolicy(Duration.ofMinutes(Setting.ENVELOPES_GRACE_MINUTES.wholeNumber()),
                Duration.ofMinutes(Setting.ENVELOPES_SWEEP_MINUTES.wholeNumber()));
    }
}
