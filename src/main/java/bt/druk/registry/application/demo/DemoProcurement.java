package bt.druk.registry.application.demo;

import bt.druk.registry.application.demo.DemoTender.DemoBid;
import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.procurement.SupplierRepository;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
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
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Procurement demo content: moves one demo tender (with its bids) one step along its plan, through
 * the same calls as the clerk's, the suppliers' and the key holders' pages, so every tender and bid
 * version goes through the outbox to the ledger like any other, and the ledger's own rules apply.
 *
 * <ul>
 *   <li>The clerk publishes the tender sealed ({@link TenderService#publish}) to three holders
 *       of three organisations, 2 of 3 (the holders of {@link DemoTenderPlan}).</li>
 *   <li>The demo plays the suppliers: it seals each bid with {@link EnvelopeSealer} (the format the
 *       bid page's script writes) and lodges it as the demo supplier's account through
 *       {@link SealedBids#lodge}; the portal never has the bid in the clear before the opening.</li>
 *   <li>The demo plays the holders, with P-256 key pairs it made for this tender only
 *       ({@link DemoKeyHolders}): after the deadline it decrypts and posts their shares through
 *       {@link SealedBids#postSharesOfKey}, signed by the demo staff of each holder's organisation.
 *       The private keys are kept in the demo's own table demo_opening_key, never registered as staff
 *       opening keys ({@code opening_key}), and deleted once the tender's bids are opened or the
 *       tender is cancelled.</li>
 *   <li>The clerk opens every bid at once ({@link SealedBids#openAll}); awards the lowest valid price.</li>
 * </ul>
 *
 * <p>Where a tender stands is read from its records each time, so the demo resumes after a restart
 * with no state of its own beyond which plan item became which record and the holders' keys: the
 * tender's versions say which steps are done, its bids which are lodged and opened, the ledger
 * which holders have posted. A step waits until everything before it is committed on the ledger;
 * the holders post only once the bid deadline plus {@link #DEADLINE_MARGIN} has passed. The ledger
 * compares the deadline with its own clock; the margin covers the endorsing peer's clock being a
 * little behind (a share posted too early is refused, and posted again a round later).
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

    /** After the bid deadline, before the demo's holders post their shares. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(5);
    /** A bid saved later than this before the deadline might reach the ledger after it. */
    static final Duration LODGING_MARGIN = Duration.ofSeconds(15);
    /** An amendment moves the deadline (and the enquiry period) this much later. */
    static final Duration EXTENSION = Duration.ofDays(14);
    /** A long bidding period ends at noon Bhutan time; the enquiry period a week earlier at 17:00. */
    static final LocalTime DEADLINE_TIME = LocalTime.NOON;
    static final Duration ENQUIRY_BEFORE_DEADLINE = Duration.ofDays(7).minusHours(5);
    /** The refusals of a holder's shares that a later round may not meet: the ledger's clock, its reach, a race. */
    private static final Set<String> SHARES_LATER = Set.of("sealedBid.shares.early", "sealedBid.shares.unavailable",
            "sealedBid.shares.posted");

    private TenderService tenders;
    private SealedBids sealedBids;
    private DemoKeyHolders holders;
    private ProcurementQueries procurement;
    private RecordQueryService queries;
    private TenderRepository tenderRepository;
    private SupplierRepository suppliers;
    private LandParcelRepository parcels;
    private DemoRecordRepository demoRecords;
    private DemoProcurementRepository demoItems;
    private Clock clock;

    protected DemoProcurement() {
    }

    @Inject
    public DemoProcurement(TenderService tenders, SealedBids sealedBids, DemoKeyHolders holders, ProcurementQueries procurement,
                           RecordQueryService queries, TenderRepository tenderRepository, SupplierRepository suppliers,
                           LandParcelRepository parcels, DemoRecordRepository demoRecords, DemoProcurementRepository demoItems,
                           Clock clock) {
        this.tenders = tenders;
        this.sealedBids = sealedBids;
        this.holders = holders;
        this.procurement = procurement;
        this.queries = queries;
        this.tenderRepository = tenderRepository;
        this.suppliers = suppliers;
        this.parcels = parcels;
        this.demoRecords = demoRecords;
        this.demoItems = demoItems;
        this.clock = clock;
    }

    /** One of the plan's bids as it stands: its record and the bid as the portal shows it. */
    private record OurBid(DemoBid plan, String key, BidView view) {
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
        if (!view.tender().isSealed()) {
            return DemoProgress.skipped(ref, tenderKey + " was published for commit-reveal bids, before sealed opening; left as it is");
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
            // Too close to the deadline (the portal was down meanwhile): those suppliers missed it.
            if (!unlodged.isEmpty() && now.isBefore(tender.bidDeadline().minus(LODGING_MARGIN))) {
                Optional<String> missing = missingSupplier(unlodged);
                if (missing.isPresent()) {
                    return DemoProgress.skipped(ref, missing.get());
                }
                for (DemoBid bid : unlodged) {
                    lodge(plan, tender, bid, now);
                }
                return DemoProgress.applied(ref, unlodged.size() + " sealed bid(s) lodged for " + tenderKey);
            }
        }
        List<OurBid> ours = ourBids(plan, tenderKey);
        Optional<OurBid> pending = ours.stream().filter(b -> b.view().ledgerState() != LedgerState.COMMITTED).findFirst();
        if (pending.isPresent()) {
            return DemoProgress.waiting(ref, pending.get().key() + " awaits the ledger");
        }
        if (tender.status() == TenderStatus.EVALUATION && view.bids().stream().anyMatch(b -> !b.opened()
                && !b.withdrawn() && b.ledgerState() == LedgerState.COMMITTED)) {
            // Opened while a bid was still on its way to the ledger (a visitor's, say): open the rest now.
            return open(plan, tenderKey, ocid);
        }
        if (done.size() == planned.size()) {
            if (tender.status() != TenderStatus.ACTIVE_TENDERING && holders.holdsKeysOf(tenderKey)) {
                holders.forget(tenderKey);
            }
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
            case CANCEL -> {
                tenders.cancel(plan.clerk(), ocid, version, plan.reason());
                // Its bids will never be opened: nothing needs the holders' keys any more.
                holders.forget(tenderKey);
            }
            case OPEN_BIDS -> {
                Instant notBefore = tender.bidDeadline().plus(DEADLINE_MARGIN);
                if (now.isBefore(notBefore)) {
                    return DemoProgress.waitingUntil(ref, tenderKey + " waits for its bid deadline", notBefore);
                }
                return postSharesOrOpen(plan, tenderKey, ocid);
            }
            case AWARD -> {
                // Among every validly opened bid on the ledger, not only the demo's: a visitor may have bid too.
                Optional<BidView> lowest = view.bids().stream()
                        .filter(b -> b.valid() && b.ledgerState() == LedgerState.COMMITTED)
                        .min(Comparator.comparing(BidView::amount).thenComparing(BidView::number));
                if (lowest.isEmpty()) {
                    return DemoProgress.skipped(ref, tenderKey + " has no valid bid to award");
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
        Optional<String> missing = missingSupplier(plan.bids());
        if (missing.isPresent()) {
            return DemoProgress.skipped(plan.ref(), missing.get());
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
        DemoKeyHolders.NewOpening opening = holders.newOpening(DemoTenderPlan.HOLDERS, DemoTenderPlan.THRESHOLD);
        // The plan's own bidding period: the office's minimum is for real tenders.
        SubmissionAck ack = tenders.publish(plan.clerk(), plan.entityCode(), terms, opening.opening(), Duration.ZERO);
        holders.keep(ack.recordKey(), opening, now);
        demoItems.add(plan.ref(), ack.recordKey(), now);
        demoRecords.add(ack.recordKey(), now);
        return DemoProgress.applied(plan.ref(), "published as " + ack.recordKey() + ", sealed to " + opening.opening().threshold()
                + " of " + opening.opening().n() + " holders, bid deadline " + deadline);
    }

    /** A short period ends that many seconds from now; a long one at noon Bhutan time on its last day. */
    static Instant deadline(DemoTender plan, Instant now) {
        Instant end = now.plus(plan.bidPeriod());
        if (plan.bidPeriod().compareTo(Duration.ofDays(1)) < 0) {
            return end.truncatedTo(ChronoUnit.SECONDS);
        }
        return end.atZone(ProcurementPolicy.BHUTAN).toLocalDate().atTime(DEADLINE_TIME).atZone(ProcurementPolicy.BHUTAN).toInstant();
    }

    /** Why the demo cannot bid as one of these bids' suppliers (its account is not there), if so. */
    private Optional<String> missingSupplier(List<DemoBid> bids) {
        return bids.stream().map(DemoBid::supplier).filter(s -> suppliers.findByUsername(s).isEmpty()).findFirst()
                .map(s -> "the demo supplier " + s + " is not registered (the demo suppliers are seeded with the demo staff)");
    }

    /** Seals the bid as the supplier's browser would, to the tender's holders, and lodges it as the supplier. */
    private void lodge(DemoTender plan, Tender tender, DemoBid bid, Instant now) {
        Supplier supplier = suppliers.findByUsername(bid.supplier()).orElseThrow();
        String supplierId = supplier.registrationNumber().value();
        String bidJson = new SealedBidContent(tender.ocid(), supplierId, bid.price(), SealedBidContent.BTN, List.of()).toCanonicalJson();
        List<byte[]> holderKeys = tender.opening().holders().stream()
                .map(h -> Base64.getUrlDecoder().decode(h.publicKeySpki())).toList();
        String envelope = EnvelopeSealer.seal(tender.ocid(), bidJson, List.of(), holderKeys, tender.opening().threshold())
                .toCanonicalJson();
        SubmissionAck ack = sealedBids.lodge(supplierId, supplier.businessName(), tender.ocid(), envelope);
        demoItems.add(plan.bidRef(bid), ack.recordKey(), now);
        demoRecords.add(ack.recordKey(), now);
    }

    /**
     * After the deadline: the next demo holder that has not posted its shares posts them (one per
     * round, each a ledger transaction of its own); once they all have, the clerk opens every bid.
     */
    private DemoProgress postSharesOrOpen(DemoTender plan, String tenderKey, String ocid) {
        if (!holders.holdsKeysOf(tenderKey)) {
            return DemoProgress.skipped(plan.ref(), "the demo no longer holds the opening keys of " + tenderKey);
        }
        Set<Integer> posted;
        try {
            posted = holders.posted(ocid);
        } catch (LedgerUnavailableException e) {
            return DemoProgress.waiting(plan.ref(), "the ledger cannot be reached to read the shares of " + tenderKey);
        }
        for (int index : DemoTenderPlan.POSTING) {
            if (posted.contains(index)) {
                continue;
            }
            try {
                holders.post(tenderKey, ocid, index, DemoTenderPlan.HOLDERS.get(index - 1));
            } catch (ValidationException e) {
                if (SHARES_LATER.contains(e.errors().get(0).code())) {
                    return DemoProgress.waiting(plan.ref(), "holder " + index + " of " + tenderKey + ": " + e.getMessage());
                }
                throw e;
            }
            return DemoProgress.applied(plan.ref(), "holder " + index + " posted its shares of " + tenderKey);
        }
        return open(plan, tenderKey, ocid);
    }

    private DemoProgress open(DemoTender plan, String tenderKey, String ocid) {
        SealedBids.OpeningReport report;
        try {
            report = sealedBids.openAll(plan.clerk(), ocid);
        } catch (LedgerUnavailableException e) {
            return DemoProgress.waiting(plan.ref(), "the ledger cannot be reached to read the shares of " + tenderKey);
        }
        if (report.waiting().isEmpty()) {
            holders.forget(tenderKey);
        }
        String verdicts = report.opened().stream().map(BidVerdict::line).collect(Collectors.joining("; "));
        return DemoProgress.applied(plan.ref(), report.opened().size() + " bid(s) of " + tenderKey + " opened"
                + (verdicts.isEmpty() ? "" : ": " + verdicts) + (report.waiting().isEmpty() ? "" : "; waiting: " + report.waiting()));
    }

    /**
     * The plan's bids that were lodged and are still the demo's: a bid whose lodging the ledger
     * refused, or whose record is not a bid on this tender, is left alone.
     */
    private List<OurBid> ourBids(DemoTender plan, String tenderKey) {
        List<OurBid> ours = new ArrayList<>();
        for (DemoBid bid : plan.bids()) {
            Optional<String> key = demoItems.recordKeyOf(plan.bidRef(bid));
            if (key.isEmpty()) {
                continue;
            }
            if (queries.versions(key.get()).stream().anyMatch(v -> v.ledgerState() == LedgerState.REJECTED)) {
                continue;
            }
            Optional<BidView> view = procurement.bid(key.get());
            if (view.isEmpty() || !view.get().tenderKey().equals(tenderKey)) {
                continue;
            }
            ours.add(new OurBid(bid, key.get(), view.get()));
        }
        return ours;
    }
}
