package bt.druk.registry.testing;

import bt.druk.registry.domain.record.LedgerCheckpoint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxBacklog;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordHead;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Map-backed repository for unit tests (no transactions: each change is immediate). */
public class InMemoryRecordRepository implements RecordRepository {

    private final Map<String, RecordHead> heads = new LinkedHashMap<>();
    private final Map<Long, RecordVersion> versions = new LinkedHashMap<>();
    private final Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
    private final Map<String, LedgerCheckpoint> checkpoints = new LinkedHashMap<>();
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final Clock clock;

    public InMemoryRecordRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<RecordHead> lockHead(String recordKey) {
        return findHead(recordKey);
    }

    @Override
    public synchronized Optional<RecordHead> findHead(String recordKey) {
        return Optional.ofNullable(heads.get(recordKey));
    }

    @Override
    public synchronized void addHead(RecordHead head) {
        if (heads.putIfAbsent(head.recordKey(), head) != null) {
            throw new DuplicateRecordException(head.recordKey(), null);
        }
    }

    @Override
    public synchronized RecordVersion addVersion(RecordVersion version) {
        for (RecordVersion v : versions.values()) {
            if (v.recordKey().equals(version.recordKey()) && v.version() == version.version()
                    && v.ledgerState() != LedgerState.REJECTED) {
                throw new IllegalStateException("unique (record_key, chain_version) violated");
            }
        }
        version.assignId(ids.getAndIncrement());
        versions.put(version.id(), version);
        return version;
    }

    @Override
    public synchronized OutboxEntry addOutbox(OutboxEntry entry) {
        entry.assignId(ids.getAndIncrement());
        outbox.put(entry.id(), entry);
        return entry;
    }

    @Override
    public void flush() {
    }

    @Override
    public synchronized Optional<RecordVersion> lockVersion(long id) {
        return findVersion(id);
    }

    @Override
    public synchronized Optional<RecordVersion> findVersion(long id) {
        return Optional.ofNullable(versions.get(id));
    }

    @Override
    public synchronized Optional<RecordVersion> findLiveVersion(String recordKey, int version) {
        return versions.values().stream()
                .filter(v -> v.recordKey().equals(recordKey) && v.version() == version && v.ledgerState() != LedgerState.REJECTED)
                .findFirst();
    }

    @Override
    public synchronized List<RecordVersion> lockLiveVersions(Collection<String> recordKeys, Collection<Integer> numbers) {
        return versions.values().stream()
                .filter(v -> recordKeys.contains(v.recordKey()) && numbers.contains(v.version()) && v.ledgerState() != LedgerState.REJECTED)
                .toList();
    }

    @Override
    public synchronized List<OutboxEntry> openOutboxForVersions(Collection<Long> recordVersionIds) {
        return outbox.values().stream()
                .filter(e -> e.status() == OutboxEntry.Status.DUE && recordVersionIds.contains(e.recordVersionId()))
                .toList();
    }

    @Override
    public synchronized List<RecordVersion> versionsOf(String recordKey) {
        return versions.values().stream().filter(v -> v.recordKey().equals(recordKey))
                .sorted(Comparator.comparingInt(RecordVersion::version).thenComparing(RecordVersion::id)).toList();
    }

    @Override
    public synchronized List<RecordVersion> findByHash(String hash) {
        return versions.values().stream().filter(v -> v.hash().equals(hash) || v.documentHash().equals(hash)).toList();
    }

    @Override
    public synchronized List<RecordVersion> findByLedgerHash(String hash) {
        return versions.values().stream().filter(v -> v.hash().equals(hash)).toList();
    }

