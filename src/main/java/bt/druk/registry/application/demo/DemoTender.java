package bt.druk.registry.application.demo;

import bt.druk.registry.domain.procurement.Bidder;
import bt.druk.registry.domain.procurement.BidPrice;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.shared.StaffMember;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A demo tender: what a procuring agency publishes, the bids the demo lodges for it (the demo plays
 * the bidders and seals their bids itself), and the state the tender is taken to.
 *
 * @param ref       the tender's name in the plan (its OCID is only known once published); also
 *                  the start of its bids' references
 * @param bidPeriod from publishing to the bid deadline: weeks for a tender that stays open, under a
 *                  minute for one the demo takes past its deadline
 * @param reason    published with the amendment or the cancellation; null otherwise
 */
public record DemoTender(String ref, StaffMember clerk, String entityCode, String title, String description,
                         ProcurementMethod method, MainCategory category, BigDecimal estimatedValue,
                         List<TenderItem> items, Duration bidPeriod, List<DemoBid> bids, Outcome outcome, String reason) {

    /** Where the demo leaves the tender. */
    public enum Outcome {
        /** Open for bids with the bids lodged (commitments only). */
        OPEN(List.of()),
        /** Open for bids, its deadline extended once with a reason. */
        AMENDED(List.of(TenderOperation.AMEND)),
        /** Cancelled with a reason after bids were lodged. */
        CANCELLED(List.of(TenderOperation.CANCEL)),
        /** Deadline passed, the planned bids revealed, bids opened: in evaluation. */
        OPENED(List.of(TenderOperation.OPEN_BIDS)),
        /** As OPENED, then awarded to the lowest revealed price. */
        AWARDED(List.of(TenderOperation.OPEN_BIDS, TenderOperation.AWARD)),
        /** As AWARDED, then the contract marked complete. */
        COMPLETE(List.of(TenderOperation.OPEN_BIDS, TenderOperation.AWARD, TenderOperation.COMPLETE));

        private final List<TenderOperation> afterPublishing;

        Outcome(List<TenderOperation> afterPublishing) {
            this.afterPublishing = afterPublishing;
        }

        /** The demo waits for the bid deadline to pass (so the tender must have a short one). */
        public boolean passesDeadline() {
            return afterPublishing.contains(TenderOperation.OPEN_BIDS);
        }
    }

    /**
     * A bid the demo makes for one bidder.
     *
     * @param atCounter lodged and revealed by the procurement clerk as a paper bid; else by the
     *                  bidder on the public pages (the portal's bid box)
     * @param revealed  revealed after the deadline (a bidder may also stay away from the opening)
     */
    public record DemoBid(Bidder bidder, BidPrice price, boolean atCounter, boolean revealed) {
        public DemoBid {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(price, "price");
        }
    }

    public DemoTender {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(entityCode, "entityCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(estimatedValue, "estimatedValue");
        Objects.requireNonNull(bidPeriod, "bidPeriod");
        Objects.requireNonNull(outcome, "outcome");
        items = List.copyOf(items);
        bids = List.copyOf(bids);
        if ((outcome == Outcome.AMENDED || outcome == Outcome.CANCELLED) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(ref + ": an amendment or a cancellation needs its reason");
        }
        if (bids.stream().map(b -> b.bidder().licenceNumber()).distinct().count() != bids.size()) {
            throw new IllegalArgumentException(ref + ": one bid per bidder");
        }
    }

    /** The tender operations of every version the plan makes, publishing included. */
    public List<String> plannedOperations() {
        List<String> operations = new ArrayList<>();
        operations.add(TenderOperation.PUBLISH.name());
        outcome.afterPublishing.forEach(op -> operations.add(op.name()));
        return operations;
    }

    /** The reference under which the demo remembers this bidder's bid (and its sealed-bid file). */
    public String bidRef(DemoBid bid) {
        return ref + "/bid/" + bid.bidder().licenceNumber();
    }
}
