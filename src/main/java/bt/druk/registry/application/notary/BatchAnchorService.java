package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.notary.BatchQueue;
import bt.druk.registry.domain.notary.QueuedDocument;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notarisation in Merkle batches, for bulk issuance. A clerk queues document hashes (only the
 * hashes: the documents stay with the issuer); the queue is durable, so a queued document is
 * acknowledged once its row is committed. The cutter then takes up to N waiting documents of one
 * clerk (or fewer once the oldest has waited T) and, in one database transaction, stores a batch
 * anchor ({@code AnchorBatch}: one record whose ledger hash is the RFC 9162 root of the ordered
 * leaves, through the record pipeline and its outbox) and assigns each document its leaf. So a
 * document is in at most one live anchor, the pipeline's retries never anchor a batch twice (the
 * chaincode answers ALREADY_RECORDED), and an anchor the ledger refuses puts its documents back in
 * the queue ({@link AnchorProjection}).
 */
@ApplicationScoped
@Transactional
public class BatchAnchorService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordPipeline pipeline;
    private BatchQueue queue;
    private BatchPolicy policy;
    private BatchMembers members;
    private Clock clock;

    protected BatchAnchorService() {
    }

    @Inject
    public BatchAnchorService(RecordPipeline pipeline, BatchQueue queue, BatchPolicy policy, BatchMembers members, Clock clock) {
        this.pipeline = pipeline;
        this.queue = queue;
        this.policy = policy;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Queues documents for batch notarisation. A document queued before (by anyone) is not queued
     * again: its current state is returned instead.
     *
     * @param documentHashes SHA-256 digests, 64 hex characters each
     * @return each distinct document's state, in the order given
     * @throws ValidationException field {@code documents}: none given, too many, or one is not a SHA-256
     */
    public List<BatchMember> enqueue(StaffMember actor, List<String> documentHashes) {
        actor.requireClerkOf(Register.NOTARY);
        Set<String> hashes = checkedHashes(documentHashes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // One look-up for the whole request: a query per document cost more than storing it.
        Map<String, BatchMember> before = members.findAll(hashes);
        List<BatchMember> states = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            if (before.containsKey(hash)) {
                states.add(before.get(hash));
            } else {
                QueuedDocument queued = QueuedDocument.waiting(hash, actor.username(), actor.office(), now);
                queue.add(queued);
                states.add(BatchMember.waiting(queued));
            }
        }
        return states;
    }

    /**
     * Cuts one batch if one is due: {@link BatchPolicy#maxDocuments()} waiting documents of the
     * clerk whose document has waited longest, or fewer once that one has waited
     * {@link BatchPolicy#maxWait()}.
     *
     * @return the anchor's acknowledgement, empty if no batch was due
     */
    public Optional<SubmissionAck> cutDue() {
        List<QueuedDocument> batch = queue.lockOldestBatch(policy.maxDocuments());
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean full = batch.size() == policy.maxDocuments();
        if (!full && batch.get(0).queuedAt().plus(policy.maxWait()).isAfter(now)) {
            return Optional.empty();
        }
        QueuedDocument first = batch.get(0);
        List<String> leaves = batch.stream().map(QueuedDocument::documentHash).toList();
        // The anchor's public record names a role; the clerk who queued the batch signs its ledger write.
        BatchAnchor anchor = new BatchAnchor(newAnchorId(now), leaves, first.office(), now,
                StaffMember.publicRole(Role.CLERK, Register.NOTARY));
        SubmissionAck ack = pipeline.append(new VersionDraft(anchor.key(), Register.NOTARY, 0, "ANCHOR_BATCH", anchor.toJson(),
                List.of(), new MerkleRootImprint(), LedgerCall.Factory.standard("AnchorBatch", Integer.toString(leaves.size()),
                first.office()), first.queuedBy(), first.office()));
        queue.assign(ack.recordKey(), leaves);
        return Optional.of(ack);
    }

    /**
     * {@code 2026-11-30-<12 random hex>}: unique on a ledger that other portal databases share,
     * and never reused by a batch cut again after its anchor was refused.
     */
    private static String newAnchorId(Instant now) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(random);
    }

    /** The distinct documents of a request, lower-case, in order; refused if none, too many or one is not a SHA-256. */
    static Set<String> checkedHashes(List<String> documentHashes) {
        if (documentHashes == null || documentHashes.isEmpty()) {
            throw ValidationException.of("documents", "notary.batch.empty", "Give at least one document to notarise");
        }
        if (documentHashes.size() > BatchPolicy.MAX_PER_REQUEST) {
            throw ValidationException.of("documents", "notary.batch.tooMany", "At most " + BatchPolicy.MAX_PER_REQUEST
                    + " documents at a time; this was " + documentHashes.size());
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (int i = 0; i < documentHashes.size(); i++) {
            String hash = documentHashes.get(i) == null ? "" : documentHashes.get(i).strip().toLowerCase(Locale.ROOT);
            if (!CanonicalJson.isSha256Hex(hash)) {
                throw ValidationException.of("documents", "notary.batch.hash", "Document " + (i + 1)
                        + " is not a SHA-256 (64 hexadecimal characters)");
            }
            hashes.add(hash);
        }
        return hashes;
    }
}
