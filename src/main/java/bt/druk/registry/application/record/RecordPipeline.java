package bt.druk.registry.application.record;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordHead;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one path by which every register saves a record version: canonical JSON → SHA-256 → what
 * the ledger will hold for it (the draft's {@link bt.druk.registry.domain.record.LedgerImprint}) →
 * the version, its outbox entry and the staff log's entry for the write stored in the caller's
 * database transaction. The ledger submitter
 * sends the outbox entry later; nothing here talks to the ledger.
 */
@ApplicationScoped
public class RecordPipeline {

    private RecordRepository repository;
    private Clock clock;
    private Iterable<RecordProjection> projections;
    private StaffEventLog staffLog;

    protected RecordPipeline() {
        // for CDI proxies
    }

    @Inject
    public RecordPipeline(RecordRepository repository, Clock clock, @Any Instance<RecordProjection> projections,
                          StaffEventLog staffLog) {
        this(repository, clock, (Iterable<RecordProjection>) projections, staffLog);
    }

    public RecordPipeline(RecordRepository repository, Clock clock, Iterable<RecordProjection> projections,
                          StaffEventLog staffLog) {
        this.repository = repository;
        this.clock = clock;
        this.projections = projections;
        this.staffLog = staffLog;
    }

    /**
     * Locks the record for this transaction and returns its current live version (empty for a new
     * record). Call before computing a change so that two clerks cannot both build on the same version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RecordVersion> lockCurrent(String recordKey) {
        return repository.lockHead(recordKey)
                .filter(head -> head.currentVersionId() != null)
                .flatMap(head -> repository.findVersion(head.currentVersionId()));
    }

    /** Current live version without locking. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RecordVersion> current(String recordKey) {
        return repository.findHead(recordKey)
                .filter(head -> head.currentVersionId() != null)
                .flatMap(head -> repository.findVersion(head.currentVersionId()));
    }

    /** The record's live version 1 (the one that created it), without locking. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RecordVersion> firstVersion(String recordKey) {
        return repository.findLiveVersion(recordKey, 1);
    }

    /**
     * Stores the next version of the record and its ledger submission.
     *
     * @throws ConcurrentUpdateException if the record is no longer at {@code draft.baseVersion()}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubmissionAck append(VersionDraft draft) {
        Instant now = clock.instant();
        RecordHead head = repository.lockHead(draft.recordKey()).orElse(null);
        int currentVersion = head == null ? 0 : head.currentVersion();
        if (currentVersion != draft.baseVersion()) {
            throw new ConcurrentUpdateException(draft.recordKey() + " is at version " + currentVersion
                    + ", not " + draft.baseVersion() + "; reload and try again");
        }
        int version = currentVersion + 1;
        String previousHash = head == null ? null : head.currentHash();

        JsonObject document = RecordDocument.envelope(draft.recordKey(), draft.kind(), draft.register().code(),
                version, previousHash, draft.data());
        String canonical = CanonicalJson.canonicalize(document);
        String ledgerHash = draft.imprint().ledgerHash(canonical);
        LedgerCall call = draft.ledgerCall().build(draft.recordKey(), version, ledgerHash, previousHash);

        repository.addParties(draft.parties(), now);
        RecordVersion stored = repository.addVersion(new RecordVersion(draft.recordKey(), draft.kind(),
                draft.register().code(), version, draft.operation(), call.function(), canonical,
                CanonicalJson.sha256Hex(canonical), draft.imprint().code(), ledgerHash, previousHash,
                draft.submittedBy(), draft.office(), now));
        repository.addOutbox(new OutboxEntry(stored, call, draft.submittedBy(), now));
        if (head == null) {
            head = new RecordHead(draft.recordKey(), draft.kind(), draft.register().code(), now);
            head.moveTo(stored, now);
            try {
                repository.addHead(head);
                repository.flush();
            } catch (RecordRepository.DuplicateRecordException e) {
                throw new ConcurrentUpdateException(draft.recordKey() + " was created by someone else meanwhile");
            }
        } else {
            head.moveTo(stored, now);
        }
        staffLog.append(StaffEvent.write(now, draft.submittedBy(), draft.recordKey(), version, draft.operation()));
        notifyProjections(draft.kind(), draft.recordKey(), Optional.of(stored));
        return new SubmissionAck(stored.recordKey(), stored.version(), stored.hash(), stored.ledgerState());
    }

    void notifyProjections(String kind, String recordKey, Optional<RecordVersion> current) {
        for (RecordProjection projection : projections) {
            if (projection.kind().equals(kind)) {
                projection.currentVersionChanged(recordKey, current);
            }
        }
    }
}
