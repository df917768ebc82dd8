package bt.druk.registry.application.verify;

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
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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
 * <p>What each kind of document adds (where its hash may occur, how it is tied to the ledger entry,
 * how its status is read, its wording) comes from the {@link DocumentSource} beans of the registers,
 * asked in the order they declare; a record's own document is the common case, found last.
 *
 * <p>An unreachable ledger is a step result ({@link Result#NOT_CHECKED}), never an exception.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentVerifier {

    private RecordRepository records;
    private HashOccurrences occurrences;
    /** The registers' sources in their declared order, then records' own documents. */
    private List<DocumentSource> sources;
    private Map<FoundAs, DocumentSource> byKind;
    private String holdsNone;
    private String namesDocumentOnLedger;
    private Ledger ledger;
    private VerificationService verification;
    private Clock clock;

    protected DocumentVerifier() {
    }

    @Inject
    public DocumentVerifier(RecordRepository records, HashOccurrences occurrences, @Any Instance<DocumentSource> sources,
                            Ledger ledger, VerificationService verification, LedgerImprints imprints, Clock clock) {
        this(records, occurrences, (Iterable<DocumentSource>) sources, ledger, verification, imprints, clock);
    }

    /**
     * @throws IllegalStateException when a kind of document ({@link FoundAs}) has no source or two,
     *                               or two sources declare the same order: a register's bean is missing
     */
    public DocumentVerifier(RecordRepository records, HashOccurrences occurrences, Iterable<DocumentSource> sources,
                            Ledger ledger, VerificationService verification, LedgerImprints imprints, Clock clock) {
        this.records = records;
        this.occurrences = occurrences;
        this.ledger = ledger;
        this.verification = verification;
        this.clock = clock;
        List<DocumentSource> ordered = new ArrayList<>();
        sources.forEach(ordered::add);
        ordered.sort(Comparator.comparingInt(DocumentSource::order));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).order() == ordered.get(i - 1).order()) {
                throw new IllegalStateException("two document sources declare order " + ordered.get(i).order());
            }
        }
        ordered.add(new OwnDocuments(records, imprints));
        Map<FoundAs, DocumentSource> kinds = new EnumMap<>(FoundAs.class);
        for (DocumentSource source : ordered) {
            for (FoundAs kind : source.kinds()) {
                if (kinds.putIfAbsent(kind, source) != null) {
                    throw new IllegalStateException("two document sources find documents as " + kind.code());
                }
            }
        }
        List<String> nouns = new ArrayList<>();
        for (FoundAs kind : FoundAs.values()) {
            DocumentSource source = kinds.get(kind);
            if (source == null) {
                throw new IllegalStateException("no document source finds documents as " + kind.code()
                        + ": the bean of its register is missing");
            }
            nouns.add(source.noun(kind));
        }
        this.sources = List.copyOf(ordered);
        this.byKind = Map.copyOf(kinds);
        this.holdsNone = "Not found: this portal holds no " + String.join(", ", nouns.subList(0, nouns.size() - 1)) + " or "
                + nouns.get(nouns.size() - 1) + " with this SHA-256.";
        List<String> naming = ordered.stream().flatMap(source -> source.namesDocumentOnLedger().stream()).toList();
        this.namesDocumentOnLedger = naming.isEmpty() ? "No ledger entry names the document itself."
                : "Only " + String.join(" or ", naming) + "'s ledger entry names the document itself.";
    }

    /**
     * Every place the hash is found, each checked against the ledger now.
     *
     * @throws ValidationException field {@code hash} if it is not a SHA-256 (64 hexadecimal characters)
     */
    public DocumentVerification verify(String sha256Hex) {
        String sha = normalise(sha256Hex);
        Set<Place> places = occurrences.of(sha);
        List<DocumentFinding> findings = findings(sha, places);
        List<VerificationStep> opening = opening(sha, places, findings, () -> notFound(sha));
        Map<String, LedgerRead> reads = new HashMap<>();
        List<DocumentMatch> matches = new ArrayList<>();
        for (DocumentFinding f : findings) {
            LedgerRead read = reads.computeIfAbsent(f.version().recordKey(), this::read);
            matches.add(check(sha, f, read));
        }
        return new DocumentVerification(sha, clock.instant(), opening, matches, DocumentVerification.Source.LEDGER_NOW);
    }

    /**
     * Every place the hash is found, answered from the portal's own database without a ledger call:
     * what the commit follower recorded from the ledger's events (committed, the receipt with block
     * and endorsers), each kind's tie to the version as the portal stores it (an inclusion proof
     * against the stored root), the status in the portal. Cheap enough for every request; {@link #verify} reads the ledger afresh.
     *
     * @throws ValidationException field {@code hash} if it is not a SHA-256 (64 hexadecimal characters)
     */
    public DocumentVerification verifyFromIndex(String sha256Hex) {
        String sha = normalise(sha256Hex);
        Set<Place> places = occurrences.of(sha);
        List<DocumentFinding> findings = findings(sha, places);
        List<VerificationStep> opening = opening(sha, places, findings, () -> VerificationStep.of(Kind.FOUND_AS, Result.FAIL,
                holdsNone + " Checking on the ledger now also asks the ledger's hash index."));
        List<DocumentMatch> matches = new ArrayList<>();
        for (DocumentFinding f : findings) {
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
        List<DocumentFinding> fitting = findings(sha, occurrences.of(sha)).stream().filter(DocumentFinding::proofFits).toList();
        if (fitting.isEmpty()) {
            Optional<String> waiting = sources.stream().flatMap(source -> source.proofWaiting(sha).stream()).findFirst();
            if (waiting.isPresent()) {
                return new ProofOutcome.NotCommitted(waiting.get());
            }
            return new ProofOutcome.NotFound("This portal holds no document with SHA-256 " + sha + " that a proof file can be issued for");
        }
        for (DocumentFinding f : fitting) {
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
        DocumentSource source = sourceOf(proof.foundAs());
        String about = "A proof that the document " + proof.sha256() + " is " + source.described(proof.foundAs()) + ", "
                + proof.recordKey() + " version " + proof.version() + ", issued by " + proof.issuer() + " on " + proof.issuedAt();
        if (!proof.channel().equals(coordinates.channel()) || !proof.chaincode().equals(coordinates.chaincode())) {
            steps.add(VerificationStep.of(Kind.PROOF_FILE, Result.FAIL, about + ". It names channel " + proof.channel()
                    + " and chaincode " + proof.chaincode() + ", but this portal's ledger is channel " + coordinates.channel()
                    + ", chaincode " + coordinates.chaincode() + "."));
        } else {
            steps.add(VerificationStep.of(Kind.PROOF_FILE, Result.PASS, about + ", on channel " + proof.channel() + ", chaincode "
                    + proof.chaincode() + "."));
        }
        steps.add(source.offline(proof));
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

    /** The findings of every source in order, records' own documents last, each place and version once. */
    private List<DocumentFinding> findings(String sha, Set<Place> places) {
        List<DocumentFinding> found = new ArrayList<>();
        for (DocumentSource source : sources) {
            found.addAll(source.findings(sha, places));
        }
        Set<String> seen = new LinkedHashSet<>();
        return found.stream().filter(f -> seen.add(f.foundAs() + " " + f.version().recordKey() + " " + f.version().version())).toList();
    }

    private DocumentSource sourceOf(FoundAs kind) {
        return byKind.get(kind);
    }

    /**
     * A record's own document: the version's ledger hash is its SHA-256, or the portal recomputes that
     * hash from its stored document.
     */
    private static final class OwnDocuments implements DocumentSource {

        private final RecordRepository records;
        private final LedgerImprints imprints;

        OwnDocuments(RecordRepository records, LedgerImprints imprints) {
            this.records = records;
            this.imprints = imprints;
        }

        @Override
        public int order() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Set<FoundAs> kinds() {
            return Set.of(FoundAs.RECORD_DOCUMENT);
        }

        @Override
        public List<DocumentFinding> findings(String sha, Set<Place> places) {
            List<RecordVersion> versions = places.contains(Place.STORED_DOCUMENT) ? records.findByHash(sha)
                    : places.contains(Place.LEDGER_HASH) ? records.findByLedgerHash(sha) : List.of();
            return versions.stream().map(v -> ownDocument(v, sha)).toList();
        }

        /** A version whose ledger hash or stored document this is. */
        private DocumentFinding ownDocument(RecordVersion v, String sha) {
            String at = v.recordKey() + " version " + v.version();
            if (v.hash().equals(sha)) {
                String description = imprint(v).describe(at);
                return new DocumentFinding(FoundAs.RECORD_DOCUMENT, v, sha, Optional.empty(), description, true, Optional.empty(),
                        new OwnTie(sha));
            }
            // The stored document of a version whose ledger hash is something else (its imprint is not the document's):
            // the ledger check recomputes that hash from it, but a proof file cannot state the tie.
            return new DocumentFinding(FoundAs.RECORD_DOCUMENT, v, v.hash(), Optional.empty(), "The record document of " + at
                    + " (its canonical JSON); the ledger holds " + v.hash() + " for it, which the portal recomputes from it.", false,
                    Optional.empty(), new OwnTie(v.hash()));
        }

        /** The version's imprint; a code this portal does not know reads as the common one. */
        private LedgerImprint imprint(RecordVersion v) {
            try {
                return imprints.of(v.imprint());
            } catch (IllegalStateException e) {
                return LedgerImprint.DOCUMENT;
            }
        }

        @Override
        public String noun(FoundAs kind) {
            return "record document";
        }

        @Override
        public String described(FoundAs kind) {
            return "a record's own document";
        }

        @Override
        public VerificationStep offline(ProofReceipt proof) {
            return DocumentSource.checkedOffline(proof, "The document's SHA-256 is the ledger hash the proof names.");
        }
    }

    /** @param ledgerHash what the portal's index says the ledger holds for the version */
    private record OwnTie(String ledgerHash) implements DocumentFinding.Tie {

        @Override
        public VerificationStep onLedger(String sha256, String ledgerHash, LedgerEntry entry, String read) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read + (sha256.equals(ledgerHash)
                    ? ": this document's SHA-256." : ", which the portal recomputes from this document."));
        }

        @Override
        public VerificationStep inIndex(String sha256, String written) {
            return onLedger(sha256, ledgerHash, null, written);
        }
    }

    /**
     * The steps before the findings, the same for both answers: the hash, then the first source's
     * warning that the hash is known but does not count yet, or {@code notFound} when it is found nowhere.
     */
    private List<VerificationStep> opening(String sha, Set<Place> places, List<DocumentFinding> findings,
                                           Supplier<VerificationStep> notFound) {
        List<VerificationStep> opening = new ArrayList<>();
        opening.add(VerificationStep.of(Kind.HASH, Result.PASS, "SHA-256 " + sha + ", computed in your browser (the file itself"
                + " was not sent) or pasted."));
        Optional<VerificationStep> waiting = sources.stream().flatMap(source -> source.waiting(sha, places).stream()).findFirst();
        if (waiting.isPresent()) {
            opening.add(waiting.get());
        } else if (findings.isEmpty()) {
            opening.add(notFound.get());
        }
        return opening;
    }

    private VerificationStep notFound(String sha) {
        StringBuilder text = new StringBuilder(holdsNone);
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

    private DocumentMatch check(String sha, DocumentFinding f, LedgerRead read) {
        RecordVersion v = f.version();
        List<VerificationStep> steps = new ArrayList<>();
        steps.add(VerificationStep.of(Kind.FOUND_AS, Result.PASS, f.description()));
        steps.add(portalStep(v));
        steps.add(ledgerEntryStep(sha, f, read));
        steps.add(endorsementStep(v, read));
        steps.add(statusStep(f.foundAs(), v.recordKey(), v.version(), read,
                current -> f.tie().statusOnLedger(v.recordKey(), current)));
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

    private static VerificationStep ledgerEntryStep(String sha, DocumentFinding f, LedgerRead read) {
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
        LedgerHistoryItem item = read.item(v.version());
        return f.tie().onLedger(sha, check.ledgerHash(), item == null ? null : item.value(), read1);
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

    /** @param ownStatus the kind's own status step from the record's current ledger entry; empty for the common one */
    private static VerificationStep statusStep(FoundAs foundAs, String recordKey, int version, LedgerRead read,
                                               Function<LedgerEntry, Optional<VerificationStep>> ownStatus) {
        if (!read.available()) {
            return VerificationStep.of(Kind.STATUS, Result.NOT_CHECKED, UNREACHABLE);
        }
        LedgerEntry current = read.current();
        if (current == null) {
            return VerificationStep.of(Kind.STATUS, Result.NOT_APPLICABLE, "The ledger holds no entry for " + recordKey + ".");
        }
        Optional<VerificationStep> own = ownStatus.apply(current);
        if (own.isPresent()) {
            return own.get();
        }
        String text = recordKey + " is now " + current.status() + " on the ledger, at version " + current.version() + ".";
        if (foundAs == FoundAs.RECORD_DOCUMENT && version < current.version()) {
            return VerificationStep.of(Kind.STATUS, Result.WARN, text + " This document is version " + version
                    + ": the record has changed since.");
        }
        return VerificationStep.of(Kind.STATUS, Result.PASS, text);
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

    private DocumentMatch checkFromIndex(String sha, DocumentFinding f) {
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
    private static VerificationStep indexedEntryStep(String sha, DocumentFinding f) {
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
        return f.tie().inIndex(sha, written);
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

    private VerificationStep indexedStatusStep(DocumentFinding f) {
        return f.tie().statusInPortal().orElseGet(() -> commonIndexedStatusStep(f));
    }

    private VerificationStep commonIndexedStatusStep(DocumentFinding f) {
        RecordVersion v = f.version();
        int current = records.findHead(v.recordKey()).map(h -> h.currentVersion()).orElse(0);
        String text = v.recordKey() + " is now at version " + current + " in the portal.";
        if (f.foundAs() == FoundAs.RECORD_DOCUMENT && v.version() < current) {
            return VerificationStep.of(Kind.STATUS, Result.WARN, text + " This document is version " + v.version()
                    + ": the record has changed since.");
        }
        return VerificationStep.of(Kind.STATUS, Result.PASS, text);
    }

    // ---- proof files ---------------------------------------------------------------------------

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
        DocumentSource source = sourceOf(proof.foundAs());
        steps.add(source.documentHash(proof, item == null ? null : item.value()).orElseGet(() -> VerificationStep.of(
                Kind.PROOF_DOCUMENT_HASH, Result.NOT_APPLICABLE, namesDocumentOnLedger)));
        steps.add(transactionStep(Kind.ENDORSEMENT, proof.txId(), proof.blockNumber(), proof.endorsingMspIds()));
        steps.add(statusStep(proof.foundAs(), proof.recordKey(), proof.version(), read, current -> source.status(proof, current)));
        return steps;
    }
}
