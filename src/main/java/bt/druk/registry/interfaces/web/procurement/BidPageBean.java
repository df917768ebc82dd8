package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.Comparator;

/**
 * A bid's public page and printable receipt ({@code /tenders/bid.xhtml?key=bid:…}): its commitment
 * and ledger receipt from the moment it is lodged; after the reveal, bidder, price, documents and
 * the check that the revealed bid gives the commitment back. Polls while a version waits for the
 * ledger.
 */
@Named
@ViewScoped
public class BidPageBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String REVEAL_OPERATION = "BID_REVEALED";
    /** The operations a sealed bid's opening is saved with (SealedBids.openAll). */
    static final java.util.Set<String> OPENING_OPERATIONS = java.util.Set.of("BID_OPENED", "BID_INVALID");

    @Inject
    transient ProcurementQueries queries;

    @Inject
    transient Clock clock;

    private String key;
    /** Arrived here right after lodging, or right after revealing: the banner follows that version. */
    private boolean lodged;
    private boolean revealed;
    private transient BidView bid;
    private transient TenderView tender;

    public void load() {
        bid = null;
        tender = null;
        if (key == null || !isBidKey(key.trim())) {
            return;
        }
        bid = queries.bid(key.trim()).orElse(null);
        if (bid != null) {
            tender = queries.tender(BidKeys.ocidOf(RecordKey.parse(bid.recordKey()))).orElse(null);
        }
    }

    /** The poll: re-reads the bid (its ledger state and receipts). */
    public void refresh() {
        load();
    }

    static boolean isBidKey(String text) {
        try {
            RecordKey k = RecordKey.parse(text);
            return k.isKind(BidKeys.KIND) && k.id().lastIndexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public BidView getBid() {
        if (bid == null && key != null && isBidKey(key.trim())) {
            load();
        }
        return bid;
    }

    public TenderView getTender() {
        getBid();
        return tender;
    }

    public boolean isFound() {
        return getBid() != null;
    }

    /** Some version of the bid still waits for the ledger. */
    public boolean isPending() {
        BidView b = getBid();
        return b != null && b.versions().stream().anyMatch(v -> v.ledgerState() == LedgerState.PENDING);
    }

    /**
     * The version that revealed the bid (the newest, if a refused reveal was followed by another);
     * for a sealed bid, the version that recorded the opening's verdict.
     */
    public VersionView getRevealVersion() {
        BidView b = getBid();
        if (b == null) {
            return null;
        }
        return b.versions().stream().filter(v -> b.isSealed() ? OPENING_OPERATIONS.contains(v.operation())
                        : REVEAL_OPERATION.equals(v.operation()))
                .max(Comparator.comparingInt(VersionView::version)).orElse(null);
    }

    /** The version the banner talks about: the reveal after revealing, the lodging after lodging. */
    public VersionView getBannerVersion() {
        BidView b = getBid();
        if (b == null) {
            return null;
        }
        if (revealed) {
            return getRevealVersion();
        }
        return lodged ? b.versions().stream().filter(v -> v.version() == 1).findFirst().orElse(null) : null;
    }

    public String getBannerKind() {
        return revealed ? "revealed" : "lodged";
    }

    /** The tender's bid deadline has passed (by the portal's clock). */
    public boolean isDeadlinePassed() {
        TenderView t = getTender();
        return t != null && !clock.instant().isBefore(t.tender().bidDeadline());
    }

    /** Worth offering the reveal page: a commit-reveal bid (a sealed bid is opened, never revealed), sealed, lodged on the ledger, and the tender still takes reveals. */
    public boolean isRevealable() {
        BidView b = getBid();
        TenderView t = getTender();
        return b != null && t != null && !b.isSealed() && !b.revealed() && b.ledgerState() == LedgerState.COMMITTED
                && (t.tender().status() == TenderStatus.ACTIVE_TENDERING || t.tender().status() == TenderStatus.EVALUATION);
    }

    public String getOcid() {
        BidView b = getBid();
        return b == null ? null : BidKeys.ocidOf(RecordKey.parse(b.recordKey()));
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public boolean isLodged() { return lodged; }
    public void setLodged(boolean lodged) { this.lodged = lodged; }
    public boolean isRevealed() { return revealed; }
    public void setRevealed(boolean revealed) { this.revealed = revealed; }
}
