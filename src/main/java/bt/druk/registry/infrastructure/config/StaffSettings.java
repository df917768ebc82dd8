package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.staff.DemoSeeding;
import bt.druk.registry.application.staff.SecondFactorPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The staff settings: demo mode ({@link Setting#DEMO_SEED}, {@link Setting#DEMO_PASSWORD}, the
 * logins file in {@link PortalPaths#dataDir()}) and whether every account needs a second factor
 * ({@link Setting#STAFF_SECOND_FACTOR_REQUIRED}, by default yes outside demo mode, where the seeded
 * users could not sign in before enrolling one).
 */
@ApplicationScoped
public class StaffSettings {

    @Produces
    public DemoSeeding demoSeeding() {
        return new DemoSeeding(Setting.DEMO_SEED.flag(), Setting.DEMO_PASSWORD.configured(), PortalPaths.dataDir());
    }

    @Produces
    public SecondFactorPolicy secondFactorPolicy() {
        return new SecondFactorPolicy(Setting.STAFF_SECOND_FACTOR_REQUIRED.configuredFlag().orElse(!Setting.DEMO_SEED.flag()));
    }
}