    @Override
    public synchronized List<RecordVersion> recentBySubmitter(String username, int limit) {
        return versions.values().stream().filter(v -> v.submittedBy().equals(username))
                .sorted(Comparator.comparing(RecordVersion::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<RecordVersion> pending(int limit) {
        return versions.values().stream().filter(v -> v.ledgerState() == LedgerState.PENDING).limit(limit).toList();
    }

    @Override
    public synchronized List<OutboxEntry> claimOutbox(Instant now, int limit, String owner, Instant leaseUntil) {
        List<OutboxEntry> claimed = outbox.values().stream()
                .filter(e -> e.status() == OutboxEntry.Status.DUE && !e.nextAttemptAt().isAfter(now))
                .filter(e -> e.leaseUntil() == null || e.leaseUntil().isBefore(now))
                .filter(e -> outbox.values().stream().noneMatch(earlier -> earlier.status() == OutboxEntry.Status.DUE
                        && earlier.recordKey().equals(e.recordKey()) && earlier.version() < e.version()))
                .filter(e -> outbox.values().stream().noneMatch(w -> w.status() == OutboxEntry.Status.DUE && w.id() < e.id()
                        && (e.companionKeys().contains(w.recordKey()) || w.companionKeys().contains(e.recordKey()))))
                .filter(e -> e.carryGroup() == null || outbox.values().stream().noneMatch(earlier -> earlier.status() == OutboxEntry.Status.DUE
                        && e.carryGroup().equals(earlier.carryGroup()) && earlier.carryAt().isBefore(e.carryAt())))
                .sorted(Comparator.comparingLong(OutboxEntry::id))
                .limit(limit).toList();
        claimed.forEach(e -> e.lease(owner, leaseUntil, now));
        return claimed;
    }

    @Override
    public synchronized int releaseLeases(String owner, Set<Long> kept) {
        int released = 0;
        for (OutboxEntry e : outbox.values()) {
            if (owner.equals(e.leaseOwner()) && !kept.contains(e.id())) {
                e.endLease(clock.instant());
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized Map<Long, String> hashesOf(Collection<Long> recordVersionIds) {
        Map<Long, String> hashes = new HashMap<>();
        for (Long id : recordVersionIds) {
            findVersion(id).ifPresent(v -> hashes.put(id, v.hash()));
        }
        return hashes;
    }

    @Override
    public synchronized long openOutboxCountOf(String identity) {
        return outbox.values().stream().filter(e -> e.status() == OutboxEntry.Status.DUE && e.identity().equals(identity)).count();
    }

    @Override
    public synchronized OutboxBacklog outboxBacklog() {
        List<OutboxEntry> open = outbox.values().stream().filter(e -> e.status() == OutboxEntry.Status.DUE).toList();
        return new OutboxBacklog(open.size(), open.stream().map(OutboxEntry::createdAt).min(Comparator.naturalOrder()).orElse(null));
    }

    @Override
    public synchronized List<OutboxEntry> openOutboxOf(String recordKey) {
        return outbox.values().stream()
                .filter(e -> e.status() == OutboxEntry.Status.DUE && e.recordKey().equals(recordKey))
                .sorted(Comparator.comparingInt(OutboxEntry::version)).toList();
    }

    @Override
    public synchronized Optional<OutboxEntry> findOutbox(long id) {
        return Optional.ofNullable(outbox.get(id));
    }

    @Override
    public synchronized Optional<OutboxEntry> lockOutbox(long id) {
        return findOutbox(id);
    }

    @Override
    public synchronized Optional<OutboxEntry> findOutboxForVersion(long recordVersionId) {
        return outbox.values().stream().filter(e -> Objects.equals(e.recordVersionId(), recordVersionId)).findFirst();
    }

    @Override
    public synchronized void addParties(Collection<Party> added, Instant now) {
        added.forEach(p -> parties.putIfAbsent(p.commitment(), p));
    }

    @Override
    public synchronized Map<String, Party> findParties(Collection<String> commitments) {
        Map<String, Party> found = new LinkedHashMap<>();
        commitments.stream().filter(parties::containsKey).forEach(c -> found.put(c, parties.get(c)));
        return found;
    }

    /** Every checkpoint back at block 0 (what JpaLedgerBindings.rebind does in the database). */
    public synchronized void restartCheckpoints(Instant now) {
        checkpoints.replaceAll((name, old) -> new LedgerCheckpoint(name, 0, now));
    }

    @Override
    public synchronized LedgerCheckpoint checkpoint(String name) {
        return checkpoints.computeIfAbsent(name, n -> new LedgerCheckpoint(n, 0, clock.instant()));
    }

    /** What an UPDATE run directly in SQL does to a stored version's document (tamper tests). */
    public synchronized void replaceCanonicalJson(long versionId, String json) {
        RecordVersion version = findVersion(versionId).orElseThrow();
        try {
            java.lang.reflect.Field field = RecordVersion.class.getDeclaredField("canonicalJson");
            field.setAccessible(true);
            field.set(version, json);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored version, in the order stored. */
    public synchronized List<RecordVersion> allVersions() {
        return new ArrayList<>(versions.values());
    }

    public synchronized List<OutboxEntry> allOutbox() {
        return new ArrayList<>(outbox.values());
    }
}
