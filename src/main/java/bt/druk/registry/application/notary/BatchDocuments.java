package bt.druk.registry.application.notary;

import bt.druk.registry.application.verify.DocumentFinding;
import bt.druk.registry.application.verify.DocumentSource;
import bt.druk.registry.application.verify.HashOccurrences.Place;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.application.verify.VerificationStep.Kind;
import bt.druk.registry.application.verify.VerificationStep.Result;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.notary.merkle.MerkleVerification;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Documents of notary batches for verification by hash: the ledger holds the batch's Merkle root
 * (its anchor's version), to which the document's inclusion proof must lead. A document still
 * queued is known but does not count yet.
 */
@ApplicationScoped
public class BatchDocuments implements DocumentSource {

    private BatchMembers batchMembers;
    private RecordRepository records;

    protected BatchDocuments() {
    }

    @Inject
    public BatchDocuments(BatchMembers batchMembers, RecordRepository records) {
        this.batchMembers = batchMembers;
        this.records = records;
    }

    /** After notarisations, before files named in other registers' records. */
    @Override
    public int order() {
        return 200;
    }

    @Override
    public Set<FoundAs> kinds() {
        return Set.of(FoundAs.BATCH_MEMBER);
    }

    /** A document in a cut batch, found by its anchor's version; a document still queued has no anchor yet. */
    @Override
    public List<DocumentFinding> findings(String sha256, Set<Place> places) {
        if (!places.contains(Place.BATCH_DOCUMENT)) {
            return List.of();
        }
        return batchMembers.find(sha256).flatMap(this::finding).stream().toList();
    }

    private Optional<DocumentFinding> finding(BatchMember member) {
        if (member.anchorKey() == null) {
            return Optional.empty();
        }
        return records.versionsOf(member.anchorKey()).stream().filter(v -> v.ledgerState() != LedgerState.REJECTED).findFirst()
                .map(v -> new DocumentFinding(FoundAs.BATCH_MEMBER, v, member.ledgerHash() == null ? v.hash() : member.ledgerHash(),
                        Optional.empty(), "A member of notary batch " + RecordKey.parse(member.anchorKey()).id() + " (document "
                        + (member.leafIndex() + 1) + (member.treeSize() == null ? "" : " of " + member.treeSize())
                        + "), queued by " + member.office() + " at " + member.queuedAt() + ".",
                        member.state() == BatchMember.State.ANCHORED && member.proof().isPresent(), member.proof(),
                        new Tie(member, v)));
    }

    @Override
    public String noun(FoundAs kind) {
        return "notary batch member";
    }

    @Override
    public String described(FoundAs kind) {
        return "a member of a notary batch";
    }

    @Override
    public Optional<VerificationStep> waiting(String sha256, Set<Place> places) {
        Optional<BatchMember> queued = places.contains(Place.BATCH_DOCUMENT)
                ? batchMembers.find(sha256).filter(m -> m.state() == BatchMember.State.QUEUED) : Optional.empty();
        return queued.map(m -> VerificationStep.of(Kind.FOUND_AS, Result.WARN, "Queued for a notary batch by " + m.office()
                + " at " + m.queuedAt() + ": it counts as notarised only once its batch is anchored on the ledger."));
    }

    @Override
    public Optional<String> proofWaiting(String sha256) {
        return batchMembers.find(sha256).map(m -> "The document " + sha256 + " is queued for a notary batch; its proof file can be"
                + " downloaded once the batch is anchored on the ledger");
    }

    @Override
    public VerificationStep offline(ProofReceipt proof) {
        return DocumentSource.checkedOffline(proof, "The Merkle path leads from the document to the root " + proof.ledgerHash() + ".");
    }

    /** A batch member and the anchor version that holds its batch's root. */
    private record Tie(BatchMember member, RecordVersion anchor) implements DocumentFinding.Tie {

        @Override
        public VerificationStep onLedger(String sha256, String ledgerHash, LedgerEntry entry, String read) {
            return rootStep(ledgerHash, read);
        }

        @Override
        public VerificationStep inIndex(String sha256, String written) {
            return rootStep(anchor.hash(), written);
        }

        /** The batch's root is on the ledger; the document's Merkle path must lead to it. */
        private VerificationStep rootStep(String ledgerRoot, String read) {
            if (member.state() == BatchMember.State.TAMPERED) {
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, read + ", but the batch's stored documents no longer give"
                        + " that root: the portal's database was changed.");
            }
            if (member.proof().isEmpty()) {
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.WARN, read + "; the document's inclusion proof is issued once the"
                        + " batch is committed.");
            }
            MerkleVerification path = member.proof().get().verifyAgainst(ledgerRoot);
            return path.ok()
                    ? VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read + ": the Merkle root of the batch, to which this"
                    + " document's inclusion proof leads.")
                    : VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, read + ", but this document's inclusion proof does not lead"
                    + " to it: " + path.reason() + ".");
        }
    }
}
