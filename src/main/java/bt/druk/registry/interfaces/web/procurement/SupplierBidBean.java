package bt.druk.registry.interfaces.web.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentSupplier;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in supplier's page for one sealed tender ({@code /supplier/bid.xhtml?ocid=…}): seal and
 * lodge a bid (sealed-bid-page.js encrypts it in the browser to the tender's holders and posts only
 * the envelope to {@link SealedBidLodgeServlet}), see the bids lodged, withdraw the live one before
 * the deadline.
 */
@Named
@ViewScoped
public class SupplierBidBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "withdraw";

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient SealedBids sealedBids;

    @Inject
    transient CurrentSupplier currentSupplier;

    @Inject
    transient Clock clock;

    @Inject
    Messages messages;

    private String ocid;
    private transient TenderView tender;

    public void load() {
        tender = null;
        if (OcidLinks.isOcid(ocid)) {
            tender = queries.tender(ocid.trim()).filter(t -> t.tender().isSealed()).orElse(null);
        }
    }

    /** Withdraws the supplier's live bid; the page then offers to lodge another. */
    public String withdraw() {
        Optional<SealedBidRecord> live = getLiveBid();
        if (live.isEmpty()) {
            messages.error(null, "supplierBid.nothingToWithdraw");
            return null;
        }
        try {
            sealedBids.withdraw(supplier().registrationNumber().value(), live.get().key().toString());
            return "/supplier/bid?faces-redirect=true&withdrawn=true&ocid=" + URLEncoder.encode(ocid.trim(), StandardCharsets.UTF_8);
        } catch (ValidationException e) {
            messages.show(e, FORM);
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

    /** The page lets the supplier seal a bid: open, and no live bid of theirs. */
    public boolean isCanLodge() {
        return isOpen() && getLiveBid().isEmpty();
    }

    public boolean isCanWithdraw() {
        return isOpen() && getLiveBid().isPresent();
    }

    public Optional<SealedBidRecord> getLiveBid() {
        Tender t = getTerms();
        return t == null ? Optional.empty() : sealedBids.liveBidOf(t.key().toString(), supplier().registrationNumber().value());
    }

    /** The supplier's bids on this tender, newest first. */
    public List<SealedBidRecord> getBids() {
        Tender t = getTerms();
        return t == null ? List.of() : sealedBids.bidsOf(t.key().toString(), supplier().registrationNumber().value());
    }

    /** The holders' public keys (SPKI, base64url) in holder order, for the sealing script. */
    public String getHolderKeysJson() {
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        getTerms().opening().holders().forEach(h -> keys.add(h.publicKeySpki()));
        return keys.build().toString();
    }

    public TenderOpening getOpening() {
        return getTerms().opening();
    }

    public String getSupplierId() {
        return supplier().registrationNumber().value();
    }

    public TenderView getTender() {
        if (tender == null) {
            load();
        }
        return tender;
    }

    public Tender getTerms() {
        TenderView t = getTender();
        return t == null ? null : t.tender();
    }

    private Supplier supplier() {
        return currentSupplier.require();
    }

    public String getOcid() {
        return ocid;
    }

    public void setOcid(String ocid) {
        this.ocid = ocid;
    }
}
