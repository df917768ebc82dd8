package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.record.SubmitterPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The ledger submitter's settings: {@link Setting#LEDGER_WINDOW} transactions in flight, a lease of
 * {@link Setting#LEDGER_LEASE_SECONDS} on each claimed outbox entry, and this portal's name on its
 * leases, {@link Setting#NODE_NAME} (by default host name and data folder, so that two portals
 * sharing a PostgreSQL database differ unless both are told the same name).
 */
@ApplicationScoped
public class LedgerSettings {

    @Produces
    public SubmitterPolicy submitterPolicy() {
        return new SubmitterPolicy(Setting.LEDGER_WINDOW.wholeNumber(),
                Duration.ofSeconds(Setting.LEDGER_LEASE_SECONDS.wholeNumber()),
                Setting.NODE_NAME.configured().orElseGet(LedgerSettings::defaultNodeName));
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String name = host + ":" + PortalPaths.dataDir().toAbsolutePath();
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
