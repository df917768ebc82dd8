package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.HolderQueries;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Open my shares" ({@code /clerk/procurement/shares.xhtml?ocid=…}, any staff member): a sealed
 * tender's opening key holders and which have posted (the ledger says), and for the signed-in
 * holder after the deadline the form holder-shares.js fills with the shares it decrypted in the
 * browser ({@code {"<bid key>": share | null}}). The form is a Faces postback, so the view state
 * guards it like every other staff write; the shares go straight on to the ledger.
 */
@Named
@ViewScoped
public class HolderSharesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "sharesForm";

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient SealedBids sealedBids;

    @Inject
    transient HolderQueries holderQueries;

    @Inject
    transient CurrentStaff currentStaff;

    @Inject
    transient Clock clock;

    @Inject
    Messages messages;

    /** One holder of the tender as the page lists it. */
    public record HolderRow(int index, String role, String msp, String publicKeySha256, boolean posted, String txId, boolean mine)
            implements Serializable {
    }

    private String ocid;
    private transient TenderView tender;
    private Integer myIndex;
    private List<HolderRow> holders = List.of();
    private boolean ledgerDown;
    /** Posted by the shares form, filled in by holder-shares.js. */
    private String shares;
    private String txId;

    public void load() {
        tender = null;
        myIndex = null;
        holders = List.of();
        ledgerDown = false;
        if (!OcidLinks.isOcid(ocid)) {
            return;
        }
        tender = queries.tender(ocid.trim()).orElse(null);
        if (tender == null || !tender.tender().isSealed()) {
            return;
        }
        Optional<StaffMember> member = currentStaff.member();
        myIndex = member.flatMap(m -> sealedBids.holderOf(m, tender.tender().ocid())).map(TenderOpening.Holder::index).orElse(null);
        List<PostedShares> posted;
        try {
            posted = holderQueries.posted(tender.tender().ocid());
        } catch (LedgerUnavailableException e) {
            posted = List.of();
            ledgerDown = true;
        }
        holders = rows(tender.tender().opening(), posted, myIndex);
    }

    /** The tender's holders in order, each with its posting on the ledger (if any) and whether it is the signed-in member. */
    static List<HolderRow> rows(TenderOpening opening, List<PostedShares> posted, Integer myIndex) {
        List<HolderRow> rows = new ArrayList<>();
        for (TenderOpening.Holder h : opening.holders()) {
            Optional<PostedShares> p = posted.stream().filter(s -> s.holderIndex() == h.index()).findFirst();
            rows.add(new HolderRow(h.index(), h.role(), h.msp(), h.publicKeySha256(), p.isPresent(), p.map(PostedShares::txId).orElse(null),
                    myIndex != null && myIndex == h.index()));
        }
        return List.copyOf(rows);
    }

    /** Posts the shares the page decrypted; the ledger's transaction id, or the refusal next to the button. */
    public void post() {
        txId = null;
        if (getTender() == null || !isHolder() || !isDeadlinePassed()) {
            messages.error(null, "shares.notNow");
            return;
        }
        try {
            Map<String, String> parsed = HolderSharesJson.parseShares(shares, tender.tender().ocid());
            txId = sealedBids.postShares(currentStaff.require(), tender.tender().ocid(), parsed);
            shares = null;
        } catch (ValidationException e) {
            messages.show(e, FORM);
        }
        Integer index = myIndex;
        load();
        if (myIndex == null) {
            myIndex = index;
        }
    }

    public boolean isFound() {
        return getTender() != null;
    }

    public boolean isSealed() {
        return isFound() && tender.tender().isSealed();
    }

    public boolean isDeadlinePassed() {
        return isFound() && !clock.instant().isBefore(tender.tender().bidDeadline());
    }

    public boolean isHolder() {
        return myIndex != null;
    }

    /** The signed-in holder's shares are on the ledger already (as far as the ledger could be read). */
    public boolean isMinePosted() {
        return holders.stream().anyMatch(h -> h.mine() && h.posted());
    }

    /** The tender's public key hash of the signed-in holder: which private key the page looks for. */
    public String getMyKeyHash() {
        return isHolder() ? tender.tender().opening().holder(myIndex).publicKeySha256() : null;
    }

    public long getPostedCount() {
        return holders.stream().filter(HolderRow::posted).count();
    }

    public TenderView getTender() {
        if (tender == null && OcidLinks.isOcid(ocid)) {
            load();
        }
        return tender;
    }

    public Tender getTerms() {
        return isFound() ? tender.tender() : null;
    }

    /** The query of OpeningEnvelopesServlet's URL for this tender. */
    public String getEnvelopesQuery() {
        return isFound() ? "ocid=" + URLEncoder.encode(tender.tender().ocid(), StandardCharsets.UTF_8) : "";
    }

    public String getUsername() {
        return currentStaff.getUsername();
    }

    public String getOcid() { return ocid; }
    public void setOcid(String ocid) { this.ocid = ocid; }
    public Integer getMyIndex() { return myIndex; }
    public List<HolderRow> getHolders() { return holders; }
    public boolean isLedgerDown() { return ledgerDown; }
    public String getShares() { return shares; }
    public void setShares(String shares) { this.shares = shares; }
    public String getTxId() { return txId; }
}
