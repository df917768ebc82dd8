package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.procurement.EnvelopeSweepPolicy;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * The procurement settings ({@link Setting#OCDS_PREFIX}, {@link Setting#PROCUREMENT_MIN_BID_PERIOD},
 * {@link Setting#PROCUREMENT_BIDBOX_IDENTITY}) and the sealed-bid envelope sweep's
 * ({@link Setting#ENVELOPES_GRACE_MINUTES}, {@link Setting#ENVELOPES_SWEEP_MINUTES}).
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
