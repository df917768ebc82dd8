package bt.druk.registry.application.verify;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.notary.BatchMembers;
import bt.druk.registry.application.record.LedgerImprints;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.application.verify.HashOccurrences.Place;
import bt.druk.registry.application.verify.VerificationStep.Kind;
import bt.druk.registry.application.verify.VerificationStep.Result;
import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisationSummary;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleVerification;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * "Is this exact file what was registered, is it still valid, and who says so?" for anyone, from a
 * SHA-256 alone (the public verify page computes it in the browser; the file never reaches the
 * portal). Finds the hash in the registers, then checks each finding step by step against the
 * ledger read now: the comparison of the portal's copy with the ledger is
 * {@link VerificationService#verifyOnLedger}'s; this class adds how the document is tied to the
 * version's ledger hash, the transaction's endorsements, the status now and the history. Also issues
 * the proof file of a committed document and checks a proof file against the ledger.
 *
 * <p>An unreachable ledger is a step result ({@link Result#NOT_CHECKED}), never an exception.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentVerifier {

    private static final String NOTARISATION_REGISTERED = "registered";
    private static final String NOTARISATION_REVOKED = "revoked";
    private static final String NOTARISATION_SUPERSEDED = "superseded";

    private RecordRepository records;
    private HashOccurrences occurrences;
    private NotarisationRepository notarisations;
    private TenderRepository tenders;
    private BatchMembers batchMembers;
    private Ledger ledger;
    private VerificationService verification;
    private LedgerImprints imprints;
    private Clock clock;

    protected DocumentVerifier() {
    }

    @Inject
    public DocumentVerifier(RecordRepository records, HashOccurrences occurrences, NotarisationRepository notarisations,
                            TenderRepository tenders, BatchMembers batchMembers, Ledger ledger, VerificationService verification,
                            LedgerImprints imprints, Clock clock) {
        this.records = records;
        this.occurrences = occurrences;
        this.notarisations = notarisations;
        this.tenders = tenders;
        this.batchMembers = batchMembers;
        this.ledger = ledger;
        this.verification = verification;
        this.imprints = imprints;
        this.clock = clock;
    }

    /**
     * Where a hash was found, before anything is compared with the ledger.
     *
     * @param batch the document's place in a notary batch, for {@link FoundAs#BATCH_MEMBER}; else null
     */
    private record Finding(FoundAs foundAs, RecordVersion version, String ledgerHash, Optional<String> recordDocument,
                           String description, boolean proofFits, NotarisationSummary notarisation, BatchMember batch) {

        Finding(FoundAs foundAs, RecordVersion version, String ledgerHash, Optional<String> recordDocument, String description,
                boolean proofFits, NotarisationSummary notarisation) {
            this(foundAs, version, ledgerHash, recordDocument, description, proofFits, notarisation, null);
        }

        Optional<InclusionProof> inclusion() {
            return batch == null ? Optional.empty() : batch.proof();
        }
    }

    /**
     * Every place the hash is found, each checked against the ledger now.
     *
     * @throws ValidationException field {@code hash} if it is not a SHA-256 (64 hexadecimal characters)
     */
    public DocumentVerification verify(String sha256Hex) {
        String sha = normalise(sha256Hex);
        Set<Place> places = occurrences.of(sha);
        List<Finding> findings = findings(sha, places);
        List<VerificationStep> opening = opening(sha, places, findings, () -> notFound(sha));
        Map<String, LedgerRead> reads = new HashMap<>();
        List<DocumentMatch> matches = new ArrayList<>();
        for (Finding f : findings) {
            LedgerRead read = reads.computeIfAbsent(f.version().recordKey(), this::read);
            matches.add(check(sha, f, read));
        }
        return new DocumentVerification(sha, clock.instant(), opening, matches, DocumentVerification.Source.LEDGER_NOW);
    }

    /**
     * Every place the hash is found, answered from the portal's own database without a ledger call:
     * what the commit follower recorded from the ledger's events (committed, the receipt with block
     * and endorsers), a batch member's inclusion proof against its anchor's stored root, the status
     * in the portal. Cheap enough for every request; {@link #verify} reads the ledger afresh.
     *
     * @throws ValidationException field {@code hash} if it is not a SHA-256 (64 hexadecimal characters)
     */
    public DocumentVerification verifyFromIndex(String sha256Hex) {
        String sha = normalise(sha256Hex);
        Set<Place> places = occurrences.of(sha);
        List<Finding> findings = findings(sha, places);
        List<VerificationStep> opening = opening(sha, places, findings, () -> VerificationStep.of(Kind.FOUND_AS, Result.FAIL,
                "Not found: this portal holds no notarised document, record document, tender document, bid or notary batch"
                        + " member with this SHA-256. Checking on the ledger now also asks the ledger's hash index."));
        List<DocumentMatch> matches = new ArrayList<>();
        for (Finding f : findings) {
            matches.add(checkFromIndex(sha, f));
        }
        return new DocumentVerification(sha, clock.instant(), opening, matches, DocumentVerification.Source.PORTAL_INDEX);
    }

    /**
     * The proof file of the first committed finding whose tie to the ledger a proof file can state.
     * Built from the portal's receipt of the version, without asking the ledger: the proof is for
     * checking against the ledger later, by anyone.
     *
     * @param issuer the portal's public base URL
     * @throws ValidationException field {@code hash} if it is not a SHA-256
     */
    public ProofOutcome proof(String sha256Hex, LedgerCoordinates coordinates, String issuer) {
        String sha = normalise(sha256Hex);
        List<Finding> fitting = findings(sha, occurrences.of(sha)).stream().filter(Finding::proofFits).toList();
        if (fitting.isEmpty() && batchMembers.find(sha).isPresent()) {
            return new ProofOutcome.NotCommitted("The document " + sha + " is queued for a notary batch; its proof file can be"
                    + " downloaded once the batch is anchored on the ledger");
        }
        if (fitting.isEmpty()) {
            return new ProofOutcome.NotFound("This portal holds no document with SHA-256 " + sha + " that a proof file can be issued for");
        }
        for (Finding f : fitting) {
            RecordVersion v = f.version();
            Optional<LedgerReceipt> receipt = v.ledgerState() == LedgerState.COMMITTED ? complete(v.receipt()) : Optional.empty();
            if (receipt.isPresent()) {
                LedgerReceipt r = receipt.get();
                return new ProofOutcome.Issued(new ProofReceipt(sha, f.foundAs(), v.recordKey(), v.version(), f.ledgerHash(),
                        coordinates.channel(), coordinates.chaincode(), r.txId(), r.blockNumber(), r.commitTime(),
                        r.endorsingMspIds(), f.inclusion(), f.recordDocument(), clock.instant(), issuer));
            }
        }
        RecordVersion first = fitting.get(0).version();
        String at = first.recordKey() + " version " + first.version();
        return new ProofOutcome.NotCommitted(switch (first.ledgerState()) {
            case REJECTED -> "The ledger refused " + at + "; there is no proof to issue";
            case PENDING -> at + " is still waiting for the ledger; its proof file can be downloaded once it is committed";
            case COMMITTED -> "The receipt of " + at + " (block and endorsers) is not complete yet; try again in a moment";
        });
    }

    /**
     * The version's receipt with block, time and endorsers: the commit follower fills them in a
     * moment after the commit; until then they are read from the ledger. Empty if still incomplete.
     */
    private Optional<LedgerReceipt> complete(LedgerReceipt receipt) {
        if (receipt == null) {
            return Optional.empty();
        }
        if (receipt.isComplete()) {
            return Optional.of(receipt);
        }
        try {
            return ledger.transaction(receipt.txId()).filter(CommittedTransaction::valid)
                    .map(tx -> new LedgerReceipt(tx.txId(), tx.blockNumber(), tx.timestamp(), tx.endorsingMspIds()));
        } catch (LedgerUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a proof file (strictly, see {@link ProofReceipt#parse}) and checks it: its own ties first,
     * then against the ledger read now.
     *
     * @param coordinates the channel and chaincode this portal reads, which the proof must name
     */
    public ProofCheck checkProof(String proofText, LedgerCoordinates coordinates) {
        ProofReceipt proof;
        try {
            proof = ProofReceipt.parse(proofText);
        } catch (ValidationException e) {
            return new ProofCheck(null, e.errors(), List.of());
        }
        List<VerificationStep> steps = new ArrayList<>();
        String about = "A proof that the document " + proof.sha256() + " is " + describe(proof.foundAs()) + ", "
                + proof.recordKey() + " version " + proof.version() + ", issued by " + proof.issuer() + " on " + proof.issuedAt();
        if (!proof.channel().equals(coordinates.channel()) || !proof.chaincode().equals(coordinates.chaincode())) {
            steps.add(VerificationStep.of(Kind.PROOF_FILE, Result.FAIL, about + ". It names channel " + proof.channel()
                    + " and chaincode " + proof.chaincode() + ", but this portal's ledger is channel " + coordinates.channel()
                    + ", chaincode " + coordinates.chaincode() + "."));
        } else {
            steps.add(VerificationStep.of(Kind.PROOF_FILE, Result.PASS, about + ", on channel " + proof.channel() + ", chaincode "
                    + proof.chaincode() + "."));
        }
        steps.add(offlineStep(proof));
        LedgerRead read = read(proof.recordKey());
        steps.addAll(proofLedgerSteps(proof, read));
        return new ProofCheck(proof, List.of(), steps);
    }

    // ---- finding the hash ----------------------------------------------------------------------

    /**
     * The hash as every answer here reads it: trimmed, in lowercase.
     *
     * @throws ValidationException field {@code hash} if it is not a SHA-256 (64 hexadecimal characters)
     */
    public static String normalise(String sha256Hex) {
        String sha = sha256Hex == null ? "" : sha256Hex.strip().toLowerCase(Locale.ROOT);
        if (!CanonicalJson.isSha256Hex(sha)) {
            throw ValidationException.of("hash", "hash.format", "A SHA-256 hash has 64 hexadecimal characters (0-9, a-f)");
        }
        return sha;
    }

    /**
     * Notarisations first, then files named in tenders and bids, then records' own documents; only
     * the lookups of the places where the hash occurs at all.
     */
    private List<Finding> findings(String sha, Set<Place> places) {
        List<Finding> found = new ArrayList<>();
        List<NotarisationSummary> notarised = places.contains(Place.NOTARISED_DOCUMENT) ? notarisations.findByDocumentHash(sha) : List.of();
        for (NotarisationSummary n : notarised) {
            // Version 1 registered the document; later versions only change its status, checked as "status now".
            records.versionsOf(n.recordKey()).stream().filter(v -> v.ledgerState() != LedgerState.REJECTED).findFirst()
                    .ifPresent(v -> found.add(new Finding(FoundAs.NOTARISATION, v, v.hash(), Optional.empty(),
                            "A notarised document: notarisation " + n.notarisationId() + ", " + n.documentType().label().toLowerCase(Locale.ROOT)
                                    + " notarised by " + n.notaryOffice() + " on " + n.notarisedOn() + ".", true, n)));
        }
        if (places.contains(Place.BATCH_DOCUMENT)) {
            batchMembers.find(sha).flatMap(this::batchFinding).ifPresent(found::add);
        }
        List<String> naming = places.contains(Place.PROCUREMENT_FILE) ? tenders.recordsWithFile(sha) : List.of();
        for (String key : naming) {
            namingVersion(key, sha).ifPresent(found::add);
        }
        List<RecordVersion> versions = places.contains(Place.STORED_DOCUMENT) ? records.findByHash(sha)
                : places.contains(Place.LEDGER_HASH) ? records.findByLedgerHash(sha) : List.of();
        for (RecordVersion v : versions) {
            found.add(ownDocument(v, sha));
        }
        Set<String> seen = new LinkedHashSet<>();
        return found.stream().filter(f -> seen.add(f.foundAs() + " " + f.version().recordKey() + " " + f.version().version())).toList();
    }

    /** A document in a cut batch, found by its anchor's version; a document still queued has no anchor yet. */
    private Optional<Finding> batchFinding(BatchMember member) {
        if (member.anchorKey() == null) {
            return Optional.empty();
        }
        return records.versionsOf(member.anchorKey()).stream().filter(v -> v.ledgerState() != LedgerState.REJECTED).findFirst()
                .map(v -> new Finding(FoundAs.BATCH_MEMBER, v, member.ledgerHash() == null ? v.hash() : member.ledgerHash(),
                        Optional.empty(), "A member of notary batch " + RecordKey.parse(member.anchorKey()).id() + " (document "
                        + (member.leafIndex() + 1) + (member.treeSize() == null ? "" : " of " + member.treeSize())
                        + "), queued by " + member.office() + " at " + member.queuedAt() + ".",
                        member.state() == BatchMember.State.ANCHORED && member.proof().isPresent(), null, member));
    }

    /** The first version of a tender or of a bid opened as valid whose hashed text names the file. */
    private Optional<Finding> namingVersion(String key, String sha) {
        boolean tender = key.startsWith(Tender.KIND + ":");
        if (!tender && !key.startsWith(BidKeys.KIND + ":")) {
            return Optional.empty();
        }
        for (RecordVersion v : records.versionsOf(key)) {
            if (v.ledgerState() == LedgerState.REJECTED) {
                continue;
            }
            Optional<String> text = imprint(v).flatMap(i -> i.hashedText(v.canonicalJson())).filter(t -> t.contains("\"" + sha + "\""));
            if (text.isPresent()) {
                return Optional.of(new Finding(tender ? FoundAs.TENDER_DOCUMENT : FoundAs.BID, v, v.hash(), text,
                        (tender ? "A tender document of tender " : "A document of bid ") + RecordKey.parse(key).id()
                                + ", named in " + (tender ? "the tender" : "the opened bid") + " from version " + v.version() + ".",
                        true, null));
            }
        }
        return Optional.empty();
    }

    /** A version whose ledger hash or stored document this is. */
    private Finding ownDocument(RecordVersion v, String sha) {
        String at = v.recordKey() + " version " + v.version();
        if (v.hash().equals(sha)) {
            String description = switch (v.imprint()) {
                case "sealed-envelope" -> "The sealed envelope of " + at + ", as its supplier's browser encrypted it.";
                case "merkle-root" -> "The Merkle root of batch anchor " + at + ".";
                default -> "The record document of " + at + " (its canonical JSON).";
            };
            return new Finding(FoundAs.RECORD_DOCUMENT, v, sha, Optional.empty(), description, true, null);
        }
        // The stored document of a version whose ledger hash is something else (a sealed envelope's hash):
        // the ledger check recomputes that hash from it, but a proof file cannot state the tie.
        return new Finding(FoundAs.RECORD_DOCUMENT, v, v.hash(), Optional.empty(), "The record document of " + at
                + " (its canonical JSON); the ledger holds " + v.hash() + " for it, which the portal recomputes from it.", false, null);
    }

    private Optional<LedgerImprint> imprint(RecordVersion v) {
        try {
            return Optional.of(imprints.of(v.imprint()));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * The steps before the findings, the same for both answers: the hash, then a queued batch member's
     * warning, or {@code notFound} when the hash is found nowhere.
     */
    private List<VerificationStep> opening(String sha, Set<Place> places, List<Finding> findings, Supplier<VerificationStep> notFound) {
        List<VerificationStep> opening = new ArrayList<>();
        opening.add(VerificationStep.of(Kind.HASH, Result.PASS, "SHA-256 " + sha + ", computed in your browser (the file itself"
                + " was not sent) or pasted."));
        Optional<BatchMember> queued = places.contains(Place.BATCH_DOCUMENT)
                ? batchMembers.find(sha).filter(m -> m.state() == BatchMember.State.QUEUED) : Optional.empty();
        if (queued.isPresent()) {
            opening.add(VerificationStep.of(Kind.FOUND_AS, Result.WARN, "Queued for a notary batch by " + queued.get().office()
                    + " at " + queued.get().queuedAt() + ": it counts as notarised only once its batch is anchored on the ledger."));
        } else if (findings.isEmpty()) {
            opening.add(notFound.get());
        }
        return opening;
    }

    private VerificationStep notFound(String sha) {
        StringBuilder text = new StringBuilder("Not found: this portal holds no notarised document, record document, tender"
                + " document, bid or notary batch member with this SHA-256.");
        try {
            List<HashIndexHit> hits = ledger.findByHash(sha);
            if (hits.isEmpty()) {
                text.append(" The ledger's hash index does not know it either.");
            } else {
                HashIndexHit hit = hits.get(0);
                text.append(" The ledger's hash index knows it as ").append(hit.key()).append(" version ").append(hit.version())
                        .append(", a record this portal has no copy of.");
            }
        } catch (LedgerUnavailableException e) {
            text.append(" The ledger could not be asked just now.");
        }
        return VerificationStep.of(Kind.FOUND_AS, Result.FAIL, text.toString());
    }

    // ---- the ledger ----------------------------------------------------------------------------

    /** What the ledger says about one record, read once per record; {@code available} false when it could not be reached. */
    private record LedgerRead(boolean available, List<LedgerHistoryItem> history, LedgerVerification verification) {

        LedgerHistoryItem item(int version) {
            return history.stream().filter(i -> i.value() != null && i.value().version() == version).reduce((a, b) -> b).orElse(null);
        }

        LedgerEntry current() {
            return history.stream().filter(i -> i.value() != null).map(LedgerHistoryItem::value).reduce((a, b) -> b).orElse(null);
        }
    }

    /** One read of the record's ledger history, compared with the portal's versions as "verify on ledger" does. */
    private LedgerRead read(String recordKey) {
        List<LedgerHistoryItem> history;
        try {
            history = ledger.history(recordKey);
        } catch (LedgerUnavailableException e) {
            return new LedgerRead(false, List.of(), null);
        }
        List<RecordVersion> versions = records.versionsOf(recordKey);
        return new LedgerRead(true, history, versions.isEmpty() ? null : verification.compare(recordKey, versions, history));
    }

    private static final String UNREACHABLE = "The ledger could not be reached just now, so this could not be checked; try again in a moment.";

    private DocumentMatch check(String sha, Finding f, LedgerRead read) {
        RecordVersion v = f.version();
        List<VerificationStep> steps = new ArrayList<>();
        steps.add(VerificationStep.of(Kind.FOUND_AS, Result.PASS, f.description()));
        steps.add(portalStep(v));
        steps.add(ledgerEntryStep(sha, f, read));
        steps.add(endorsementStep(v, read));
        steps.add(statusStep(f.foundAs(), v.recordKey(), v.version(), read, f.notarisation()));
        steps.add(historyStep(v.recordKey(), read));
        return new DocumentMatch(f.foundAs(), v.recordKey(), v.version(), f.ledgerHash(), steps, read.history(),
                f.proofFits() && v.ledgerState() == LedgerState.COMMITTED && v.receipt() != null);
    }

    private static VerificationStep portalStep(RecordVersion v) {
        String at = v.recordKey() + " version " + v.version();
        return switch (v.ledgerState()) {
            case COMMITTED -> VerificationStep.of(Kind.PORTAL_RECORD, Result.PASS, "The portal holds " + at
                    + ", committed to the ledger" + (v.receipt() == null ? "" : " in transaction " + v.receipt().txId()) + ".");
            case PENDING -> VerificationStep.of(Kind.PORTAL_RECORD, Result.WARN, "The portal holds " + at
                    + ", still waiting for the ledger.");
            case REJECTED -> VerificationStep.of(Kind.PORTAL_RECORD, Result.FAIL, "The ledger refused " + at
                    + (v.rejectionCode() == null ? "" : " (" + v.rejectionCode() + ")") + ": it was never recorded.");
        };
    }

    private static VerificationStep ledgerEntryStep(String sha, Finding f, LedgerRead read) {
        RecordVersion v = f.version();
        String at = v.recordKey() + " version " + v.version();
        if (!read.available()) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.NOT_CHECKED, UNREACHABLE);
        }
        VersionCheck check = read.verification().checkOf(v.version());
        if (check == null) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, "The portal's copy of " + at + " could not be compared.");
        }
        switch (check.match()) {
            case MISMATCH:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, "document-edited".equals(check.recomputedHash())
                        ? "The portal's stored document of " + at + " no longer hashes to the hash stored with it: the portal's"
                        + " database was changed. The ledger holds " + check.ledgerHash() + "."
                        : "The ledger holds " + check.ledgerHash() + " for " + at + ", but the portal's copy gives "
                        + (check.databaseHash().equals(check.recomputedHash()) ? check.databaseHash() : check.recomputedHash())
                        + ": the portal's database was changed after the ledger recorded it.");
            case MISSING_ON_LEDGER:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, "The ledger has no version " + v.version() + " of "
                        + v.recordKey() + ", though the portal says it was committed.");
            case PENDING:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.WARN, "The ledger holds nothing for " + at + " yet: it is"
                        + " waiting to be committed.");
            case REJECTED:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.NOT_APPLICABLE, "The ledger refused " + at + ", so it holds nothing for it.");
            case MATCH:
            default:
                break;
        }
        String read1 = "The ledger entry of " + at + ", read just now, holds " + check.ledgerHash()
                + ", the same as the portal's copy";
        switch (f.foundAs()) {
            case NOTARISATION: {
                LedgerHistoryItem item = read.item(v.version());
                String documentHash = item == null ? null : documentHashOf(item.value());
                if (!sha.equals(documentHash)) {
                    return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, read1 + ", but its document hash is "
                            + (documentHash == null ? "missing" : documentHash) + ", not this document's " + sha + ".");
                }
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read1 + ", and document hash " + sha + ": this document.");
            }
            case BATCH_MEMBER:
                return batchLedgerStep(f, check.ledgerHash(), read1);
            case TENDER_DOCUMENT:
            case BID:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read1 + ": the SHA-256 of "
                        + (f.foundAs() == FoundAs.BID ? "the opened bid" : "the tender's document") + ", which names this file.");
            default:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read1 + (sha.equals(check.ledgerHash())
                        ? ": this document's SHA-256." : ", which the portal recomputes from this document."));
        }
    }

    /** The batch's root is on the ledger; the document's Merkle path must lead to it. */
    private static VerificationStep batchLedgerStep(Finding f, String ledgerRoot, String read1) {
        BatchMember member = f.batch();
        if (member.state() == BatchMember.State.TAMPERED) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, read1 + ", but the batch's stored documents no longer give"
                    + " that root: the portal's database was changed.");
        }
        if (member.proof().isEmpty()) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.WARN, read1 + "; the document's inclusion proof is issued once the"
                    + " batch is committed.");
        }
        MerkleVerification path = member.proof().get().verifyAgainst(ledgerRoot);
        return path.ok()
                ? VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read1 + ": the Merkle root of the batch, to which this"
                + " document's inclusion proof leads.")
                : VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, read1 + ", but this document's inclusion proof does not lead"
                + " to it: " + path.reason() + ".");
    }

    private VerificationStep endorsementStep(RecordVersion v, LedgerRead read) {
        if (!read.available()) {
            return VerificationStep.of(Kind.ENDORSEMENT, Result.NOT_CHECKED, UNREACHABLE);
        }
        LedgerHistoryItem item = read.item(v.version());
        if (item == null) {
            return VerificationStep.of(Kind.ENDORSEMENT, Result.NOT_APPLICABLE, "There is no ledger transaction to look up for "
                    + v.recordKey() + " version " + v.version() + ".");
        }
        VerificationStep step = transactionStep(Kind.ENDORSEMENT, item.txId(), null, null);
        LedgerReceipt receipt = v.receipt();
        if (step.passed() && receipt != null && !receipt.txId().equals(item.txId())) {
            return VerificationStep.of(Kind.ENDORSEMENT, Result.FAIL, step.text() + " But the portal's receipt names transaction "
                    + receipt.txId() + ".");
        }
        return step;
    }

    /** The committed transaction; with an expected block and endorsers (from a proof), those must match too. */
    private VerificationStep transactionStep(Kind kind, String txId, Long expectedBlock, List<String> expectedEndorsers) {
        Optional<CommittedTransaction> found;
        try {
            found = ledger.transaction(txId);
        } catch (LedgerUnavailableException e) {
            return VerificationStep.of(kind, Result.NOT_CHECKED, UNREACHABLE);
        }
        if (found.isEmpty()) {
            return VerificationStep.of(kind, Result.FAIL, "The ledger knows no transaction " + txId + ".");
        }
        CommittedTransaction tx = found.get();
        if (!tx.valid()) {
            return VerificationStep.of(kind, Result.FAIL, "Transaction " + txId + " in block " + tx.blockNumber()
                    + " was marked invalid by the peers (" + tx.validationCode() + "): it wrote nothing.");
        }
        Set<String> endorsers = new TreeSet<>(tx.endorsingMspIds());
        String text = "Transaction " + txId + " is in block " + tx.blockNumber() + ", at " + tx.timestamp() + ", endorsed by "
                + (endorsers.isEmpty() ? "no organisation" : String.join(" and ", endorsers)) + ".";
        List<String> differences = new ArrayList<>();
        if (expectedBlock != null && expectedBlock != tx.blockNumber()) {
            differences.add("the proof says block " + expectedBlock);
        }
        if (expectedEndorsers != null && !new TreeSet<>(expectedEndorsers).equals(endorsers)) {
            differences.add("the proof says endorsed by " + (expectedEndorsers.isEmpty() ? "nobody" : String.join(" and ",
                    new TreeSet<>(expectedEndorsers))));
        }
        if (!differences.isEmpty()) {
            return VerificationStep.of(kind, Result.FAIL, text + " But " + String.join(", and ", differences) + ".");
        }
        return VerificationStep.of(kind, Result.PASS, text);
    }

    private VerificationStep statusStep(FoundAs foundAs, String recordKey, int version, LedgerRead read, NotarisationSummary portal) {
        if (!read.available()) {
            return VerificationStep.of(Kind.STATUS, Result.NOT_CHECKED, UNREACHABLE);
        }
        LedgerEntry current = read.current();
        if (current == null) {
            return VerificationStep.of(Kind.STATUS, Result.NOT_APPLICABLE, "The ledger holds no entry for " + recordKey + ".");
        }
        if (foundAs == FoundAs.NOTARISATION) {
            return notarisationStatus(recordKey, current, portal);
        }
        String text = recordKey + " is now " + current.status() + " on the ledger, at version " + current.version() + ".";
        if (foundAs == FoundAs.RECORD_DOCUMENT && version < current.version()) {
            return VerificationStep.of(Kind.STATUS, Result.WARN, text + " This document is version " + version
                    + ": the record has changed since.");
        }
        return VerificationStep.of(Kind.STATUS, Result.PASS, text);
    }

    private static VerificationStep notarisationStatus(String recordKey, LedgerEntry current, NotarisationSummary portal) {
        String id = RecordKey.parse(recordKey).id();
        JsonObject fields = fieldsOf(current);
        String reason = string(fields, "reason");
        String status = current.status();
        String portalNote = portal != null && !portal.status().ledgerCode().equals(status)
                ? " The portal's copy says " + portal.status().ledgerCode() + "." : "";
        if (NOTARISATION_REGISTERED.equals(status)) {
            return new VerificationStep(Kind.STATUS, portalNote.isEmpty() ? Result.PASS : Result.FAIL,
                    "Valid: notarisation " + id + " is registered on the ledger (version " + current.version() + ")." + portalNote, null);
        }
        if (NOTARISATION_REVOKED.equals(status)) {
            return new VerificationStep(Kind.STATUS, Result.FAIL, "Revoked: notarisation " + id + " was revoked (ledger version "
                    + current.version() + ")" + (reason == null ? "" : ": " + reason) + "." + portalNote, null);
        }
        if (NOTARISATION_SUPERSEDED.equals(status)) {
            String replacement = string(fields, "supersededBy");
            if (replacement == null && portal != null && portal.supersededBy() != null) {
                replacement = Notarisation.keyOf(portal.supersededBy()).toString();
            }
            return new VerificationStep(Kind.STATUS, Result.FAIL, "Superseded: notarisation " + id + " was replaced"
                    + (replacement == null ? "" : " by notarisation " + RecordKey.parse(replacement).id())
                    + " (ledger version " + current.version() + ")" + (reason == null ? "" : ": " + reason) + "." + portalNote,
                    replacement);
        }
        return VerificationStep.of(Kind.STATUS, Result.FAIL, "Notarisation " + id + " has the unknown status " + status
                + " on the ledger.");
    }

    private static VerificationStep historyStep(String recordKey, LedgerRead read) {
        if (!read.available()) {
            return VerificationStep.of(Kind.HISTORY, Result.NOT_CHECKED, UNREACHABLE);
        }
        long versions = read.history().stream().filter(i -> i.value() != null).count();
        String text = "The ledger holds " + versions + (versions == 1 ? " version" : " versions") + " of " + recordKey + ". "
                + read.verification().message() + ".";
        return switch (read.verification().outcome()) {
            case VERIFIED -> VerificationStep.of(Kind.HISTORY, Result.PASS, text);
            case VERIFIED_WITH_PENDING -> VerificationStep.of(Kind.HISTORY, Result.WARN, text);
            default -> VerificationStep.of(Kind.HISTORY, Result.FAIL, text);
        };
    }

    // ---- from the portal's index ---------------------------------------------------------------

    private DocumentMatch checkFromIndex(String sha, Finding f) {
        RecordVersion v = f.version();
        List<VerificationStep> steps = new ArrayList<>();
        steps.add(VerificationStep.of(Kind.FOUND_AS, Result.PASS, f.description()));
        steps.add(portalStep(v));
        steps.add(indexedEntryStep(sha, f));
        steps.add(indexedEndorsementStep(v));
        steps.add(indexedStatusStep(f));
        return new DocumentMatch(f.foundAs(), v.recordKey(), v.version(), f.ledgerHash(), steps, List.of(),
                f.proofFits() && v.ledgerState() == LedgerState.COMMITTED && v.receipt() != null);
    }

    /** What the commit follower recorded when the ledger's event for the version arrived. */
    private static VerificationStep indexedEntryStep(String sha, Finding f) {
        RecordVersion v = f.version();
        String at = v.recordKey() + " version " + v.version();
        switch (v.ledgerState()) {
            case PENDING:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.WARN, "The ledger holds nothing for " + at + " yet: it is"
                        + " waiting to be committed.");
            case REJECTED:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.NOT_APPLICABLE, "The ledger refused " + at + ", so it holds nothing for it.");
            case COMMITTED:
            default:
                break;
        }
        String written = "The ledger wrote " + f.ledgerHash() + " for " + at
                + (v.receipt() == null ? "" : " in transaction " + v.receipt().txId())
                + " (the portal's record of the ledger's event; checking on the ledger now reads it afresh)";
        switch (f.foundAs()) {
            case NOTARISATION:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, written + ", with document hash " + sha + ": this document.");
            case BATCH_MEMBER:
                return batchLedgerStep(f, v.hash(), written);
            case TENDER_DOCUMENT:
            case BID:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, written + ": the SHA-256 of "
                        + (f.foundAs() == FoundAs.BID ? "the opened bid" : "the tender's document") + ", which names this file.");
            default:
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, written + (sha.equals(f.ledgerHash())
                        ? ": this document's SHA-256." : ", which the portal recomputes from this document."));
        }
    }

    private static VerificationStep indexedEndorsementStep(RecordVersion v) {
        LedgerReceipt receipt = v.receipt();
        if (v.ledgerState() != LedgerState.COMMITTED || receipt == null) {
            return VerificationStep.of(Kind.ENDORSEMENT, Result.NOT_APPLICABLE, "There is no ledger transaction of "
                    + v.recordKey() + " version " + v.version() + " yet.");
        }
        if (!receipt.isComplete()) {
            return VerificationStep.of(Kind.ENDORSEMENT, Result.WARN, "Transaction " + receipt.txId() + " is committed; its block"
                    + " and endorsing organisations are being recorded.");
        }
        Set<String> endorsers = new TreeSet<>(receipt.endorsingMspIds());
        return VerificationStep.of(Kind.ENDORSEMENT, Result.PASS, "Transaction " + receipt.txId() + " is in block "
                + receipt.blockNumber() + ", at " + receipt.commitTime() + ", endorsed by "
                + (endorsers.isEmpty() ? "no organisation" : String.join(" and ", endorsers)) + " (the portal's receipt).");
    }

    private VerificationStep indexedStatusStep(Finding f) {
        RecordVersion v = f.version();
        if (f.foundAs() == FoundAs.NOTARISATION && f.notarisation() != null) {
            NotarisationSummary n = f.notarisation();
            String id = n.notarisationId();
            return switch (n.status()) {
                case REGISTERED -> VerificationStep.of(Kind.STATUS, Result.PASS, "Valid: notarisation " + id + " is registered"
                        + " (portal version " + n.currentVersion() + ").");
                case REVOKED -> VerificationStep.of(Kind.STATUS, Result.FAIL, "Revoked: notarisation " + id + " was revoked"
                        + " (portal version " + n.currentVersion() + ").");
                case SUPERSEDED -> new VerificationStep(Kind.STATUS, Result.FAIL, "Superseded: notarisation " + id + " was replaced"
                        + (n.supersededBy() == null ? "" : " by notarisation " + n.supersededBy()) + " (portal version "
                        + n.currentVersion() + ").", n.supersededBy() == null ? null : Notarisation.keyOf(n.supersededBy()).toString());
            };
        }
        int current = records.findHead(v.recordKey()).map(h -> h.currentVersion()).orElse(0);
        String text = v.recordKey() + " is now at version " + current + " in the portal.";
        if (f.foundAs() == FoundAs.RECORD_DOCUMENT && v.version() < current) {
            return VerificationStep.of(Kind.STATUS, Result.WARN, text + " This document is version " + v.version()
                    + ": the record has changed since.");
        }
        return VerificationStep.of(Kind.STATUS, Result.PASS, text);
    }

    // ---- proof files ---------------------------------------------------------------------------

    private static String describe(FoundAs foundAs) {
        return switch (foundAs) {
            case NOTARISATION -> "a notarised document";
            case RECORD_DOCUMENT -> "a record's own document";
            case TENDER_DOCUMENT -> "a tender document";
            case BID -> "a bid's document";
            case BATCH_MEMBER -> "a member of a notary batch";
        };
    }

    private static VerificationStep offlineStep(ProofReceipt proof) {
        if (proof.foundAs() == FoundAs.NOTARISATION) {
            return VerificationStep.of(Kind.PROOF_OFFLINE, Result.NOT_APPLICABLE, "A notarisation's document is tied to the ledger"
                    + " by the ledger entry's document hash, checked below.");
        }
        var result = proof.offlineCheck();
        if (!result.ok()) {
            return VerificationStep.of(Kind.PROOF_OFFLINE, Result.FAIL, "The proof does not hold together: " + result.reason() + ".");
        }
        return VerificationStep.of(Kind.PROOF_OFFLINE, Result.PASS, switch (proof.foundAs()) {
            case RECORD_DOCUMENT -> "The document's SHA-256 is the ledger hash the proof names.";
            case BATCH_MEMBER -> "The Merkle path leads from the document to the root " + proof.ledgerHash() + ".";
            default -> "The record document in the proof hashes to " + proof.ledgerHash() + " and names the document.";
        });
    }

    private List<VerificationStep> proofLedgerSteps(ProofReceipt proof, LedgerRead read) {
        List<VerificationStep> steps = new ArrayList<>();
        String at = proof.recordKey() + " version " + proof.version();
        if (!read.available()) {
            for (Kind kind : List.of(Kind.LEDGER_ENTRY, Kind.PROOF_TRANSACTION, Kind.PROOF_DOCUMENT_HASH, Kind.ENDORSEMENT, Kind.STATUS)) {
                steps.add(VerificationStep.of(kind, Result.NOT_CHECKED, UNREACHABLE));
            }
            return steps;
        }
        LedgerHistoryItem item = read.item(proof.version());
        if (item == null) {
            steps.add(VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, "The ledger has no " + at + "."));
        } else if (!item.value().hash().equals(proof.ledgerHash())) {
            steps.add(VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, "The ledger holds " + item.value().hash() + " for " + at
                    + ", not the proof's ledger hash " + proof.ledgerHash() + "."));
        } else {
            steps.add(VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, "The ledger holds " + proof.ledgerHash() + " for " + at
                    + " (read just now), as the proof says."));
        }
        if (item == null) {
            steps.add(VerificationStep.of(Kind.PROOF_TRANSACTION, Result.FAIL, "No transaction wrote " + at + " on the ledger."));
        } else if (!item.txId().equals(proof.txId())) {
            steps.add(VerificationStep.of(Kind.PROOF_TRANSACTION, Result.FAIL, "The ledger's " + at + " was written by transaction "
                    + item.txId() + ", not " + proof.txId() + " as the proof says."));
        } else {
            steps.add(VerificationStep.of(Kind.PROOF_TRANSACTION, Result.PASS, "The ledger's " + at + " was written by transaction "
                    + proof.txId() + ", as the proof says."));
        }
        if (proof.foundAs() != FoundAs.NOTARISATION) {
            steps.add(VerificationStep.of(Kind.PROOF_DOCUMENT_HASH, Result.NOT_APPLICABLE, "Only a notarisation's ledger entry names"
                    + " the document itself."));
        } else {
            String documentHash = item == null ? null : documentHashOf(item.value());
            steps.add(proof.sha256().equals(documentHash)
                    ? VerificationStep.of(Kind.PROOF_DOCUMENT_HASH, Result.PASS, "The ledger entry's document hash is " + proof.sha256()
                    + ", the document's.")
                    : VerificationStep.of(Kind.PROOF_DOCUMENT_HASH, Result.FAIL, "The ledger entry's document hash is "
                    + (documentHash == null ? "missing" : documentHash) + ", not the document's " + proof.sha256() + "."));
        }
        steps.add(transactionStep(Kind.ENDORSEMENT, proof.txId(), proof.blockNumber(), proof.endorsingMspIds()));
        NotarisationSummary portal = proof.foundAs() == FoundAs.NOTARISATION
                ? notarisations.findSummary(proof.recordKey()).orElse(null) : null;
        steps.add(statusStep(proof.foundAs(), proof.recordKey(), proof.version(), read, portal));
        return steps;
    }

    // ---- ledger entry fields -------------------------------------------------------------------

    /** The ledger entry as the chaincode stored it; empty when it is not readable JSON. */
    private static JsonObject fieldsOf(LedgerEntry entry) {
        if (entry == null || entry.json() == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(entry.json()))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String documentHashOf(LedgerEntry entry) {
        return string(fieldsOf(entry), "documentHash");
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
