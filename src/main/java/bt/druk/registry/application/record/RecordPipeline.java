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
import java.util.ArrayList;
import java.util.List;
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
        Prepared prepared = prepare(draft);
        LedgerCall call = draft.ledgerCall().build(draft.recordKey(), prepared.version(), prepared.ledgerHash(), prepared.previousHash());
        RecordVersion stored = store(prepared, call, now);
        repository.addOutbox(new OutboxEntry(stored, call, draft.submittedBy(), now));
        finish(prepared, stored, now);
        return ackOf(stored);
    }

    /**
     * Stores the next versions of several records, all written by one ledger call (a subdivision
     * retires its parent and creates the children in one transaction): one outbox entry, owned by
     * the first draft's version, with the others as its companions. The drafts' own ledger calls
     * are not used ({@link VersionDraft#WRITTEN_TOGETHER}).
     *
     * @param call builds the one call from every version's number and hashes, in the drafts' order
     * @return the acknowledgements in the drafts' order
     * @throws ConcurrentUpdateException if any record is no longer at its draft's base version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SubmissionAck> appendTogether(List<VersionDraft> drafts, JointCall call) {
        if (drafts.size() < 2 || drafts.stream().map(VersionDraft::recordKey).distinct().count() != drafts.size()) {
            throw new IllegalArgumentException("a joint write names at least two distinct records");
        }
        Instant now = clock.instant();
        // Heads are locked in key order, whatever the drafts' order: two joint writes over the same
        // records cannot then wait for each other.
        drafts.stream().map(VersionDraft::recordKey).sorted().forEach(repository::lockHead);
        List<Prepared> prepared = drafts.stream().map(this::prepare).toList();
        LedgerCall ledgerCall = call.build(prepared.stream()
                .map(p -> new Written(p.draft().recordKey(), p.version(), p.ledgerHash(), p.previousHash())).toList());
        List<RecordVersion> stored = new ArrayList<>();
        for (Prepared p : prepared) {
            stored.add(store(p, ledgerCall, now));
        }
        repository.addOutbox(new OutboxEntry(stored.get(0), stored.subList(1, stored.size()), ledgerCall,
                drafts.get(0).submittedBy(), now));
        List<SubmissionAck> acks = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            finish(prepared.get(i), stored.get(i), now);
            acks.add(ackOf(stored.get(i)));
        }
        return acks;
    }

    /** One version of a joint write as the ledger call names it. */
    public record Written(String recordKey, int version, String ledgerHash, String previousHash) {
    }

    /** Builds one ledger call that writes several versions ({@link #appendTogether}). */
    @FunctionalInterface
    public interface JointCall {
        LedgerCall build(List<Written> versions);
    }

    /** A draft with its version number, previous hash and canonical document worked out, its head locked. */
    private record Prepared(VersionDraft draft, RecordHead head, int version, String previousHash, String canonical,
                            String ledgerHash) {
    }

    private Prepared prepare(VersionDraft draft) {
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
        return new Prepared(draft, head, version, previousHash, canonical, draft.imprint().ledgerHash(canonical));
    }

    private RecordVersion store(Prepared p, LedgerCall call, Instant now) {
        VersionDraft draft = p.draft();
        repository.addParties(draft.parties(), now);
        return repository.addVersion(new RecordVersion(draft.recordKey(), draft.kind(),
                draft.register().code(), p.version(), draft.operation(), call.function(), p.canonical(),
                CanonicalJson.sha256Hex(p.canonical()), draft.imprint().code(), p.ledgerHash(), p.previousHash(),
                draft.submittedBy(), draft.office(), now));
    }

    /** Moves (or makes) the record's head, logs the write and tells the register's projections. */
    private void finish(Prepared p, RecordVersion stored, Instant now) {
        VersionDraft draft = p.draft();
        RecordHead head = p.head();
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
        staffLog.append(StaffEvent.write(now, draft.submittedBy(), draft.recordKey(), p.version(), draft.operation()));
        notifyProjections(draft.kind(), draft.recordKey(), Optional.of(stored));
    }

    private static SubmissionAck ackOf(RecordVersion stored) {
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
