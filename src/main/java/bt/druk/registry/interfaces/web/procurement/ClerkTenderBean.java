package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.BidService;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.file.FileUploads;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.model.file.UploadedFile;

/**
 * A procurement clerk's view of one tender: its state, history and bids, and the next steps the
 * rules allow (amend, cancel, open bids, award, complete, declare unsuccessful), plus paper bids
 * lodged and revealed at the counter.
 */
@Named
@ViewScoped
public class ClerkTenderBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClerkTenderBean.class.getName());

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient TenderService tenders;

    @Inject
    transient BidService bids;

    @Inject
    transient FileUploads uploads;

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
    private String commitment;
    private String revealBid;
    private transient UploadedFile sealedFile;
    private transient List<UploadedFile> revealDocuments = new ArrayList<>();

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

    public boolean isCanOpen() {
        return getView() != null && !view.tender().isSealed() && view.tender().status() == TenderStatus.ACTIVE_TENDERING
                && view.deadlinePassed();
    }

    public boolean isSealed() {
        return getView() != null && view.tender().isSealed();
    }

    /** A sealed tender past its deadline with bids still lodged (or none opened yet): every one is opened at once. */
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

    public boolean isCanLodge() {
        return getView() != null && !view.tender().isSealed() && view.published() && view.tender().status() == TenderStatus.ACTIVE_TENDERING
                && !view.deadlinePassed();
    }

    public boolean isCanReveal() {
        return getView() != null && !view.tender().isSealed() && view.deadlinePassed() && (view.tender().status() == TenderStatus.ACTIVE_TENDERING
                || view.tender().status() == TenderStatus.EVALUATION) && !getSealedBids().isEmpty();
    }

    /** Revealed bids whose reveal is on the ledger: the only ones that can be awarded. */
    public List<BidView> getAwardableBids() {
        return getView() == null ? List.of() : view.bids().stream()
                .filter(b -> b.revealed() && b.ledgerState() == LedgerState.COMMITTED).toList();
    }

    /** Committed commit-reveal bids not yet revealed (a sealed bid is opened, never revealed). */
    public List<BidView> getSealedBids() {
        return getView() == null ? List.of() : view.bids().stream()
                .filter(b -> !b.isSealed() && !b.revealed() && b.ledgerState() == LedgerState.COMMITTED).toList();
    }

    public boolean isAnyPending() {
        return getView() != null && (view.ledgerState() == LedgerState.PENDING
                || view.bids().stream().anyMatch(b -> b.ledgerState() == LedgerState.PENDING));
    }

    public String openBids() {
        return submit("actions", (m) -> tenders.openBids(m, ocid, view.version()));
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

    public String lodge() {
        return submit("paperBid", (m) -> bids.lodgeAtCounter(m, ocid, commitment));
    }

    public void addRevealDocument(org.primefaces.event.FileUploadEvent event) {
        if (revealDocuments == null) {
            revealDocuments = new ArrayList<>();
        }
        revealDocuments.add(event.getFile());
    }

    public String reveal() {
        return submit("paperReveal", (m) -> {
            String text = readSealedFile();
            List<StoredFile> stored = new ArrayList<>();
            for (UploadedFile upload : revealDocuments == null ? List.<UploadedFile>of() : revealDocuments) {
                stored.add(store(upload));
            }
            return bids.revealAtCounter(m, revealBid, text, stored);
        });
    }

    private String readSealedFile() {
        if (sealedFile == null || sealedFile.getSize() == 0) {
            throw ValidationException.of("file", "bid.reveal.file", "Choose the sealed-bid file");
        }
        if (sealedFile.getSize() > 256 * 1024) {
            throw ValidationException.of("file", "bid.reveal.fileSize", "A sealed-bid file is small (a few kB); this is not one");
        }
        return new String(sealedFile.getContent(), StandardCharsets.UTF_8);
    }

    private StoredFile store(UploadedFile upload) {
        try {
            return uploads.store(upload, "documents");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "bid document upload failed", e);
            throw ValidationException.of("documents", "bid.reveal.upload", "A document could not be stored; try again");
        }
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
    public String getCommitment() { return commitment; }
    public void setCommitment(String commitment) { this.commitment = commitment; }
    public String getRevealBid() { return revealBid; }
    public void setRevealBid(String revealBid) { this.revealBid = revealBid; }
    public UploadedFile getSealedFile() { return sealedFile; }
    public void setSealedFile(UploadedFile sealedFile) { this.sealedFile = sealedFile; }
    public List<UploadedFile> getRevealDocuments() { return revealDocuments; }
}
