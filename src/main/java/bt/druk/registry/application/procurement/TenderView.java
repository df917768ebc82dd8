package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.record.LedgerState;
import java.util.Comparator;
import java.util.List;

/**
 * A tender's current version with its history and bids, as the pages show it. Public: bids carry
 * their supplier only from the opening, and a price only when opened as valid.
 *
 * @param deadlinePassed the bid deadline has passed by the portal's clock (the ledger decides by its own)
 */
public record TenderView(
        Tender tender,
        String recordKey,
        int version,
        String hash,
        LedgerState ledgerState,
        boolean published,
        boolean deadlinePassed,
        List<VersionView> versions,
        List<BidView> bids) {

    public TenderView {
        versions = List.copyOf(versions);
        bids = List.copyOf(bids);
    }

    /** Bids opened as valid (with a price). */
    public long validCount() {
        return bids.stream().filter(BidView::valid).count();
    }

    /** Bids the opening has judged (valid or invalid). */
    public long openedCount() {
        return bids.stream().filter(BidView::opened).count();
    }

    /** Bids can be lodged now: published on the ledger, open for bids, before the deadline. */
    public boolean takesBidsAt(java.time.Instant now) {
        return published() && tender().acceptsBidsAt(now);
    }

    /**
     * The tender's bids were opened and every bid not withdrawn has its verdict: the opening lines
     * are final. Always false for a tender published before sealed opening.
     */
    public boolean openingComplete() {
        boolean opened = versions.stream().anyMatch(v -> TenderOperation.OPEN_BIDS.name().equals(v.operation())
                && v.ledgerState() != LedgerState.REJECTED);
        return tender.isSealed() && opened && bids.stream().allMatch(b -> b.withdrawn() || b.opened());
    }

    /**
     * The sealed bids the opening judged (valid or invalid) in the order {@code druk-verify
     * open-tender} prints its verdicts: by bid key compared as plain strings ({@code :10} before
     * {@code :2}). Whatever lists the opening (these lines, the bid-opening report) takes this order.
     */
    public List<BidView> openedBids() {
        return bids.stream().filter(BidView::opened).sorted(Comparator.comparing(BidView::recordKey)).toList();
    }

    /** The opening's verdict lines, as {@code druk-verify open-tender} prints them: one {@code BidVerdict.line()} per opened bid. */
    public List<String> openingLines() {
        return openedBids().stream().map(b -> b.sealedPart().verdictLine()).toList();
    }

    /** The winning bid, or null before an award (null rather than Optional: pages test it with EL's {@code empty}). */
    public BidView awardedBid() {
        return bids.stream().filter(b -> b.recordKey().equals(tender.awardedBidKey())).findFirst().orElse(null);
    }
}
