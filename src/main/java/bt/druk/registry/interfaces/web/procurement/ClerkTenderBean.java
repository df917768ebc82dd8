package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * A procurement clerk's view of one tender: its state, history and bids, and the next steps the
 * rules allow (amend, cancel, open every sealed bid at once, award, complete, declare unsuccessful).
 */
@Named
@ViewScoped
public class ClerkTenderBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient TenderService tenders;

    @Inject
    transient SealedBids sealedBids;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String ocid;
    private String saved;
    private transient TenderView view;
    private String reason;
    private String awardBid;

    public String load() {
        if (getView() == null) {
            return "/not-found";
        }
        return null;
    }

    /** Re-reads the tender (the poll while something waits for the ledger). */
    public void refresh() {
        view = null;
    }

    public TenderView getView() {
        if (view == null && ocid != null) {
            view = queries.tender(ocid).orElse(null);
        }
        return view;
    }

    public boolean isCanAmend() {
        return getView() != null && view.tender().status() == TenderStatus.ACTIVE_TENDERING && !view.deadlinePassed();
    }

    public boolean isSealed() {
        return getView() != null && view.tender().isSealed();
    }

    /** A tender past its deadline with bids still lodged (or none opened yet): every one is opened at once. */
    public boolean isCanOpenSealed() {
        return isSealed() && view.deadlinePassed() && (view.tender().status() == TenderStatus.ACTIVE_TENDERING
                || view.tender().status() == TenderStatus.EVALUATION && sealedBids.hasUnopened(ocid));
    }

    /** Opens every lodged bid from the shares the holders posted on the ledger. */
    public String openSealed() {
        try {
            SealedBids.OpeningReport report = sealedBids.openAll(currentStaff.require(), ocid);
            messages.info(null, "tender.openSealed.done", report.opened().size(), report.waiting().size());
            report.waiting().forEach(w -> messages.raw(null, FacesMessage.SEVERITY_WARN, w));
            view = null;
        } catch (ValidationException e) {
            messages.show(e, "actions");
        } catch (AccessDeniedException e) {
            messages.error(null, "submit.denied");
        }
        return null;
    }

    public boolean isCanCancel() {
        return getView() != null && (view.tender().status() == TenderStatus.ACTIVE_TENDERING
                || view.tender().status() == TenderStatus.EVALUATION);
    }

    public boolean isEvaluating() {
        return getView() != null && view.tender().status() == TenderStatus.EVALUATION;
    }

    public boolean isCanComplete() {
        return getView() != null && view.tender().status() == TenderStatus.AWARDED;
    }

    /** Bids opened as valid whose opening is on the ledger: the only ones that can be awarded. */
    public List<BidView> getAwardableBids() {
        return getView() == null ? List.of() : view.bids().stream()
                .filter(b -> b.valid() && b.ledgerState() == LedgerState.COMMITTED).toList();
    }

    public boolean isAnyPending() {
        return getView() != null && (view.ledgerState() == LedgerState.PENDING
                || view.bids().stream().anyMatch(b -> b.ledgerState() == LedgerState.PENDING));
    }

    public String cancel() {
        return submit("actions", (m) -> tenders.cancel(m, ocid, view.version(), reason));
    }

    public String unsuccessful() {
        return submit("actions", (m) -> tenders.unsuccessful(m, ocid, view.version(), reason));
    }

    public String award() {
        return submit("actions", (m) -> tenders.award(m, ocid, view.version(), awardBid));
    }

    public String complete() {
        return submit("actions", (m) -> tenders.complete(m, ocid, view.version()));
    }

    private String submit(String formId, Function<StaffMember, SubmissionAck> action) {
        if (getView() == null) {
            messages.error(null, "submit.notFound");
            return null;
        }
        SubmissionAck ack = ProcurementSubmissions.run(messages, formId, () -> action.apply(currentStaff.require()));
        return ack == null ? null : ProcurementSubmissions.clerkTenderPage(ack);
    }

    public String getOcid() { return ocid; }
    public void setOcid(String ocid) { this.ocid = ocid; }
    public String getSaved() { return saved; }
    public void setSaved(String saved) { this.saved = saved; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getAwardBid() { return awardBid; }
    public void setAwardBid(String awardBid) { this.awardBid = awardBid; }
}
