package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A tender as citizens and bidders see it, with "verify on ledger" for the tender record
 * ({@code &check=ledger}, a GET of its own). Request-scoped on a stateless view: no session.
 */
@Named
@RequestScoped
public class PublicTenderBean {

    @Inject
    ProcurementQueries queries;

    @Inject
    LedgerChecks ledgerChecks;

    @Inject
    Messages messages;

    private String ocid;
    private TenderView view;
    private String check;
    private LedgerVerification result;

    public TenderView getView() {
        if (view == null && ocid != null) {
            view = queries.tender(ocid).orElse(null);
        }
        return view;
    }

    public boolean isFound() {
        return getView() != null;
    }

    /** Suppliers may seal and lodge bids now (a sealed tender, on the ledger, deadline ahead). */
    public boolean isAcceptingBids() {
        return isFound() && view.tender().isSealed() && view.published() && view.tender().status() == TenderStatus.ACTIVE_TENDERING
                && !view.deadlinePassed();
    }

    /** The deadline has passed and the bids are not all opened yet: the key holders' turn. */
    public boolean isOpening() {
        return isFound() && view.tender().isSealed() && view.deadlinePassed() && !view.openingComplete()
                && (view.tender().status() == TenderStatus.ACTIVE_TENDERING || view.tender().status() == TenderStatus.EVALUATION);
    }

    /** View action: with {@code check=ledger}, the record compared with the ledger (cached a few seconds, rate-limited). */
    public void load() {
        if ("ledger".equals(check) && isFound()) {
            result = ledgerChecks.checkOrTell(view.recordKey(), messages);
        }
    }

    public VersionCheck checkOf(int version) {
        return result == null ? null : result.checkOf(version);
    }

    public String getOcid() { return ocid; }
    public void setOcid(String ocid) { this.ocid = ocid; }
    public String getCheck() { return check; }
    public void setCheck(String check) { this.check = check; }
    public LedgerVerification getVerification() { return result; }
}
