package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.procurement.BidDocument;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.LodgedBid;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lodging a sealed bid's commitment before the deadline and revealing the bid after it, either by
 * the bidder on the public pages (through the portal's bid-box ledger identity) or by a
 * procurement clerk for a paper bid. The portal never sees a price before the reveal: only the
 * commitment reaches it.
 */
@ApplicationScoped
@Transactional
public class BidService {

    private RecordPipeline pipeline;
    private TenderRepository tenders;
    private ProcurementPolicy policy;
    private Clock clock;

    protected BidService() {
    }

    @Inject
    public BidService(RecordPipeline pipeline, TenderRepository tenders, ProcurementPolicy policy, Clock clock) {
        this.pipeline = pipeline;
        this.tenders = tenders;
        this.policy = policy;
        this.clock = clock;
    }

    /** Who lodges or reveals: the ledger identity that signs, the office, and what the record says. */
    private record Lodger(String identity, String office, String channel, String recordedAs) {
    }

    /** A bidder lodges a commitment on the public "seal my bid" page. */
    public SubmissionAck lodgeOnline(String ocid, String commitment) {
        return lodge(ocid, commitment, null);
    }

    /** A clerk lodges the commitment of a paper bid at the counter. */
    public SubmissionAck lodgeAtCounter(StaffMember clerk, String ocid, String commitment) {
        clerk.requireClerkOf(Register.PROCUREMENT);
        return lodge(ocid, commitment, clerk);
    }

    /** A bidder reveals at the opening by uploading the sealed-bid file and the bid's documents. */
    public SubmissionAck revealOnline(String bidKey, String sealedBidFile, List<StoredFile> documents) {
        return reveal(bidKey, sealedBidFile, documents, null);
    }

    public SubmissionAck revealAtCounter(StaffMember clerk, String bidKey, String sealedBidFile, List<StoredFile> documents) {
        clerk.requireClerkOf(Register.PROCUREMENT);
        return reveal(bidKey, sealedBidFile, documents, clerk);
    }

    private SubmissionAck lodge(String ocid, String commitment, StaffMember clerk) {
        String hash = commitment == null ? "" : commitment.trim().toLowerCase(Locale.ROOT);
        if (!CanonicalJson.isSha256Hex(hash)) {
            throw ValidationException.of("commitment", "bid.commitment.format",
                    "A commitment is 64 hexadecimal characters; seal the bid on this page to get one");
        }
        String tenderKey = Tender.keyOf(ocid == null ? "" : ocid.trim()).toString();
        // Locking the tender serialises bid numbers and keeps an amendment from passing a bid midway.
        RecordVersion tenderVersion = pipeline.lockCurrent(tenderKey)
                .orElseThrow(() -> ValidationException.of("tender", "bid.tender.unknown", "There is no tender " + ocid));
        Tender tender = TenderService.read(tenderVersion);
        Instant now = clock.instant();
        if (!tender.acceptsBidsAt(now)) {
            throw ValidationException.of("", "bid.closed", "This tender no longer accepts bids: the deadline was "
                    + tender.bidDeadline() + " and it is " + tender.status().ledgerCode());
        }
        if (pipeline.firstVersion(tenderKey).map(v -> v.ledgerState() != LedgerState.COMMITTED).orElse(true)) {
            throw ValidationException.of("", "bid.tender.pending",
                    "This tender is still waiting for the ledger; bids can be lodged once it is published there");
        }
        List<BidSummary> bids = tenders.bidsOf(tenderKey);
        if (bids.stream().anyMatch(b -> b.commitment().equals(hash))) {
            throw ValidationException.of("commitment", "bid.commitment.duplicate", "This commitment is already lodged for this tender");
        }
        int number = bids.stream().mapToInt(BidSummary::bidNumber).max().orElse(0) + 1;
        RecordKey key = BidKeys.of(tender.ocid(), number);
        Lodger lodger = lodger(clerk, tenderVersion.office());
        LodgedBid bid = LodgedBid.lodge(key, tenderKey, hash, lodger.channel(), lodger.recordedAs(), now);
        LedgerCall.Factory call = (k, version, ledgerHash, previousHash) ->
                LedgerCall.of("CommitBid", k, tenderKey, ledgerHash, lodger.office());
        return pipeline.append(new VersionDraft(key, Register.PROCUREMENT, 0, "BID_LODGED", bid.toJson(), List.of(),
                new BidImprints.Commitment(), call, lodger.identity(), lodger.office()));
    }

    private SubmissionAck reveal(String bidKey, String sealedBidFile, List<StoredFile> documents, StaffMember clerk) {
        if (sealedBidFile == null || sealedBidFile.isBlank()) {
            throw ValidationException.of("file", "bid.reveal.file", "Choose the sealed-bid file you downloaded when sealing");
        }
        RecordKey key = RecordKey.parse(bidKey);
        RecordVersion current = pipeline.lockCurrent(key.toString())
                .orElseThrow(() -> ValidationException.of("bid", "bid.unknown", "There is no bid " + bidKey));
        if (SealedBidRecord.isSealed(RecordDocument.dataOf(current.canonicalJson()))) {
            throw ValidationException.of("", "bid.reveal.sealed",
                    "This bid is sealed to the tender's opening key holders: it is opened with every other bid, never revealed");
        }
        LodgedBid lodged = LodgedBid.fromJson(key, RecordDocument.dataOf(current.canonicalJson()));
        if (lodged.isRevealed()) {
            throw ValidationException.of("", "bid.reveal.done", "This bid is already revealed");
        }
        if (current.ledgerState() != LedgerState.COMMITTED) {
            throw ValidationException.of("", "bid.reveal.pending", "This bid's commitment is still waiting for the ledger");
        }
        Tender tender = TenderService.read(pipeline.current(lodged.tenderKey()).orElseThrow());
        Instant now = clock.instant();
        if (now.isBefore(tender.bidDeadline())) {
            throw ValidationException.of("", "bid.reveal.early", "Bids can be revealed only after the bid deadline, "
                    + tender.bidDeadline());
        }
        if (tender.status() != TenderStatus.ACTIVE_TENDERING && tender.status() != TenderStatus.EVALUATION) {
            throw ValidationException.of("", "bid.reveal.closed", "This tender is " + tender.status().ledgerCode()
                    + "; bids can no longer be revealed");
        }
        SealedBid sealed = SealedBid.parse(sealedBidFile);
        checkDocuments(sealed, documents);
        Lodger lodger = lodger(clerk, current.office());
        LodgedBid revealed = lodged.reveal(sealed, lodger.recordedAs(), now);
        String salt = sealed.salt();
        LedgerCall.Factory call = (k, version, ledgerHash, previousHash) -> LedgerCall.of("RevealBid", k, ledgerHash, salt);
        return pipeline.append(new VersionDraft(key, Register.PROCUREMENT, current.version(), "BID_REVEALED",
                revealed.toJson(), List.of(), new BidImprints.Reveal(), call, lodger.identity(), lodger.office()));
    }

    /** Every document the bid lists must be uploaded, and nothing else. */
    private static void checkDocuments(SealedBid sealed, List<StoredFile> documents) {
        Set<String> listed = sealed.bid().documents().stream().map(BidDocument::sha256).collect(Collectors.toSet());
        Set<String> uploaded = documents.stream().map(StoredFile::sha256).collect(Collectors.toSet());
        ValidationException.Collector errors = new ValidationException.Collector();
        for (BidDocument d : sealed.bid().documents()) {
            if (!uploaded.contains(d.sha256())) {
                errors.add("documents", "bid.reveal.documentMissing", "The bid lists \"" + d.name()
                        + "\" but no uploaded file has its hash; upload exactly the files you sealed");
            }
        }
        for (StoredFile f : documents) {
            if (!listed.contains(f.sha256())) {
                errors.add("documents", "bid.reveal.documentUnknown", "\"" + f.originalName()
                        + "\" is not one of the documents sealed in this bid (it was changed, or is another file)");
            }
        }
        errors.throwIfAny();
    }

    private Lodger lodger(StaffMember clerk, String tenderOffice) {
        if (clerk == null) {
            return new Lodger(policy.bidBoxIdentity(), tenderOffice, LodgedBid.ONLINE, LodgedBid.ONLINE);
        }
        return new Lodger(clerk.username(), clerk.office(), LodgedBid.COUNTER, clerk.publicRole());
    }
}
