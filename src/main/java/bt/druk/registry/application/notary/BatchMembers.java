package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.notary.BatchQueue;
import bt.druk.registry.domain.notary.QueuedDocument;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where documents queued for Merkle batches stand, public (only hashes, offices and times). A
 * document's inclusion proof is computed from its anchor's stored leaves, and only once the anchor
 * is committed, so a proof never points at a root the ledger does not hold.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BatchMembers {

    private static final int TREES_KEPT = 64;

    private final Map<String, MerkleTree> trees = Collections.synchronizedMap(new LinkedHashMap<>(TREES_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MerkleTree> eldest) {
            return size() > TREES_KEPT;
        }
    });
    private BatchQueue queue;
    private RecordPipeline pipeline;

    protected BatchMembers() {
    }

    @Inject
    public BatchMembers(BatchQueue queue, RecordPipeline pipeline) {
        this.queue = queue;
        this.pipeline = pipeline;
    }

    /** The batch state of a document, by its SHA-256 (any case); empty if it was never queued. */
    public Optional<BatchMember> find(String sha256) {
        String hash = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        return queue.find(hash).map(this::memberOf);
    }

    /**
     * The batch states of the documents of one request (at most {@link BatchPolicy#MAX_PER_REQUEST}),
     * as {@link #findAll}.
     *
     * @throws ValidationException field {@code documents}: none given, too many, or one is not a SHA-256
     */
    public Map<String, BatchMember> statesOf(List<String> documentHashes) {
        return findAll(BatchAnchorService.checkedHashes(documentHashes));
    }

    /**
     * The batch states of many documents at once (a bulk issuer's proofs): those ever queued, by
     * their lower-case SHA-256, in the order given; one query for the documents and one per anchor.
     */
    public Map<String, BatchMember> findAll(Collection<String> sha256s) {
        List<String> hashes = sha256s.stream().map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        Map<String, QueuedDocument> found = new HashMap<>();
        queue.findAll(hashes).forEach(d -> found.put(d.documentHash(), d));
        Map<String, Optional<RecordVersion>> anchors = new HashMap<>();
        Map<String, BatchMember> members = new LinkedHashMap<>();
        for (String hash : hashes) {
            QueuedDocument document = found.get(hash);
            if (document != null) {
                members.put(hash, memberOf(document, key -> anchors.computeIfAbsent(key, pipeline::current)));
            }
        }
        return members;
    }

    /** The documents of one batch anchor, in leaf order. */
    public List<BatchMember> ofAnchor(String anchorKey) {
        return queue.ofAnchor(anchorKey).stream().map(this::memberOf).toList();
    }

    /** The anchor's stored leaves were edited after it was cut: they give no proof under its ledger root. */
    private static BatchMember tampered(QueuedDocument document, RecordVersion anchorVersion) {
        return new BatchMember(document.documentHash(), BatchMember.State.TAMPERED, document.queuedAt(), document.office(),
                document.anchorKey(), document.leafIndex(), null, anchorVersion.hash(), Optional.empty(), null);
    }

    /** The documents this clerk queued last, newest first. */
    public List<BatchMember> recentOf(String username, int limit) {
        return queue.recentOf(username, limit).stream().map(this::memberOf).toList();
    }

    /** Documents waiting for a batch to be cut. */
    public long waiting() {
        return queue.countWaiting();
    }

    /**
     * The tree of an anchor's stored leaves, kept by the exact stored text it was built from: each
     * document of a batch of hundreds asks for its proof, and parsing and hashing the whole batch
     * for each was most of that request's cost. An edited record is another text, so it is built
     * (and found tampered) afresh.
     */
    private MerkleTree treeOf(String anchorCanonicalJson) {
        MerkleTree tree = trees.get(anchorCanonicalJson);
        if (tree == null) {
            tree = BatchAnchor.fromJson(RecordDocument.dataOf(anchorCanonicalJson)).tree();
            trees.put(anchorCanonicalJson, tree);
        }
        return tree;
    }

    private BatchMember memberOf(QueuedDocument document) {
        return memberOf(document, pipeline::current);
    }

    private BatchMember memberOf(QueuedDocument document, Function<String, Optional<RecordVersion>> anchorVersions) {
        if (document.isWaiting()) {
            return BatchMember.waiting(document);
        }
        RecordVersion anchorVersion = anchorVersions.apply(document.anchorKey()).orElseThrow(() -> new IllegalStateException(
                document.documentHash() + " is assigned to " + document.anchorKey() + ", which has no live version"));
        InclusionProof proof;
        int treeSize;
        try {
            MerkleTree tree = treeOf(anchorVersion.canonicalJson());
            proof = tree.inclusionProof(document.leafIndex());
            treeSize = tree.size();
        } catch (RuntimeException e) {
            return tampered(document, anchorVersion);
        }
        if (!proof.leaf().equals(document.documentHash()) || !proof.root().equals(anchorVersion.hash())) {
            return tampered(document, anchorVersion);
        }
        if (anchorVersion.ledgerState() != LedgerState.COMMITTED) {
            return new BatchMember(document.documentHash(), BatchMember.State.ANCHORING, document.queuedAt(), document.office(),
                    document.anchorKey(), document.leafIndex(), treeSize, anchorVersion.hash(), Optional.empty(), null);
        }
        return new BatchMember(document.documentHash(), BatchMember.State.ANCHORED, document.queuedAt(), document.office(),
                document.anchorKey(), document.leafIndex(), treeSize, anchorVersion.hash(), Optional.of(proof),
                anchorVersion.receipt());
    }
}
