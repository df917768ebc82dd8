package bt.druk.registry.application.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.SealedBidSuppliers;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sealed bids (issue 25): a known supplier lodges one envelope per tender, encrypted in its browser
 * to the tender's opening key holders; after the deadline each holder posts its shares (decrypted in
 * its own browser) straight to the ledger; once k have, a clerk of the tender's office opens every
 * bid at once. Nobody chooses whether a bid is opened: not the bidder, not the clerk.
 *
 * <p>Envelopes of withdrawn and refused bids are removed by {@link EnvelopeSweeper}.
 *
 * <p>Transactions cover the database work only. Lodging and withdrawing are one transaction each
 * (the ledger hears of them later, through the outbox). Posting shares waits for the ledger and
 * runs outside any transaction; so does the opening's read of the shares, after which
 * {@link SealedBidOpening} records every verdict in one transaction.
 */
@ApplicationScoped
public class SealedBids {

    /** A 20 MB document is about 27 MB of base64url; the rest of the envelope is small. */
    public static final int MAX_ENVELOPE_CHARS = 40 * 1024 * 1024;
    static final String LODGE = "LodgeSealedBid";
    static final String WITHDRAW = "WithdrawBid";
    static final String POST_SHARES = "PostOpeningShares";
    static final String OPEN = "OpenBid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordPipeline pipeline;
    private TenderRepository tenders;
    private SealedBidSuppliers suppliers;
    private EnvelopeStore envelopes;
    private OpeningKeys openingKeys;
    private SealedBidOpening opening;
    private EnvelopeSweeper sweeper;
    private Ledger ledger;
    private ProcurementPolicy policy;
    private Clock clock;

    protected SealedBids() {
    }

