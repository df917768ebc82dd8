package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.procurement.EnvelopeSweepPolicy;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.format.DateTimeParseException;

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
        String period = PortalSettings.get("druk.procurement.minBidPeriod").orElse("P7D");
        Duration minimum;
        try {
            minimum = Duration.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("druk.procurement.minBidPeriod is not an ISO-8601 duration: " + period, e);
        }
        return new ProcurementPolicy(PortalSettings.get("druk.ocds.prefix").orElse("ocds-drk001"), minimum,
                PortalSettings.get("druk.procurement.bidboxIdentity").orElse("procurement.bidbox"), ProcurementPolicy.BHUTAN);
    }

    @Produces
    public EnvelopeSweepPolicy envelopeSweepPolicy() {
        return new EnvelopeSweepPolicy(Duration.ofMinutes(PortalSettings.integer("druk.envelopes.graceMinutes", 60)),
                Duration.ofMinutes(PortalSettings.integer("druk.envelopes.sweepMinutes", 60)));
    }
}
