package bt.druk.registry.application.demo;

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
 * A demo tender: what a procuring agency publishes, the sealed bids the demo lodges for it (the demo
 * plays the suppliers and seals their bids to the tender's holders itself), and the state the
 * tender is taken to.
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
        /** Open for bids with the bids lodged: sealed envelopes, nothing readable. */
        OPEN(List.of()),
        /** Open for bids, its deadline extended once with a reason. */
        AMENDED(List.of(TenderOperation.AMEND)),
        /** Cancelled with a reason after bids were lodged; they are never opened. */
        CANCELLED(List.of(TenderOperation.CANCEL)),
        /** Deadline passed, k holders posted their shares, every bid opened (valid or invalid): in evaluation. */
        OPENED(List.of(TenderOperation.OPEN_BIDS)),
        /** As OPENED, then awarded to the lowest price of a valid bid. */
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
     * A bid the demo seals and lodges as one of the demo suppliers.
     *
     * @param supplier the demo supplier's user name (its account gives the registration number and
     *                 name the bid is lodged under and names)
     * @param price    the price as the sealed bid states it: two decimals, as the bid page writes it;
     *                 any other form makes the bid invalid at the opening (malformed), as it would
     *                 a bid sealed by a supplier's own software that got it wrong
     */
    public record DemoBid(String supplier, String price) {
        public DemoBid {
            Objects.requireNonNull(supplier, "supplier");
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
        if (bids.stream().map(DemoBid::supplier).distinct().count() != bids.size()) {
            throw new IllegalArgumentException(ref + ": one bid per supplier");
        }
    }

    /** The tender operations of every version the plan makes, publishing included. */
    public List<String> plannedOperations() {
        List<String> operations = new ArrayList<>();
        operations.add(TenderOperation.PUBLISH.name());
        outcome.afterPublishing.forEach(op -> operations.add(op.name()));
        return operations;
    }

    /** The reference under which the demo remembers this supplier's bid. */
    public String bidRef(DemoBid bid) {
        return ref + "/bid/" + bid.supplier();
    }
}