    @Inject
    public SealedBids(RecordPipeline pipeline, TenderRepository tenders, SealedBidSuppliers suppliers, EnvelopeStore envelopes,
                      OpeningKeys openingKeys, SealedBidOpening opening, EnvelopeSweeper sweeper, Ledger ledger,
                      ProcurementPolicy policy, Clock clock) {
        this.pipeline = pipeline;
        this.tenders = tenders;
        this.suppliers = suppliers;
        this.envelopes = envelopes;
        this.openingKeys = openingKeys;
        this.opening = opening;
        this.sweeper = sweeper;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the opening did with each bid: its report line, and whether it was recorded now. */
    public record OpeningReport(List<BidVerdict> opened, List<String> waiting) {
    }

    /**
     * The supplier {@code supplierId} ({@code supplierName}) lodges the envelope its browser sealed.
     * Refused with the reason when the tender is not sealed or closed, the envelope is not sealed to
     * this tender's holders, or the supplier already has a live bid on it.
     */
    @Transactional
    public SubmissionAck lodge(String supplierId, String supplierName, String ocid, String envelopeText) {
        if (envelopeText == null || envelopeText.isEmpty()) {
            throw ValidationException.of("envelope", "sealedBid.envelope.missing", "Seal your bid on this page before lodging it");
        }
        if (envelopeText.length() > MAX_ENVELOPE_CHARS) {
            throw ValidationException.of("envelope", "sealedBid.envelope.size",
                    "The sealed bid is over " + MAX_ENVELOPE_CHARS / (1024 * 1024) + " MiB; attach smaller documents");
        }
        SealedEnvelope envelope = SealedEnvelope.parse(envelopeText);
        String tenderKey = Tender.keyOf(ocid == null ? "" : ocid.trim()).toString();
        // Locking the tender serialises bid numbers and one-bid-per-supplier checks.
        RecordVersion tenderVersion = pipeline.lockCurrent(tenderKey)
                .orElseThrow(() -> ValidationException.of("tender", "bid.tender.unknown", "There is no tender " + ocid));
        Tender tender = TenderService.read(tenderVersion);
        Instant now = now();
        requireSealed(tender);
        if (!tender.acceptsBidsAt(now)) {
            throw ValidationException.of("", "bid.closed", "This tender no longer accepts bids: the deadline was "
                    + tender.bidDeadline() + " and it is " + tender.status().ledgerCode());
        }
        if (pipeline.firstVersion(tenderKey).map(v -> v.ledgerState() != LedgerState.COMMITTED).orElse(true)) {
            throw ValidationException.of("", "bid.tender.pending",
                    "This tender is still waiting for the ledger; bids can be lodged once it is published there");
        }
        requireSealedTo(envelope, tender);
        if (liveBidOf(tenderKey, supplierId).isPresent()) {
            throw ValidationException.of("", "sealedBid.oneBid",
                    "You already have a bid on this tender; withdraw it before lodging another");
        }
        // The envelope is on disk, flushed, before the bid's rows are even written, so every bid whose
        // transaction commits (the only kind the supplier gets a 201 for) has its envelope. Written
        // after the commit, a failed write would leave a bid on its way to the ledger with nothing to
        // open. A rollback from here leaves an envelope no bid names: EnvelopeSweeper removes it once
        // it is older than the grace period, never sooner, as a lodging in flight looks the same.
        String envelopeSha256 = store(envelopeText);
        // Counted from the supplier rows, which keep the numbers of lodgings the ledger refused; the
        // bid list drops those, and reusing one would collide with its key.
        int number = suppliers.lodgingsOn(tenderKey) + 1;
        RecordKey key = BidKeys.of(tender.ocid(), number);
        String salt = randomSalt();
        String commitment = supplierCommitment(tenderKey, supplierId, salt);
        suppliers.add(new SealedBidSupplier(key.toString(), tenderKey, supplierId, supplierName, salt, now));
        List<String> shareHashes = envelope.shares().stream().map(SealedEnvelope.Share::shareSha256).toList();
        SealedBidRecord bid = SealedBidRecord.lodge(key, tenderKey, envelopeSha256, shareHashes, commitment, now);
        String office = tenderVersion.office();
        String shareHashesJson = jsonArray(shareHashes);
        LedgerCall.Factory call = (k, version, ledgerHash, previousHash) ->
                LedgerCall.of(LODGE, k, tenderKey, ledgerHash, commitment, shareHashesJson, office);
        return pipeline.append(new VersionDraft(key, Register.PROCUREMENT, 0, "BID_LODGED", bid.toJson(), List.of(),
                new BidImprints.SealedEnvelope(), call, policy.bidBoxIdentity(), office));
    }

    /** The supplier withdraws its lodged bid before the deadline, e.g. to lodge a corrected one. */
    @Transactional
    public SubmissionAck withdraw(String supplierId, String bidKey) {
        SealedBidSupplier link = suppliers.find(bidKey == null ? "" : bidKey.trim())
                .filter(s -> s.supplierId().equals(supplierId))
                .orElseThrow(() -> ValidationException.of("bid", "sealedBid.notYours", "You have no bid " + bidKey));
        RecordVersion current = pipeline.lockCurrent(link.bidKey()).orElseThrow();
        SealedBidRecord bid = SealedBidRecord.fromJson(RecordKey.parse(link.bidKey()), RecordDocument.dataOf(current.canonicalJson()));
        if (!bid.isLodged()) {
            throw ValidationException.of("", "sealedBid.withdraw.state", "This bid is " + bid.status() + "; only a lodged bid can be withdrawn");
        }
        if (current.ledgerState() != LedgerState.COMMITTED) {
            throw ValidationException.of("", "sealedBid.withdraw.pending",
                    "This bid is still waiting for the ledger; withdraw it once it is lodged there");
        }
        Tender tender = TenderService.read(pipeline.current(bid.tenderKey()).orElseThrow());
        Instant now = now();
        if (!now.isBefore(tender.bidDeadline())) {
            throw ValidationException.of("", "sealedBid.withdraw.late", "The bid deadline has passed; bids can no longer be withdrawn");
        }
        SubmissionAck ack = pipeline.append(new VersionDraft(bid.key(), Register.PROCUREMENT, current.version(), "BID_WITHDRAWN",
                bid.withdraw(now).toJson(), List.of(), LedgerImprint.DOCUMENT, LedgerCall.Factory.standard(WITHDRAW),
                policy.bidBoxIdentity(), current.office()));
        // Not removed yet: the ledger may still refuse the withdrawal, and the bid then stands lodged.
        sweeper.withdrawalStored(bid.envelopeSha256());
        return ack;
    }

    /** The supplier's bid on the tender that is lodged and not withdrawn, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SealedBidRecord> liveBidOf(String tenderKey, String supplierId) {
        for (SealedBidSupplier s : suppliers.ofSupplier(tenderKey, supplierId)) {
            Optional<SealedBidRecord> bid = record(s.bidKey()).filter(SealedBidRecord::isLodged);
            if (bid.isPresent()) {
                return bid;
            }
        }
        return Optional.empty();
    }

    /** Every bid the supplier lodged on the tender, newest first (withdrawn ones too). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SealedBidRecord> bidsOf(String tenderKey, String supplierId) {
        List<SealedBidRecord> bids = new ArrayList<>();
        suppliers.ofSupplier(tenderKey, supplierId).forEach(s -> record(s.bidKey()).ifPresent(b -> bids.add(0, b)));
        return bids;
    }

    /** The envelopes of a sealed tender's bids that are not withdrawn, by bid key: what holders decrypt their shares of. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> envelopesToOpen(String ocid) {
        Tender tender = tender(ocid);
        requireSealed(tender);
        if (now().isBefore(tender.bidDeadline())) {
            throw ValidationException.of("", "sealedBid.shares.early", "The envelopes are handed to the holders after the bid deadline, "
                    + tender.bidDeadline());
        }
        Map<String, String> out = new TreeMap<>();
        for (BidSummary b : tenders.bidsOf(tender.key().toString())) {
            Optional<SealedBidRecord> bid = record(b.recordKey());
            if (bid.isPresent() && !SealedBidRecord.WITHDRAWN.equals(bid.get().status())) {
                out.put(b.recordKey(), envelope(bid.get().envelopeSha256()).orElse(null));
            }
        }
        return out;
    }

    /** Whether any bid of the tender is still lodged (sealed, not withdrawn, not yet opened). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasUnopened(String ocid) {
        return tenders.bidsOf(Tender.keyOf(ocid == null ? "" : ocid.trim()).toString()).stream()
                .anyMatch(b -> record(b.recordKey()).map(SealedBidRecord::isLodged).orElse(false));
    }

    /** Which holder of the tender this member is (by the key they registered), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TenderOpening.Holder> holderOf(StaffMember staff, String ocid) {
        Tender tender = tender(ocid);
        if (!tender.isSealed()) {
            return Optional.empty();
        }
        return openingKeys.find(staff.username()).map(OpeningKey::publicKeySha256).flatMap(tender.opening()::holderWithKey);
    }

    /**
     * A holder posts its shares of every bid, decrypted in its own browser: per bid key the 33-byte
     * share (base64url) or null where its share would not decrypt. Sent to the ledger at once, signed
     * as the member (the ledger checks the organisation and its own clock); nothing is kept here.
     * Runs outside any transaction: it waits for the ledger's commit, and holds nothing meanwhile.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String postShares(StaffMember staff, String ocid, Map<String, String> shares) {
        Tender tender = tender(ocid);
        requireSealed(tender);
        TenderOpening.Holder holder = holderOf(staff, ocid).orElseThrow(() -> ValidationException.of("", "sealedBid.shares.notHolder",
                "You are not one of this tender's opening key holders (or your opening key changed since it was published)"));
        return post(staff, tender, holder, shares);
    }

    /**
     * As {@link #postShares(StaffMember, String, Map)} for the holder whose public key has this hash,
     * posted by {@code staff} for the holder's organisation: for a caller that keeps the holder's
     * private key itself rather than as a staff member's registered opening key. Only the demo
     * content does (it plays invented holders, whose keys must never be among the staff's). The
     * ledger's checks are the same: the organisation, its clock, each share against its hash.
     */
    public String postSharesOfKey(StaffMember staff, String ocid, String holderKeySha256, Map<String, String> shares) {
        Tender tender = tender(ocid);
        requireSealed(tender);
        TenderOpening.Holder holder = tender.opening().holderWithKey(holderKeySha256).orElseThrow(() -> ValidationException.of("",
                "sealedBid.shares.notHolder", "No opening key holder of " + ocid + " has the key " + holderKeySha256));
        return post(staff, tender, holder, shares);
    }

    private String post(StaffMember staff, Tender tender, TenderOpening.Holder holder, Map<String, String> shares) {
        if (!holder.msp().equals(OpeningKeys.mspOf(staff))) {
            throw ValidationException.of("", "sealedBid.shares.organisation", "Holder " + holder.index() + " posts as " + holder.msp()
                    + "; you sign for " + OpeningKeys.mspOf(staff));
        }
        if (now().isBefore(tender.bidDeadline())) {
            throw ValidationException.of("", "sealedBid.shares.early", "Shares can be posted only after the bid deadline, "
                    + tender.bidDeadline());
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(shares).entrySet()) {
            if (e.getValue() == null) {
                json.addNull(e.getKey());
                continue;
            }
            byte[] bytes;
            try {
                bytes = Base64.getUrlDecoder().decode(e.getValue());
            } catch (IllegalArgumentException ex) {
                bytes = new byte[0];
            }
            if (bytes.length != SealedEnvelope.SHARE_LENGTH || (bytes[0] & 0xff) != holder.index()) {
                throw ValidationException.of("shares", "sealedBid.shares.format", "The share of " + e.getKey()
                        + " is not share " + holder.index() + " (33 bytes, base64url)");
            }
            json.add(e.getKey(), e.getValue());
        }
        String sharesJson = CanonicalJson.canonicalize(json.build());
        SubmissionOutcome outcome = ledger.submit(LedgerCall.of(POST_SHARES, tender.key().toString(),
                Integer.toString(holder.index()), sharesJson), staff.username());
        if (outcome instanceof SubmissionOutcome.Committed committed) {
            return committed.txId();
        }
        if (outcome instanceof SubmissionOutcome.Refused refused) {
            throw switch (refused.code()) {
                case "ALREADY_RECORDED", "ALREADY_EXISTS" -> ValidationException.of("", "sealedBid.shares.posted",
                        "Your shares of this tender are already on the ledger; a holder posts once");
                case "DEADLINE_NOT_REACHED" -> ValidationException.of("", "sealedBid.shares.early",
                        "The ledger says the bid deadline has not passed yet; try again after it");
                case "COMMITMENT_MISMATCH" -> ValidationException.of("", "sealedBid.shares.mismatch",
                        "A share does not match its hash lodged with its bid: decrypt the shares again");
                default -> ValidationException.of("", "sealedBid.shares.refused",
                        "The ledger refused the shares: [" + refused.code() + "] " + refused.message());
            };
        }
        throw ValidationException.of("", "sealedBid.shares.unavailable",
                "The ledger cannot be reached, so nothing was posted; your key stays with you, try again in a minute");
    }

    /**
     * A clerk of the tender's office opens every lodged bid at once, from the shares on the ledger:
     * each becomes {@code opened} with its price or {@code invalid} with the reason. A bid with fewer
     * than k usable shares waits while holders have still to post, and is invalid (undecryptable)
     * once every holder has. The shares are read outside any transaction; {@link SealedBidOpening}
     * then records the verdicts in one.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OpeningReport openAll(StaffMember clerk, String ocid) {
        Instant now = now();
        Tender tender = TenderService.read(openableBy(pipeline, clerk, ocid, now));
        List<PostedShares> posted = ledger.openingShares(tender.key().toString());
        TenderOpening holders = tender.opening();
        if (posted.size() < holders.threshold()) {
            throw ValidationException.of("", "sealedBid.open.shares", posted.size() + " of the " + holders.n()
                    + " opening key holders have posted their shares; the bids can be opened once " + holders.threshold() + " have");
        }
        return opening.record(clerk, ocid, posted, now);
    }

    /**
     * The sealed tender's current version, if {@code clerk} may open its bids at {@code now}: a
     * procurement clerk of its own office, after the deadline, while it is tendering or in evaluation.
     */
    static RecordVersion openableBy(RecordPipeline pipeline, StaffMember clerk, String ocid, Instant now) {
        clerk.requireClerkOf(Register.PROCUREMENT);
        RecordVersion tenderVersion = pipeline.current(Tender.keyOf(ocid == null ? "" : ocid.trim()).toString())
                .orElseThrow(() -> ValidationException.of("tender", "bid.tender.unknown", "There is no tender " + ocid));
        Tender tender = TenderService.read(tenderVersion);
        requireSealed(tender);
        if (!clerk.office().equals(tenderVersion.office())) {
            throw new AccessDeniedException(clerk.username() + " is of office " + clerk.office() + "; the bids of " + ocid
                    + " are opened by its own office, " + tenderVersion.office());
        }
        if (now.isBefore(tender.bidDeadline())) {
            throw ValidationException.of("", "tender.open.early", "Bids cannot be opened before the bid deadline");
        }
        if (tender.status() != TenderStatus.ACTIVE_TENDERING && tender.status() != TenderStatus.EVALUATION) {
            throw ValidationException.of("", "tender.open.state", "This tender is " + tender.status().ledgerCode()
                    + "; its bids can no longer be opened");
        }
        return tenderVersion;
    }

    /** SHA-256({@code tenderKey:supplierId:salt}): the ledger's commitment to who lodged a bid. */
    static String supplierCommitment(String tenderKey, String supplierId, String salt) {
        return CanonicalJson.sha256Hex(tenderKey + ":" + supplierId + ":" + salt);
    }

    private Optional<SealedBidRecord> record(String bidKey) {
        return pipeline.current(bidKey).map(JsonData::new).filter(JsonData::sealed).map(JsonData::bid);
    }

    /** A bid version's data, read once. */
    record JsonData(RecordVersion version, jakarta.json.JsonObject data) {
        JsonData(RecordVersion version) {
            this(version, RecordDocument.dataOf(version.canonicalJson()));
        }

        boolean sealed() {
            return SealedBidRecord.isSealed(data);
        }

        SealedBidRecord bid() {
            return SealedBidRecord.fromJson(RecordKey.parse(version.recordKey()), data);
        }
    }

    private static void requireSealed(Tender tender) {
        if (!tender.isSealed()) {
            throw ValidationException.of("", "sealedBid.notSealed", "Tender " + tender.ocid() + " was published before sealed opening and takes no bids here");
        }
    }

    /** The envelope must be sealed for this tender, to its holders in order, with its k. */
    private static void requireSealedTo(SealedEnvelope envelope, Tender tender) {
        TenderOpening opening = tender.opening();
        boolean sameHolders = envelope.n() == opening.n();
        for (int i = 1; sameHolders && i <= opening.n(); i++) {
            sameHolders = envelope.holders().get(i - 1).publicKeySha256().equals(opening.holder(i).publicKeySha256());
        }
        if (!envelope.ocid().equals(tender.ocid()) || envelope.k() != opening.threshold() || !sameHolders) {
            throw ValidationException.of("envelope", "sealedBid.envelope.tender",
                    "This sealed bid was not sealed for this tender's opening keys; seal it again on this tender's page");
        }
    }

    private Tender tender(String ocid) {
        String key = Tender.keyOf(ocid == null ? "" : ocid.trim()).toString();
        return TenderService.read(pipeline.current(key)
                .orElseThrow(() -> ValidationException.of("tender", "bid.tender.unknown", "There is no tender " + ocid)));
    }

    private String store(String envelopeText) {
        try {
            return envelopes.put(envelopeText);
        } catch (IOException e) {
            throw new UncheckedIOException("the sealed bid could not be stored", e);
        }
    }

    private Optional<String> envelope(String sha256) {
        return read(envelopes, sha256);
    }

    static Optional<String> read(EnvelopeStore envelopes, String sha256) {
        try {
            return envelopes.get(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("envelope " + sha256 + " could not be read", e);
        }
    }

    private static String randomSalt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }

    private static String jsonArray(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    /** Ledger times are compared to the second; so are ours. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
