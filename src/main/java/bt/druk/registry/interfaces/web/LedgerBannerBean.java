package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.record.LedgerHealth;
import bt.druk.registry.application.record.LedgerStatusService;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * The banner staff pages show while the ledger is unreachable: since when, how many versions wait,
 * the last error in plain words. Citizens never see it (their pages say per record what is pending).
 */
@Named("ledgerBanner")
@RequestScoped
public class LedgerBannerBean {

    @Inject
    LedgerStatusService ledgerStatus;

    @Inject
    CurrentStaff currentStaff;

    private LedgerStatusService.LedgerStatus status;

    private LedgerStatusService.LedgerStatus status() {
        if (status == null) {
            status = ledgerStatus.status();
        }
        return status;
    }

    public boolean isShown() {
        return currentStaff.isSignedIn() && !status().reachable();
    }

    public Instant getSince() {
        return status().outage().map(LedgerHealth.Outage::since).orElse(null);
    }

    public long getWaiting() {
        return status().backlog().waiting();
    }

    public String getLastError() {
        return status().outage().map(LedgerHealth.Outage::lastError).orElse("");
    }
}
