package bt.druk.registry.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortalSettingsTest {

    @Test
    void aSettingsEnvironmentVariableIsOneAShellCanSet() {
        assertEquals("DRUK_LEDGER_MAX_WAIT_SECONDS", PortalSettings.environmentName("druk.ledger.max-wait-seconds"));
        assertEquals("DRUK_DB_URL", PortalSettings.environmentName("druk.db.url"));
        assertEquals("DRUK_LEDGER_BINDTO", PortalSettings.environmentName("druk.ledger.bindTo"));
    }
}
