package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.record.RecordStamps;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One aggregate query over the record's versions (index ix_record_version_key), or over those of some
 * kinds (ix_record_version_kind_time); no document is loaded.
 * A stamp read is kept for at most a second: the public record page asks for it on every request, and
 * a popular record is asked for many times a second. This portal's own writes drop it at once:
 * {@link JpaRecordRepository} calls {@link #writing} for every record whose rows it hands out for
 * writing, and the stamp is dropped when that transaction ends. Another portal on the same database
 * is seen within the second.
 */
@ApplicationScoped
public class JpaRecordStamps implements RecordStamps {

    static final long FRESH_NANOS = 1_000_000_000L;
    static final int MAX_KEPT = 20_000;
    private static final Object WRITTEN_KEYS = JpaRecordStamps.class.getName() + ".written";
    /** Native: EclipseLink would run max(updated_at) through the Instant converter with the driver's type. */
    static final String STAMP = "SELECT COUNT(*), MAX(version),"
            + " SUM(CASE WHEN ledger_state = 'COMMITTED' THEN 1 ELSE 0 END),"
            + " COUNT(block_number), COUNT(endorsing_msps), MAX(updated_at)"
            + " FROM record_version";

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Counts ended transactions that wrote records: a stamp read while one ended may be older than its commit. */
    private final AtomicLong writesEnded = new AtomicLong();

    @Override
    public Optional<Stamp> of(String recordKey) {
        long now = System.nanoTime();
        Kept known = kept.get(recordKey);
        if (known != null && now - known.readAt() < FRESH_NANOS) {
            return known.stamp();
        }
        long endedBefore = writesEnded.get();
        Optional<Stamp> stamp = read(recordKey);
        if (writesEnded.get() == endedBefore) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear(); // many different records read within a second: nothing worth keeping
            }
            kept.put(recordKey, new Kept(stamp, now));
        }
        return stamp;
    }

    @Override
    public long endedWrites() {
        return writesEnded.get();
    }

    /** The current transaction is about to change the record's versions: its stamp is dropped when the transaction ends. */
    @SuppressWarnings("unchecked")
    void writing(String recordKey) {
        Set<String> keys = (Set<String>) transactions.getResource(WRITTEN_KEYS);
        if (keys == null) {
            keys = new HashSet<>();
            try {
                transactions.registerInterposedSynchronization(new DropWhenEnded(keys));
            } catch (IllegalStateException e) {
                return; // marked for rollback already: this transaction will change nothing
            }
            transactions.putResource(WRITTEN_KEYS, keys);
        }
        keys.add(recordKey);
    }

    /** Drops the stamps of the records a transaction wrote once it has ended, committed or not. */
    private final class DropWhenEnded implements Synchronization {

        private final Set<String> keys;

        DropWhenEnded(Set<String> keys) {
            this.keys = keys;
        }

        @Override
        public void beforeCompletion() {
            // nothing to do before the commit
        }

        @Override
        public void afterCompletion(int status) {
            writesEnded.incrementAndGet();
            keys.forEach(kept::remove);
        }
    }

    /** Not kept: the bulk files that ask for it are read far less often than a record page. */
    @Override
    public Optional<Stamp> ofKinds(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        List<String> list = List.copyOf(kinds);
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= list.size(); i++) {
            in.append(i == 1 ? "?" : ", ?").append(i);
        }
        Query query = em.createNativeQuery(STAMP + " WHERE kind IN (" + in + ")");
        for (int i = 1; i <= list.size(); i++) {
            query.setParameter(i, list.get(i - 1));
        }
        return stamp((Object[]) query.getSingleResult());
    }

    private Optional<Stamp> read(String recordKey) {
        return stamp((Object[]) em.createNativeQuery(STAMP + " WHERE record_key = ?1")
                .setParameter(1, recordKey)
                .getSingleResult());
    }

    private static Optional<Stamp> stamp(Object[] row) {
        long versions = ((Number) row[0]).longValue();
        if (versions == 0) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(versions, ((Number) row[1]).intValue(), number(row[2]), number(row[3]), number(row[4]),
                InstantConverter.fromColumn(row[5])));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private record Kept(Optional<Stamp> stamp, long readAt) {
    }
}
