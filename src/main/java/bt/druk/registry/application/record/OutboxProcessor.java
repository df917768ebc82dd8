package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.RecordWritten;
import bt.druk.registry.domain.record.LedgerCheckpoint;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.RecordHead;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The database side of the ledger submitter and commit follower: each method is one short
 * transaction, so no database transaction stays open while the ledger is being called.
 */
@ApplicationScoped
public class OutboxProcessor {

    private static final Logger LOG = Logger.getLogger(OutboxProcessor.class.getName());

    /** Code stored on versions that were never sent because an earlier version was rejected. */
    public static final String PREDECESSOR_REJECTED = "PREDECESSOR_REJECTED";
    /** How often a carried version the new ledger refuses is sent in all (1, 2, 4, 8, 16 s apart). */
    static final int CARRY_ATTEMPTS = 6;

    private RecordRepository repository;
    private Clock clock;
    private RecordPipeline pipeline;

    protected OutboxProcessor() {
    }

    @Inject
    public OutboxProcessor(RecordRepository repository, Clock clock, RecordPipeline pipeline) {
        this.repository = repository;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    /**
     * Claims up to {@code limit} due entries for {@code owner} until {@code lease} has passed, at most
     * one per record: an entry waits while an earlier version of its record is still open, so
     * versions reach the ledger in order.
     */
    @Transactional
    public List<OutboxWork> claim(int limit, String owner, Duration lease) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        List<OutboxEntry> claimed = repository.claimOutbox(now, limit, owner, leaseUntil);
        Map<Long, String> hashes = repository.hashesOf(claimed.stream().map(OutboxEntry::recordVersionId).toList());
        List<OutboxWork> work = new ArrayList<>(claimed.size());
        for (OutboxEntry entry : claimed) {
            work.add(new OutboxWork(entry.id(), entry.recordKey(), entry.version(), hashes.get(entry.recordVersionId()),
                    entry.call(), entry.identity(), entry.attempts(), leaseUntil));
        }
        return work;
    }

    /**
     * Stores the ids of the transactions about to be sent, all in one database transaction (one
     * write per round of the submitter rather than per ledger transaction). Returns the outbox ids
     * whose lease {@code owner} still holds: only those may be sent; the others' leases ran out, and
     * another portal may be sending them.
     */
    @Transactional
    public Set<Long> recordSending(List<Sending> sendings, String owner) {
        Instant now = clock.instant();
        Set<Long> granted = new HashSet<>();
        // In id order, as every other writer of outbox rows locks them.
        for (Sending sending : sendings.stream().sorted(Comparator.comparingLong(Sending::outboxId)).toList()) {
            OutboxEntry entry = repository.lockOutbox(sending.outboxId()).orElseThrow();
            if (entry.status() == OutboxEntry.Status.DUE && owner.equals(entry.leaseOwner())
                    && entry.leaseUntil() != null && entry.leaseUntil().isAfter(now)) {
                entry.sending(sending.txId(), now);
                granted.add(sending.outboxId());
            }
        }
        return granted;
    }

    /** An endorsed transaction about to be sent for an outbox entry, for {@link #recordSending(List, String)}. */
    public record Sending(long outboxId, String txId) {
    }

    /** Ends the leases {@code owner} holds on entries other than {@code kept}; returns how many. */
    @Transactional
    public int releaseLeases(String owner, Set<Long> kept) {
        return repository.releaseLeases(owner, kept);
    }

    /** Commits the ledger reported, recorded together in one transaction (the commit follower adds their block's details). */
    @Transactional
    public void recordCommitted(List<SentCommit> commits) {
        // The versions are locked first, in id order, as the commit follower locks them: two writers
        // that take their row locks in one order cannot deadlock.
        Map<Long, OutboxEntry> entries = new HashMap<>();
        for (SentCommit commit : commits) {
            entries.put(commit.outboxId(), repository.findOutbox(commit.outboxId()).orElseThrow());
        }
        entries.values().stream().flatMap(e -> versionIdsOf(e).stream()).sorted().forEach(repository::lockVersion);
        for (SentCommit commit : commits) {
            recordCommitted(commit.outboxId(), commit.txId(), commit.blockNumber(), null, commit.note());
        }
    }

    /** A transaction the ledger reported committed, for {@link #recordCommitted(List)}. */
    public record SentCommit(long outboxId, String txId, Long blockNumber, String note) {
    }

