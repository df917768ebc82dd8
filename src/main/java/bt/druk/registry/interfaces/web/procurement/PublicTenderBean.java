package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A tender as citizens and bidders see it, with "verify on ledger" for the tender record. */
@Named
@ViewScoped
public class PublicTenderBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicTenderBean.class.getName());

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient VerificationService verification;

    @Inject
    Messages messages;

    private String ocid;
    private transient TenderView view;
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

    /** Bidders may seal and lodge now (the ledger has the tender and the deadline is ahead). */
    public boolean isAcceptingBids() {
        return isFound() && view.published() && view.tender().status() == TenderStatus.ACTIVE_TENDERING && !view.deadlinePassed();
    }

    /** Sealed bids may be revealed now. */
    public boolean isRevealing() {
        return isFound() && view.deadlinePassed() && (view.tender().status() == TenderStatus.ACTIVE_TENDERING
                || view.tender().status() == TenderStatus.EVALUATION);
    }

    public void verify() {
        try {
            result = verification.verifyOnLedger(getView().recordKey());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ledger verification failed", e);
            messages.error(null, "verify.failed");
        }
    }

    public VersionCheck checkOf(int version) {
        return result == null ? null : result.checkOf(version);
    }

    public String getOcid() { return ocid; }
    public void setOcid(String ocid) { this.ocid = ocid; }
    public LedgerVerification getVerification() { return result; }
}
