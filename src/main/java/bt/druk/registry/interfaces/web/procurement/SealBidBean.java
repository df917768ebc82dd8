package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.BidService;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The public "seal my bid" page ({@code /tenders/seal.xhtml?ocid=…}). The bid is sealed by
 * seal-bid.js in the browser, in a plain form that never submits; this bean only ever receives
 * the tender key and the commitment of the lodge form, and lodges the commitment through the
 * portal's bid-box identity. No sign-in.
 */
@Named
@ViewScoped
public class SealBidBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The shape of an OCID in a link; anything else is simply "not found". */
    static final Pattern OCID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/+-]{0,159}");
    static final String FORM = "lodge";

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient BidService bids;

    @Inject
    transient Clock clock;

    @Inject
    Messages messages;

    private String ocid;
    private transient TenderView tender;
    /** Posted by the lodge form, filled in by seal-bid.js. */
    private String tenderKey;
    private String commitment;

    public void load() {
        tender = null;
        if (ocid != null && OCID.matcher(ocid.trim()).matches()) {
            tender = queries.tender(ocid.trim()).orElse(null);
        }
    }

    /** Polled while the tender waits for the ledger: reloads the page once bids can be lodged. */
    public void refresh() throws IOException {
        load();
        if (tender != null && tender.published()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/tenders/seal.xhtml?ocid=" + URLEncoder.encode(tender.tender().ocid(), StandardCharsets.UTF_8));
        }
    }

    /** Lodges the commitment; on success the bid's page, which follows it onto the ledger. */
    public String lodge() {
        TenderView shown = getTender();
        if (shown == null) {
            messages.error(null, "seal.tenderGone");
            return null;
        }
        if (tenderKey == null || !tenderKey.equals(shown.recordKey())) {
            // The page and the sealed bid name different tenders: only a tampered form gets here.
            messages.error(null, "seal.otherTender");
            return null;
        }
        try {
            SubmissionAck ack = bids.lodgeOnline(shown.tender().ocid(), commitment);
            return "/tenders/bid?faces-redirect=true&key=" + URLEncoder.encode(ack.recordKey(), StandardCharsets.UTF_8)
                    + "&lodged=true";
        } catch (ValidationException e) {
            messages.show(e, FORM);
            // A refusal of the tender itself (deadline passed, not yet on the ledger) changes the page.
            load();
            return null;
        }
    }

    public boolean isFound() {
        return getTender() != null;
    }

    /** Bids are accepted now: published on the ledger, open for bids, before the deadline. */
    public boolean isOpen() {
        TenderView t = getTender();
        return t != null && t.takesBidsAt(clock.instant());
    }

    /** Open for bids by its status and deadline, but version 1 is still on its way to the ledger (not refused). */
    public boolean isAwaitingLedger() {
        TenderView t = getTender();
        return t != null && !t.published() && t.tender().acceptsBidsAt(clock.instant())
                && t.versions().stream().noneMatch(v -> v.version() == 1 && v.ledgerState() == LedgerState.REJECTED);
    }

    public boolean isClosed() {
        return isFound() && !isOpen() && !isAwaitingLedger();
    }

    public TenderView getTender() {
        if (tender == null && ocid != null && OCID.matcher(ocid.trim()).matches()) {
            tender = queries.tender(ocid.trim()).orElse(null);
        }
        return tender;
    }

    public Tender getTerms() {
        TenderView t = getTender();
        return t == null ? null : t.tender();
    }

    public String getOcid() { return ocid; }
    public void setOcid(String ocid) { this.ocid = ocid; }
    public String getTenderKey() { return tenderKey; }
    public void setTenderKey(String tenderKey) { this.tenderKey = tenderKey; }
    public String getCommitment() { return commitment; }
    public void setCommitment(String commitment) { this.commitment = commitment; }
}