    /** The ledger committed the call (or already had it: then {@code note} says so). */
    @Transactional
    public void recordCommitted(long outboxId, String txId, Long blockNumber, CommittedTransaction details, String note) {
        Instant now = clock.instant();
        OutboxEntry entry = repository.findOutbox(outboxId).orElseThrow();
        // Locked and read as last committed: the commit follower may be completing this very receipt
        // from its block at the same moment, and a partial receipt written over it would stay partial.
        RecordVersion version = repository.lockVersion(entry.recordVersionId()).orElseThrow();
        if (entry.status() == OutboxEntry.Status.DUE) {
            entry.markDone(txId, note, now);
        }
        markCommitted(version, txId, blockNumber, details, now);
        for (Long companion : entry.companionVersionIds()) {
            markCommitted(repository.lockVersion(companion).orElseThrow(), txId, blockNumber, details, now);
        }
    }

    private static void markCommitted(RecordVersion version, String txId, Long blockNumber, CommittedTransaction details,
                                      Instant now) {
        if (version.ledgerState() == LedgerState.REJECTED) {
            LOG.warning(() -> version.recordKey() + " v" + version.version() + " committed after being marked rejected");
            return;
        }
        if (version.isFullyCommitted()) {
            return; // the commit follower saw its block first
        }
        version.markCommitted(receiptOf(txId, blockNumber, details), now);
    }

    /** The entry's own version and its companions. */
    private static List<Long> versionIdsOf(OutboxEntry entry) {
        List<Long> ids = new ArrayList<>(entry.companionVersionIds());
        ids.add(0, entry.recordVersionId());
        return ids;
    }

    /**
     * The chaincode refused the call: the version and every later pending version are rejected. A
     * carried-over version is never rejected: see {@link #carryRefused}.
     */
    @Transactional
    public void recordRejected(long outboxId, String code, String message) {
        Instant now = clock.instant();
        OutboxEntry entry = repository.findOutbox(outboxId).orElseThrow();
        if (entry.isCarryOver()) {
            carryRefused(entry, code, message, now);
            return;
        }
        repository.lockHead(entry.recordKey()).orElseThrow();
        RecordVersion version = repository.findVersion(entry.recordVersionId()).orElseThrow();
        if (version.ledgerState() != LedgerState.PENDING) {
            entry.markDone(null, "ignored rejection " + code + ": version is " + version.ledgerState(), now);
            return;
        }
        entry.markDone(null, "[" + code + "] " + message, now);
        // A joint write's versions fall together: the ledger wrote none of them.
        for (Long id : versionIdsOf(entry)) {
            reject(repository.findVersion(id).orElseThrow(), code, message, now);
        }
    }

    /** Rejects a pending version and every later one of its record; the record falls back to its latest live version. */
    private void reject(RecordVersion version, String code, String message, Instant now) {
        RecordHead head = repository.lockHead(version.recordKey()).orElseThrow();
        if (version.ledgerState() != LedgerState.PENDING) {
            return;
        }
        version.markRejected(code, message, now);
        for (OutboxEntry later : repository.openOutboxOf(version.recordKey())) {
            if (later.version() > version.version()) {
                later.cancel("version " + version.version() + " was rejected", now);
                String why = "Version " + version.version() + " of " + version.recordKey() + " was rejected by the ledger: ["
                        + code + "] " + message;
                repository.findVersion(later.recordVersionId()).ifPresent(v -> v.markRejected(PREDECESSOR_REJECTED, why, now));
                // A joint write's companions had no call but this one: they fall with it (and their later versions with them).
                for (Long companion : later.companionVersionIds()) {
                    reject(repository.findVersion(companion).orElseThrow(), PREDECESSOR_REJECTED, why, now);
                }
            }
        }
        Optional<RecordVersion> live = repository.versionsOf(version.recordKey()).stream()
                .filter(v -> v.ledgerState() != LedgerState.REJECTED)
                .reduce((a, b) -> b);
        if (live.isPresent()) {
            head.moveTo(live.get(), now);
        } else {
            head.reset(now);
        }
        repository.flush();
        pipeline.notifyProjections(version.kind(), version.recordKey(), live);
    }

