package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.record.RecordStamps;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One aggregate query over the record's versions (index ix_record_version_key); no document is loaded.
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

    private Optional<Stamp> read(String recordKey) {
        // Native: EclipseLink would run max(updated_at) through the Instant converter with the driver's type.
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(version),"
                        + " SUM(CASE WHEN ledger_state = 'COMMITTED' THEN 1 ELSE 0 END),"
                        + " COUNT(block_number), COUNT(endorsing_msps), MAX(updated_at)"
                        + " FROM record_version WHERE record_key = ?1")
                .setParameter(1, recordKey)
                .getSingleResult();
        long versions = ((Number) row[0]).longValue();
        if (versions == 0) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(versions, ((Number) row[1]).intValue(), number(row[2]), number(row[3]), number(row[4]),
                instant(row[5])));
    }

    /** The column's type as the driver gives it (UTC, as {@link InstantConverter} stores it). */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.LocalDateTime t) {
            return new InstantConverter().convertToEntityAttribute(t);
        }
        if (value instanceof java.sql.Timestamp t) {
            return new InstantConverter().convertToEntityAttribute(t.toLocalDateTime());
        }
        return null;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private record Kept(Optional<Stamp> stamp, long readAt) {
    }
}
