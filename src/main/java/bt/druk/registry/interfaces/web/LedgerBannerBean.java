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
 * While the network serves another ledger than this database's, every page says that its ledger
 * receipts cannot be checked, and staff pages say why and that nothing is sent.
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
        return currentStaff.isSignedIn() && !status().reachable() && !isForeignLedger();
    }

    public boolean isForeignLedger() {
        return ledgerStatus.foreignLedger().isPresent();
    }

    /** The operator's words: which ledger the database belongs to and which one the network serves. */
    public String getForeignLedger() {
        return ledgerStatus.foreignLedger().orElse("");
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
