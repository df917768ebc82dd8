package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.record.LedgerCheckpoint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxBacklog;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordHead;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** JPA storage of the record pipeline; runs inside the caller's transaction. */
@ApplicationScoped
public class JpaRecordRepository implements RecordRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    /** Told of every record whose rows are handed out for writing, so that its cached stamp is read afresh. */
    @Inject
    JpaRecordStamps stamps;

    @Override
    public Optional<RecordHead> lockHead(String recordKey) {
        stamps.writing(recordKey);
        return Optional.ofNullable(em.find(RecordHead.class, recordKey, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<RecordHead> findHead(String recordKey) {
        return Optional.ofNullable(em.find(RecordHead.class, recordKey));
    }

    @Override
    public void addHead(RecordHead head) {
        try {
            em.persist(head);
        } catch (EntityExistsException e) {
            throw new DuplicateRecordException(head.recordKey(), e);
        }
    }

    @Override
    public RecordVersion addVersion(RecordVersion version) {
        stamps.writing(version.recordKey());
        em.persist(version);
        em.flush(); // the outbox entry needs the id
        return version;
    }

    @Override
    public OutboxEntry addOutbox(OutboxEntry entry) {
        em.persist(entry);
        return entry;
    }

    @Override
    public void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new DuplicateRecordException("concurrent change", e);
        } catch (PersistenceException e) {
            // A unique key (record head, or live version number) taken by a concurrent transaction;
            // anything else (the database gone, say) is no conflict and must not be reported as one.
            if (DatabaseOutage.isIntegrityViolation(e)) {
                throw new DuplicateRecordException("concurrent insert", e);
            }
            throw e;
        }
    }

    @Override
    public void addParties(Collection<Party> parties, Instant now) {
        for (Party party : parties) {
            if (em.find(PartyRow.class, party.commitment()) == null) {
                em.persist(new PartyRow(party, now));
            }
        }
    }

    @Override
    public Map<String, Party> findParties(Collection<String> commitments) {
        if (commitments.isEmpty()) {
            return Map.of();
        }
        Map<String, Party> found = new HashMap<>();
        em.createQuery("select p from PartyRow p where p.commitment in :commitments", PartyRow.class)
                .setParameter("commitments", List.copyOf(commitments))
                .getResultList()
                .forEach(row -> {
                    Party party = row.toParty();
                    found.put(party.commitment(), party);
                });
        return found;
    }

    @Override
    public Optional<RecordVersion> findVersion(long id) {
        return Optional.ofNullable(em.find(RecordVersion.class, id));
    }

    @Override
    public Optional<RecordVersion> lockVersion(long id) {
        Optional<RecordVersion> version = Optional.ofNullable(em.find(RecordVersion.class, id, LockModeType.PESSIMISTIC_WRITE));
        version.ifPresent(v -> stamps.writing(v.recordKey()));
        return version;
    }

    @Override
    public Optional<RecordVersion> findLiveVersion(String recordKey, int version) {
        return em.createQuery("select v from RecordVersion v where v.recordKey = :key and v.version = :version"
                        + " and v.ledgerState <> :rejected", RecordVersion.class)
                .setParameter("key", recordKey)
                .setParameter("version", version)
                .setParameter("rejected", LedgerState.REJECTED)
                .getResultStream().findFirst();
    }

    @Override
    public List<RecordVersion> lockLiveVersions(Collection<String> recordKeys, Collection<Integer> versions) {
        if (recordKeys.isEmpty() || versions.isEmpty()) {
            return List.of();
        }
        List<Long> ids = em.createQuery("select v.id from RecordVersion v where v.recordKey in :keys and v.version in :versions"
                        + " and v.ledgerState <> :rejected order by v.id", Long.class)
                .setParameter("keys", List.copyOf(recordKeys))
                .setParameter("versions", List.copyOf(versions))
                .setParameter("rejected", LedgerState.REJECTED)
                .getResultList();
        // One by one in id order, as every writer of versions locks them: H2 locks the rows of one
        // SELECT ... FOR UPDATE in the order it scans them (by key), whatever the ORDER BY, and so
        // deadlocked with the submitter recording commits. Only records this database holds: a block
        // of other portals' writes changes nothing here.
        List<RecordVersion> locked = new ArrayList<>(ids.size());
        for (long id : ids) {
            // Checked again once locked: the version may have been rejected since the ids were read.
            lockVersion(id).filter(v -> v.ledgerState() != LedgerState.REJECTED).ifPresent(locked::add);
        }
        return locked;
    }

    @Override
    public List<OutboxEntry> openOutboxForVersions(Collection<Long> recordVersionIds) {
        if (recordVersionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from OutboxEntry e where e.recordVersionId in :ids and e.status = :due", OutboxEntry.class)
                .setParameter("ids", List.copyOf(recordVersionIds))
                .setParameter("due", OutboxEntry.Status.DUE)
                .getResultList();
    }

    @Override
    public List<RecordVersion> versionsOf(String recordKey) {
        return em.createQuery("select v from RecordVersion v where v.recordKey = :key order by v.version, v.id", RecordVersion.class)
                .setParameter("key", recordKey)
                .getResultList();
    }

    @Override
    public List<RecordVersion> findByHash(String hash) {
        // Two queries, each on its own index: H2 answers "hash = ? or document_hash = ?" by scanning the whole table.
        List<RecordVersion> found = new ArrayList<>(findByLedgerHash(hash));
        found.addAll(em.createQuery("select v from RecordVersion v where v.documentHash = :hash and v.hash <> :hash", RecordVersion.class)
                .setParameter("hash", hash)
                .getResultList());
        found.sort(Comparator.comparingLong(RecordVersion::id));
        return found;
    }

    @Override
    public List<RecordVersion> findByLedgerHash(String hash) {
        return em.createQuery("select v from RecordVersion v where v.hash = :hash order by v.id", RecordVersion.class)
                .setParameter("hash", hash)
                .getResultList();
    }

    @Override
    public List<RecordVersion> recentBySubmitter(String username, int limit) {
        return em.createQuery("select v from RecordVersion v where v.submittedBy = :user order by v.id desc", RecordVersion.class)
                .setParameter("user", username)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<RecordVersion> pending(int limit) {
        return em.createQuery("select v from RecordVersion v where v.ledgerState = :pending order by v.id", RecordVersion.class)
                .setParameter("pending", LedgerState.PENDING)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<OutboxEntry> claimOutbox(Instant now, int limit, String owner, Instant leaseUntil) {
        // Native: JPQL has no SKIP LOCKED. H2 2.2 and PostgreSQL both take this statement as written.
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT o.id FROM ledger_outbox o"
                        + " WHERE o.status = 'DUE' AND o.next_attempt_at <= ?1 AND (o.lease_until IS NULL OR o.lease_until < ?1)"
                        + " AND NOT EXISTS (SELECT 1 FROM ledger_outbox e"
                        + "   WHERE e.record_key = o.record_key AND e.status = 'DUE' AND e.version < o.version)"
                        // A joint call (a subdivision) keeps every record it writes in order: it waits for the
                        // earlier writes of its companions' records, and a later write of one waits for it.
                        + " AND NOT EXISTS (SELECT 1 FROM ledger_outbox_companion c JOIN ledger_outbox w ON w.record_key = c.record_key"
                        + "   WHERE c.outbox_id = o.id AND w.status = 'DUE' AND w.id < o.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM ledger_outbox_companion c JOIN ledger_outbox j ON j.id = c.outbox_id"
                        + "   WHERE c.record_key = o.record_key AND j.status = 'DUE' AND j.id < o.id)"
                        + " AND (o.carry_group IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_outbox g"
                        + "   WHERE g.carry_group = o.carry_group AND g.status = 'DUE' AND g.carry_at < o.carry_at))"
                        + " ORDER BY o.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxEntry> claimed = em.createQuery("select e from OutboxEntry e where e.id in :ids order by e.id", OutboxEntry.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultList();
        claimed.forEach(e -> e.lease(owner, leaseUntil, now));
        return claimed;
    }

    @Override
    public int releaseLeases(String owner, Set<Long> kept) {
        String release = "update OutboxEntry e set e.leaseOwner = null, e.leaseUntil = null where e.leaseOwner = :owner";
        if (kept.isEmpty()) {
            return em.createQuery(release).setParameter("owner", owner).executeUpdate();
        }
        return em.createQuery(release + " and e.id not in :kept")
                .setParameter("owner", owner)
                .setParameter("kept", List.copyOf(kept))
                .executeUpdate();
    }

    @Override
    public Map<Long, String> hashesOf(Collection<Long> recordVersionIds) {
        if (recordVersionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> hashes = new HashMap<>();
        for (Object[] row : em.createQuery("select v.id, v.hash from RecordVersion v where v.id in :ids", Object[].class)
                .setParameter("ids", List.copyOf(recordVersionIds))
                .getResultList()) {
            hashes.put((Long) row[0], (String) row[1]);
        }
        return hashes;
    }

    @Override
    public long openOutboxCountOf(String identity) {
        return em.createQuery("select count(e) from OutboxEntry e where e.status = :due and e.identity = :identity", Long.class)
                .setParameter("due", OutboxEntry.Status.DUE)
                .setParameter("identity", identity)
                .getSingleResult();
    }

    @Override
    public OutboxBacklog outboxBacklog() {
        long waiting = em.createQuery("select count(e) from OutboxEntry e where e.status = :due", Long.class)
                .setParameter("due", OutboxEntry.Status.DUE)
                .getSingleResult();
        // Not the lowest id: a version carried over to a new ledger waits from when it was queued again.
        Optional<Instant> oldest = em.createQuery("select e from OutboxEntry e where e.status = :due order by e.createdAt", OutboxEntry.class)
                .setParameter("due", OutboxEntry.Status.DUE)
                .setMaxResults(1)
                .getResultStream().findFirst().map(OutboxEntry::createdAt);
        return new OutboxBacklog(waiting, oldest.orElse(null));
    }

    @Override
    public List<OutboxEntry> openOutboxOf(String recordKey) {
        return em.createQuery("select e from OutboxEntry e where e.status = :due and e.recordKey = :key order by e.version, e.id",
                        OutboxEntry.class)
                .setParameter("due", OutboxEntry.Status.DUE)
                .setParameter("key", recordKey)
                .getResultList();
    }

    @Override
    public Optional<OutboxEntry> findOutbox(long id) {
        return Optional.ofNullable(em.find(OutboxEntry.class, id));
    }

    @Override
    public Optional<OutboxEntry> lockOutbox(long id) {
        return Optional.ofNullable(em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<OutboxEntry> findOutboxForVersion(long recordVersionId) {
        return em.createQuery("select e from OutboxEntry e where e.recordVersionId = :id", OutboxEntry.class)
                .setParameter("id", recordVersionId)
                .getResultStream().findFirst();
    }

    @Override
    public LedgerCheckpoint checkpoint(String name) {
        LedgerCheckpoint checkpoint = em.find(LedgerCheckpoint.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (checkpoint == null) {
            checkpoint = new LedgerCheckpoint(name, 0, Instant.now());
            em.persist(checkpoint);
        }
        return checkpoint;
    }
}
