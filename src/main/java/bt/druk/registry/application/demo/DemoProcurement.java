package bt.druk.registry.application.demo;

import bt.druk.registry.application.demo.DemoTender.DemoBid;
import bt.druk.registry.application.procurement.BidService;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.procurement.Bid;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Procurement demo content: moves one demo tender (with its bids) one step along its plan, through
 * the same {@link TenderService} and {@link BidService} calls as the clerk's and the bidder's pages,
 * so every tender and bid version goes through the outbox to the ledger like any other. The demo
 * plays the bidders: it seals each bid itself ({@link SealedBid#seal}, a fresh random salt) and keeps
 * the sealed-bid file in {@link DemoProcurementRepository} until the opening.
 *
 * <p>Where a tender stands is read from its records each time, so the demo resumes after a restart
 * without state of its own beyond which plan item became which record: the tender's versions say
 * which steps are done, its bids which commitments are lodged and revealed. A step waits until
 * everything before it is committed on the ledger; reveals and the opening also wait until the bid
 * deadline plus {@link #DEADLINE_MARGIN} has passed. The ledger compares the deadline with the
 * transaction's timestamp, which is this portal's clock when the outbox submits, always after the
 * step was saved; the margin covers the endorsing peer's clock being a little ahead
 * (a reveal the chaincode refuses as DEADLINE_NOT_REACHED would be refused for good).
 *
 * <p>Like the land demo it never publishes into a procurement register that held tenders before
 * it started, nor into a portal whose land register holds real titles, and it leaves alone a tender
 * or bid the ledger refused or that someone else changed.
 */
@ApplicationScoped
public class DemoProcurement {

    /** Why nothing is loaded into a portal that held real records before. */
    static final String REGISTER_NOT_EMPTY = "the procurement register already holds tenders";
    static final String LAND_NOT_DEMO = "the land register holds real titles";

    /** After the bid deadline, before a reveal or the opening is saved. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(5);
    /** A commitment saved later than this before the deadline might reach the ledger after it. */
    static final Duration LODGING_MARGIN = Duration.ofSeconds(15);
    /** An amendment moves the deadline (and the enquiry period) this much later. */
    static final Duration EXTENSION = Duration.ofDays(14);
    /** A long bidding period ends at noon Bhutan time; the enquiry period a week earlier at 17:00. */
    static final LocalTime DEADLINE_TIME = LocalTime.NOON;
    static final Duration ENQUIRY_BEFORE_DEADLINE = Duration.ofDays(7).minusHours(5);

    private TenderService tenders;
    private BidService bids;
    private ProcurementQueries procurement;
    private RecordQueryService queries;
    private TenderRepository tenderRepository;
    private LandParcelRepository parcels;
    private DemoRecordRepository demoRecords;
    private DemoProcurementRepository demoItems;
    private Clock clock;

    protected DemoProcurement() {
    }

    @Inject
    public DemoProcurement(TenderService tenders, BidService bids, ProcurementQueries procurement, RecordQueryService queries,
                           TenderRepository tenderRepository, LandParcelRepository parcels, DemoRecordRepository demoRecords,
                           DemoProcurementRepository demoItems, Clock clock) {
        this.tenders = tenders;
        this.bids = bids;
        this.procurement = procurement;
        this.queries = queries;
        this.tenderRepository = tenderRepository;
        this.parcels = parcels;
        this.demoRecords = demoRecords;
        this.demoItems = demoItems;
        this.clock = clock;
    }

    /** One of the plan's bids as it stands: its record, the file the demo bidder kept, and the bid as the portal shows it. */
    private record OurBid(DemoBid plan, String key, SealedBid sealed, BidView view) {
    }

    /**
     * Does the tender's next step if its preconditions hold, in one database transaction.
     *
     * @param mayStart a tender with a short deadline may be published now (the loader says so when
     *                 no other demo record is on its way to the ledger)
     * @throws ValidationException       a procurement rule refused the step (nothing saved)
     * @throws ConcurrentUpdateException the tender changed meanwhile (nothing saved)
     */
    @Transactional
    public DemoProgress advance(DemoTender plan, boolean mayStart) {
        String ref = plan.ref();
        Optional<String> recorded = demoItems.recordKeyOf(ref);
        if (recorded.isEmpty()) {
            return publish(plan, mayStart);
        }
        String tenderKey = recorded.get();
        String ocid = RecordKey.parse(tenderKey).id();
        List<VersionView> history = queries.versions(tenderKey);
        Optional<VersionView> refused = history.stream().filter(v -> v.ledgerState() == LedgerState.REJECTED).findFirst();
        if (refused.isPresent()) {
            return DemoProgress.skipped(ref, "the ledger refused v" + refused.get().version() + " of " + tenderKey
                    + " [" + refused.get().rejectionCode() + "] " + refused.get().rejectionReason());
        }
        TenderView view = procurement.tender(ocid).orElse(null);
        if (view == null) {
            return DemoProgress.skipped(ref, tenderKey + " has no live version");
        }
        List<String> done = view.versions().stream().map(VersionView::operation).toList();
        List<String> planned = plan.plannedOperations();
        if (done.size() > planned.size() || !planned.subList(0, done.size()).equals(done)) {
            return DemoProgress.skipped(ref, tenderKey + " changed outside the demo plan (" + done + "); left alone");
        }
        if (view.ledgerState() != LedgerState.COMMITTED) {
            return DemoProgress.waiting(ref, tenderKey + " v" + view.version() + " awaits the ledger");
        }
        Tender tender = view.tender();
        Instant now = clock.instant();

        if (done.size() == 1 && tender.status() == TenderStatus.ACTIVE_TENDERING) {
            List<DemoBid> unlodged = plan.bids().stream().filter(b -> demoItems.recordKeyOf(plan.bidRef(b)).isEmpty()).toList();
            // Too close to the deadline (the portal was down meanwhile): those bidders missed it.
            if (!unlodged.isEmpty() && now.isBefore(tender.bidDeadline().minus(LODGING_MARGIN))) {
                for (DemoBid bid : unlodged) {
                    lodge(plan, tender, bid, now);
                }
                return DemoProgress.applied(ref, unlodged.size() + " bid(s) lodged for " + tenderKey);
            }
        }
        List<OurBid> ours = ourBids(plan, tenderKey);
        Optional<OurBid> pending = ours.stream().filter(b -> b.view().ledgerState() != LedgerState.COMMITTED).findFirst();
        if (pending.isPresent()) {
            return DemoProgress.waiting(ref, pending.get().key() + " awaits the ledger");
        }
        if (done.size() == planned.size()) {
            return DemoProgress.done(ref);
        }

        TenderOperation next = TenderOperation.valueOf(planned.get(done.size()));
        int version = view.version();
        switch (next) {
            case AMEND -> {
                Tender.Terms terms = tender.terms();
                Instant deadline = tender.bidDeadline().plus(EXTENSION);
                tenders.amend(plan.clerk(), ocid, version, new Tender.Terms(terms.title(), terms.description(), terms.method(),
                        terms.category(), terms.estimatedValue(),
                        terms.enquiryPeriodEnd() == null ? null : terms.enquiryPeriodEnd().plus(EXTENSION),
                        deadline, terms.items(), terms.documents()), plan.reason());
            }
            case CANCEL -> tenders.cancel(plan.clerk(), ocid, version, plan.reason());
            case OPEN_BIDS -> {
                Instant notBefore = tender.bidDeadline().plus(DEADLINE_MARGIN);
                if (now.isBefore(notBefore)) {
                    return DemoProgress.waitingUntil(ref, tenderKey + " waits for its bid deadline", notBefore);
                }
                List<OurBid> toReveal = ours.stream().filter(b -> b.plan().revealed() && !b.view().revealed()).toList();
                if (!toReveal.isEmpty()) {
                    for (OurBid bid : toReveal) {
                        reveal(plan, bid);
                    }
                    return DemoProgress.applied(ref, toReveal.size() + " bid(s) revealed for " + tenderKey);
                }
                tenders.openBids(plan.clerk(), ocid, version);
            }
            case AWARD -> {
                // Among every revealed bid on the ledger, not only the demo's: a visitor may have bid too.
                Optional<BidView> lowest = view.bids().stream()
                        .filter(b -> b.revealed() && b.ledgerState() == LedgerState.COMMITTED)
                        .min(Comparator.comparing(BidView::amount).thenComparing(BidView::number));
                if (lowest.isEmpty()) {
                    return DemoProgress.skipped(ref, tenderKey + " has no revealed bid to award");
                }
                tenders.award(plan.clerk(), ocid, version, lowest.get().recordKey());
            }
            case COMPLETE -> tenders.complete(plan.clerk(), ocid, version);
            default -> throw new IllegalStateException("not a demo step: " + next);
        }
        return DemoProgress.applied(ref, next + " as v" + (version + 1) + " of " + tenderKey);
    }

    /** Number of tenders and bids the procurement demo created in this database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long demoRecordCount() {
        return demoItems.count();
    }

    private DemoProgress publish(DemoTender plan, boolean mayStart) {
        if (demoItems.count() == 0) {
            // Only into an empty procurement register, and not beside real land titles either.
            if (!tenderRepository.searchTenders(null, List.of(), null, 1).isEmpty()) {
                return DemoProgress.skipped(plan.ref(), REGISTER_NOT_EMPTY);
            }
            if (demoRecords.count() == 0 && !parcels.search(null, null, null, null, 1).isEmpty()) {
                return DemoProgress.skipped(plan.ref(), LAND_NOT_DEMO);
            }
        }
        if (plan.outcome().passesDeadline() && !mayStart) {
            return DemoProgress.held(plan.ref(), "its short bid deadline starts once the demo's other records are on the ledger");
        }
        Instant now = clock.instant();
        Instant deadline = deadline(plan, now);
        Instant enquiryEnd = deadline.minus(ENQUIRY_BEFORE_DEADLINE);
        Tender.Terms terms = new Tender.Terms(plan.title(), plan.description(), plan.method(), plan.category(),
                plan.estimatedValue(), enquiryEnd.isAfter(now.plus(Duration.ofDays(1))) ? enquiryEnd : null, deadline,
                plan.items(), List.of());
        // The plan's own bidding period: the office's minimum is for real tenders.
        SubmissionAck ack = tenders.publish(plan.clerk(), plan.entityCode(), terms, Duration.ZERO);
        demoItems.add(plan.ref(), ack.recordKey(), null, now);
        demoRecords.add(ack.recordKey(), now);
        return DemoProgress.applied(plan.ref(), "published as " + ack.recordKey() + ", bid deadline " + deadline);
    }

    /** A short period ends that many seconds from now; a long one at noon Bhutan time on its last day. */
    static Instant deadline(DemoTender plan, Instant now) {
        Instant end = now.plus(plan.bidPeriod());
        if (plan.bidPeriod().compareTo(Duration.ofDays(1)) < 0) {
            return end.truncatedTo(ChronoUnit.SECONDS);
        }
        return end.atZone(ProcurementPolicy.BHUTAN).toLocalDate().atTime(DEADLINE_TIME).atZone(ProcurementPolicy.BHUTAN).toInstant();
    }

    /** Seals the bid as the bidder's browser would, lodges its commitment and keeps the sealed-bid file. */
    private void lodge(DemoTender plan, Tender tender, DemoBid bid, Instant now) {
        SealedBid sealed = SealedBid.seal(Bid.of(tender.key().toString(), bid.bidder(), bid.price(), List.of(), now));
        SubmissionAck ack = bid.atCounter()
                ? bids.lodgeAtCounter(plan.clerk(), tender.ocid(), sealed.commitment())
                : bids.lodgeOnline(tender.ocid(), sealed.commitment());
        demoItems.add(plan.bidRef(bid), ack.recordKey(), sealed.toFileJson(), now);
        demoRecords.add(ack.recordKey(), now);
    }

    private void reveal(DemoTender plan, OurBid bid) {
        String file = bid.sealed().toFileJson();
        if (bid.plan().atCounter()) {
            bids.revealAtCounter(plan.clerk(), bid.key(), file, List.of());
        } else {
            bids.revealOnline(bid.key(), file, List.of());
        }
    }

    /**
     * The plan's bids that were lodged and are still the demo's: a bid whose lodging or reveal the
     * ledger refused, or whose record no longer holds the commitment the demo sealed, is left alone.
     */
    private List<OurBid> ourBids(DemoTender plan, String tenderKey) {
        List<OurBid> ours = new ArrayList<>();
        for (DemoBid bid : plan.bids()) {
            String ref = plan.bidRef(bid);
            Optional<String> key = demoItems.recordKeyOf(ref);
            Optional<String> file = demoItems.sealedBidFile(ref);
            if (key.isEmpty() || file.isEmpty()) {
                continue;
            }
            if (queries.versions(key.get()).stream().anyMatch(v -> v.ledgerState() == LedgerState.REJECTED)) {
                continue;
            }
            Optional<BidView> view = procurement.bid(key.get());
            SealedBid sealed = SealedBid.parse(file.get());
            if (view.isEmpty() || !view.get().tenderKey().equals(tenderKey) || !view.get().commitment().equals(sealed.commitment())) {
                continue;
            }
            ours.add(new OurBid(bid, key.get(), sealed, view.get()));
        }
        return ours;
    }
}
