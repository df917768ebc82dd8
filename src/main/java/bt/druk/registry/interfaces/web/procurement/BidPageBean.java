package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;

/**
 * A bid's public page and printable receipt ({@code /tenders/bid.xhtml?key=bid:…}): the hashes the
 * ledger holds and its receipt from the moment it is lodged; from the opening its verdict, the
 * supplier and, of a valid bid, the price and documents. Polls while a version waits for the ledger.
 */
@Named
@ViewScoped
public class BidPageBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The operations a bid's opening is saved with (SealedBids.openAll). */
    static final java.util.Set<String> OPENING_OPERATIONS = java.util.Set.of("BID_OPENED", "BID_INVALID");

    @Inject
    transient ProcurementQueries queries;

    private String key;
    /** Arrived here right after lodging: the banner follows the lodging onto the ledger. */
    private boolean lodged;
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

    /** The version that recorded the opening's verdict (the newest, if a refused one was followed by another). */
    public VersionView getOpeningVersion() {
        BidView b = getBid();
        if (b == null) {
            return null;
        }
        return b.versions().stream().filter(v -> OPENING_OPERATIONS.contains(v.operation()))
                .max(Comparator.comparingInt(VersionView::version)).orElse(null);
    }

    /** The version the banner talks about: the lodging, right after lodging. */
    public VersionView getBannerVersion() {
        BidView b = getBid();
        if (b == null || !lodged) {
            return null;
        }
        return b.versions().stream().filter(v -> v.version() == 1).findFirst().orElse(null);
    }

    public String getOcid() {
        BidView b = getBid();
        return b == null ? null : BidKeys.ocidOf(RecordKey.parse(b.recordKey()));
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public boolean isLodged() { return lodged; }
    public void setLodged(boolean lodged) { this.lodged = lodged; }
}
