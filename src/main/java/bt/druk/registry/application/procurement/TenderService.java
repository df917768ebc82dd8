package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderJson;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A procurement clerk's use cases for tenders. Every change is a new tender version through the
 * record pipeline, checked here by the same rules the chaincode applies when it arrives there.
 */
@ApplicationScoped
@Transactional
public class TenderService {

    /** The chaincode function that publishes a tender with its opening key holders. */
    static final String PUBLISH_SEALED = "PublishSealedTender";

    private RecordPipeline pipeline;
    private TenderRepository tenders;
    private ProcuringEntities entities;
    private ProcurementPolicy policy;
    private Clock clock;

    protected TenderService() {
    }

    @Inject
    public TenderService(RecordPipeline pipeline, TenderRepository tenders, ProcuringEntities entities,
                         ProcurementPolicy policy, Clock clock) {
        this.pipeline = pipeline;
        this.tenders = tenders;
        this.entities = entities;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Publishes a tender open for bids until its deadline, at least the policy's minimum bidding
     * period away. Every tender is sealed (issue 25): bids are encrypted in the suppliers' browsers to
     * {@code opening}'s holders and opened once k of them post their shares ({@code PublishSealedTender}).
     */
    public SubmissionAck publish(StaffMember actor, String entityCode, Tender.Terms terms, TenderOpening opening) {
        return publish(actor, entityCode, terms, opening, policy.minimumBidPeriod());
    }

    /** As {@link #publish(StaffMember, String, Tender.Terms, TenderOpening)} with another minimum (demo content, tests). */
    public SubmissionAck publish(StaffMember actor, String entityCode, Tender.Terms terms, TenderOpening opening,
                                 Duration minimumBidPeriod) {
        java.util.Objects.requireNonNull(opening, "opening");
        actor.requireClerkOf(Register.PROCUREMENT);
        ProcuringEntity entity = entities.find(entityCode)
                .orElseThrow(() -> ValidationException.of("entity", "tender.entity", "Choose the procuring agency"));
        Instant now = now();
        int year = now.atZone(policy.zone()).getYear();
        // Checked before a serial is used up, so that a refused form does not leave a gap in the numbers.
        Tender.publish(policy.ocidPrefix() + "-" + year + "-0000", entity.code() + "/" + year + "/000", entity, terms, opening,
                now.plus(minimumBidPeriod), actor.publicRole(), actor.office(), now);
        int serial = tenders.nextSerial(year);
        String ocid = String.format("%s-%d-%04d", policy.ocidPrefix(), year, serial);
        String number = String.format("%s/%d/%03d", entity.code(), year, serial);
        Tender tender = Tender.publish(ocid, number, entity, terms, opening, now.plus(minimumBidPeriod), actor.publicRole(),
                actor.office(), now);
        return pipeline.append(draft(actor, tender, 0,
                LedgerCall.Factory.standard(PUBLISH_SEALED, actor.office(), tender.bidDeadline().toString(), opening.ledgerJson())));
    }

    public SubmissionAck amend(StaffMember actor, String ocid, Integer expectedVersion, Tender.Terms terms, String reason) {
        return change(actor, ocid, expectedVersion, TenderOperation.AMEND,
                t -> t.amend(terms, reason, now().plus(policy.minimumBidPeriod()), actor.publicRole(), actor.office(), now()),
                t -> new String[] {t.bidDeadline().toString()});
    }

    public SubmissionAck cancel(StaffMember actor, String ocid, Integer expectedVersion, String reason) {
        return change(actor, ocid, expectedVersion, TenderOperation.CANCEL,
                t -> t.cancel(reason, actor.publicRole(), actor.office(), now()), t -> new String[] {t.statusReason()});
    }

    public SubmissionAck openBids(StaffMember actor, String ocid, Integer expectedVersion) {
        return change(actor, ocid, expectedVersion, TenderOperation.OPEN_BIDS,
                t -> t.openBids(actor.publicRole(), actor.office(), now()), t -> new String[0]);
    }

    /** Awards to a bid whose opening as valid is on the ledger (the chaincode refuses any other award). */
    public SubmissionAck award(StaffMember actor, String ocid, Integer expectedVersion, String bidKey) {
        RecordKey key = parseBidKey(bidKey);
        BidSummary bid = tenders.findBid(key.toString())
                .orElseThrow(() -> ValidationException.of("bid", "tender.award.bid", "Choose one of this tender's bids"));
        if (!bid.valid()) {
            throw ValidationException.of("bid", "tender.award.sealed", "Only a bid opened as valid can be awarded");
        }
        RecordVersion opening = pipeline.current(key.toString()).orElseThrow();
        if (opening.ledgerState() != LedgerState.COMMITTED) {
            throw ValidationException.of("bid", "tender.award.pending",
                    "This bid's opening is still waiting for the ledger; award it once the opening is committed");
        }
        return change(actor, ocid, expectedVersion, TenderOperation.AWARD,
                t -> t.award(key, actor.publicRole(), actor.office(), now()), t -> new String[] {key.toString()});
    }

    public SubmissionAck complete(StaffMember actor, String ocid, Integer expectedVersion) {
        return change(actor, ocid, expectedVersion, TenderOperation.COMPLETE,
                t -> t.complete(actor.publicRole(), actor.office(), now()), t -> new String[0]);
    }

    public SubmissionAck unsuccessful(StaffMember actor, String ocid, Integer expectedVersion, String reason) {
        return change(actor, ocid, expectedVersion, TenderOperation.UNSUCCESSFUL,
                t -> t.unsuccessful(reason, actor.publicRole(), actor.office(), now()), t -> new String[] {t.statusReason()});
    }

    private SubmissionAck change(StaffMember actor, String ocid, Integer expectedVersion, TenderOperation operation,
                                 UnaryOperator<Tender> apply, java.util.function.Function<Tender, String[]> extraArguments) {
        actor.requireClerkOf(Register.PROCUREMENT);
        RecordKey key = Tender.keyOf(ocid == null ? "" : ocid.trim());
        RecordVersion current = pipeline.lockCurrent(key.toString())
                .orElseThrow(() -> new RecordNotFoundException("No tender " + ocid));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConcurrentUpdateException("Tender " + ocid + " is now at version " + current.version()
                    + " (you were looking at version " + expectedVersion + "); reload and try again");
        }
        Tender after = apply.apply(read(current));
        return pipeline.append(draft(actor, after, current.version(),
                LedgerCall.Factory.standard(operation.chaincodeFunction(), extraArguments.apply(after))));
    }

    static Tender read(RecordVersion version) {
        return TenderJson.fromJson(RecordDocument.dataOf(version.canonicalJson()));
    }

    private static VersionDraft draft(StaffMember actor, Tender tender, int baseVersion, LedgerCall.Factory call) {
        return new VersionDraft(tender.key(), Register.PROCUREMENT, baseVersion, tender.event().operation().name(),
                TenderJson.toJson(tender), List.of(), LedgerImprint.DOCUMENT, call, actor.username(), actor.office());
    }

    private static RecordKey parseBidKey(String bidKey) {
        try {
            RecordKey key = RecordKey.parse(bidKey == null ? "" : bidKey.trim());
            if (key.isKind(BidKeys.KIND)) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ValidationException.of("bid", "tender.award.bid", "Choose one of this tender's bids");
    }

    /** Ledger times are compared to the second; so are ours. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
