package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.record.RecordStamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** One aggregate query over the record's versions (index ix_record_version_key); no document is loaded. */
@ApplicationScoped
public class JpaRecordStamps implements RecordStamps {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<Stamp> of(String recordKey) {
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
}
