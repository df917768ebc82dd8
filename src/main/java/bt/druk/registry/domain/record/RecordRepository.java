package bt.druk.registry.domain.record;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of record versions, heads, parties, outbox entries and the follower checkpoint (all registers). */
public interface RecordRepository {

    /** Head locked for update until the transaction ends (serialises writers of one record). */
    Optional<RecordHead> lockHead(String recordKey);

    Optional<RecordHead> findHead(String recordKey);

    /** Stores a new head; a concurrent insert of the same key fails with {@link DuplicateRecordException}. */
    void addHead(RecordHead head);

    /** Stores the version and assigns its id. */
    RecordVersion addVersion(RecordVersion version);

    OutboxEntry addOutbox(OutboxEntry entry);

    /** Writes pending changes now so constraint violations surface inside the caller's transaction. */
    void flush();

    Optional<RecordVersion> findVersion(long id);

    /** The version, locked for update until the transaction ends, as last committed (waits for a writer in progress). */
    Optional<RecordVersion> lockVersion(long id);

    /** The live (pending or committed) version with that number. */
    Optional<RecordVersion> findLiveVersion(String recordKey, int version);

    /**
     * The live versions whose key is one of {@code recordKeys} and whose number is one of
     * {@code versions} (every such pair, so possibly more than the caller's pairs), locked for update
     * in id order until the transaction ends and read as last committed.
     */
    List<RecordVersion> lockLiveVersions(Collection<String> recordKeys, Collection<Integer> versions);

    /** The DUE outbox entries of these versions. */
    List<OutboxEntry> openOutboxForVersions(Collection<Long> recordVersionIds);

    /** All versions of the record, including rejected ones, by version number then id. */
    List<RecordVersion> versionsOf(String recordKey);

    /** Versions whose ledger hash or document hash this is. */
    List<RecordVersion> findByHash(String hash);

    /** Versions whose ledger hash this is. */
    List<RecordVersion> findByLedgerHash(String hash);

    List<RecordVersion> recentBySubmitter(String username, int limit);

    List<RecordVersion> pending(int limit);

    /**
     * Claims up to {@code limit} DUE entries whose time has come and that no live lease holds, oldest
     * first, at most one per record (the lowest open version; later ones wait for it), leasing each to
     * {@code owner} until {@code leaseUntil}. Rows another transaction is claiming are skipped, not
     * waited for, so two portals on one database never claim the same row.
     */
    List<OutboxEntry> claimOutbox(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Ends every lease {@code owner} holds but those of the entries {@code kept} (a restarted portal
     * takes its unfinished work back at once; a running one, leases it lost track of).
     */
    int releaseLeases(String owner, Set<Long> kept);

    /** The ledger hashes of these versions, by version id. */
    Map<Long, String> hashesOf(Collection<Long> recordVersionIds);

    /** How many outbox entries signed by this identity still wait for the ledger. */
    long openOutboxCountOf(String identity);

    /** How many outbox entries still wait for the ledger, and since when the oldest has waited. */
    OutboxBacklog outboxBacklog();

    /** DUE entries of one record, by version. */
    List<OutboxEntry> openOutboxOf(String recordKey);

    Optional<OutboxEntry> findOutbox(long id);

    /**
     * The entry, locked until the transaction ends, for a writer that decides from its lease: a claim
     * by another portal (whose clock saw the lease run out) waits for it, or it for the claim, so a
     * lease check and the write that follows it can't be split by the claim.
     */
    Optional<OutboxEntry> lockOutbox(long id);

    Optional<OutboxEntry> findOutboxForVersion(long recordVersionId);

    /** Stores the parties not stored yet (a party keeps its commitment for life). */
    void addParties(Collection<Party> parties, Instant now);

    /** The stored parties among these commitments, by commitment. */
    Map<String, Party> findParties(Collection<String> commitments);

    /** The named checkpoint, created at block 0 if it does not exist yet. */
    LedgerCheckpoint checkpoint(String name);

    /** A record with this key was created concurrently. */
    class DuplicateRecordException extends RuntimeException {
        public DuplicateRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