    /**
     * The new ledger refused a carried version. Versions go over in parallel, so one that names
     * another record (an award its bid, a supersession the notarisation that replaces it) may come
     * before that record: it is tried again, {@link #CARRY_ATTEMPTS} times in all. After that it stays
     * what the earlier ledger made it, committed, without a receipt here, for the tamper report to name.
     */
    private void carryRefused(OutboxEntry entry, String code, String message, Instant now) {
        if (entry.status() != OutboxEntry.Status.DUE) {
            return;
        }
        if (entry.attempts() + 1 < CARRY_ATTEMPTS) {
            entry.retryLater("[" + code + "] " + message, now.plus(backoff(entry.attempts() + 1)), now);
            return;
        }
        entry.markDone(null, "[" + code + "] " + message, now);
        RecordVersion version = repository.lockVersion(entry.recordVersionId()).orElseThrow();
        if (version.ledgerState() == LedgerState.PENDING) {
            LOG.warning(() -> version.recordKey() + " v" + version.version() + " was not carried over: [" + code + "] " + message);
            version.carryOverRefused(now);
        }
    }

    /** The ledger could not be reached: {@code owner} lets go, and tries again after a back-off that grows with the attempts. */
    @Transactional
    public void recordRetry(long outboxId, String error, String owner) {
        Instant now = clock.instant();
        OutboxEntry entry = repository.lockOutbox(outboxId).orElseThrow();
        if (entry.status() != OutboxEntry.Status.DUE || (entry.leaseOwner() != null && !entry.leaseOwner().equals(owner))) {
            return; // finished meanwhile, or another portal has taken it over
        }
        entry.retryLater(error, now.plus(backoff(entry.attempts() + 1)), now);
    }

    /** 1 s, 2 s, 4 s … capped at 60 s. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 6);
        return Duration.ofSeconds(Math.min(seconds, 60));
    }

    /**
     * Marks every version whose RecordWritten event is in the block as committed with its full
     * receipt, closes its outbox entry, and advances the checkpoint — all in one transaction, so
     * a restart resumes exactly after the last block fully handled.
     *
     * @return number of record versions newly committed or completed
     */
    @Transactional
    public int applyBlock(String checkpointName, LedgerBlock block) {
        Instant now = clock.instant();
        LedgerCheckpoint checkpoint = repository.checkpoint(checkpointName);
        if (block.number() < checkpoint.nextBlock()) {
            return 0; // seen already
        }
        // Two queries for the whole block: its versions, then their open outbox entries. The versions
        // are locked first and in id order, as the submitter's commit record locks them, so the two
        // writers never hold each other's rows (H2 reported deadlocks while the order was left to the
        // flush); the outbox rows written are only those of versions already locked.
        Map<String, CommittedTransaction> txOf = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (CommittedTransaction tx : block.transactions()) {
            if (tx.valid()) {
                for (RecordWritten event : tx.events()) {
                    txOf.put(writeId(event.key(), event.version(), event.hash()), tx);
                    keys.add(event.key());
                    numbers.add(event.version());
                }
            }
        }
        List<RecordVersion> written = new ArrayList<>();
        for (RecordVersion version : repository.lockLiveVersions(keys, numbers)) {
            // Events of other portals' databases, and versions already complete, are passed over.
            if (!version.isFullyCommitted() && txOf.containsKey(writeId(version))) {
                written.add(version);
            }
        }
        Map<Long, OutboxEntry> open = new HashMap<>();
        for (OutboxEntry entry : repository.openOutboxForVersions(written.stream().map(RecordVersion::id).toList())) {
            open.put(entry.recordVersionId(), entry);
        }
        for (RecordVersion version : written) {
            CommittedTransaction tx = txOf.get(writeId(version));
            version.markCommitted(receiptOf(tx.txId(), tx.blockNumber(), tx), now);
            OutboxEntry entry = open.get(version.id());
            if (entry != null) {
                entry.closeAsCommitted(tx.txId(), now);
            }
        }
        checkpoint.advanceTo(block.number() + 1, now);
        return written.size();
    }

    /** One ledger write of a record version: key, version number and hash. */
    private static String writeId(String key, int version, String hash) {
        return key + "#" + version + "#" + hash;
    }

    private static String writeId(RecordVersion version) {
        return writeId(version.recordKey(), version.version(), version.hash());
    }

    @Transactional
    public long nextBlock(String checkpointName) {
        return repository.checkpoint(checkpointName).nextBlock();
    }

    private static LedgerReceipt receiptOf(String txId, Long blockNumber, CommittedTransaction details) {
        if (details == null) {
            return new LedgerReceipt(txId, blockNumber, null, List.of());
        }
        return new LedgerReceipt(txId, details.blockNumber(), details.timestamp(), details.endorsingMspIds());
    }
}
