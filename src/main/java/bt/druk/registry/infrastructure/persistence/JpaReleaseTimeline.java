package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.procurement.ocds.ReleaseTimeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keyset pages over {@code record_version} by the time each version was recorded (index
 * ix_record_version_kind_time): one ordered range scan per kind, merged, so a page costs the same at
 * the end of the register as at its start (an OFFSET would read every row before it again). Native:
 * keys, numbers and times only, no document, and no entity in the persistence context.
 */
@ApplicationScoped
public class JpaReleaseTimeline implements ReleaseTimeline {

    private static final String PUBLISHED = "ledger_state = 'COMMITTED' AND tx_id IS NOT NULL";

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    /** Runs a native query with at most one parameter, {@code ?1} (used as often as the SQL needs it). */
    interface Rows {
        List<Object[]> of(String sql, LocalDateTime parameter);
    }

    @Override
    public List<Entry> after(Instant after, int limit) {
        return page(this::rows, true, after, limit);
    }

    @Override
    public List<Entry> before(Instant before, int limit) {
        return page(this::rows, false, before, limit);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDateTime parameter) {
        Query query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return query.getResultList();
    }

    /** The first {@code limit} versions from {@code from} on (exclusive), then the rest of the last one's instant. */
    static List<Entry> page(Rows rows, boolean forward, Instant from, int limit) {
        int size = Math.max(1, limit);
        LocalDateTime bound = from == null ? null : LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        List<Entry> page = new ArrayList<>();
        for (Object[] row : rows.of(pageSql(forward, bound != null, size), bound)) {
            page.add(entry(row));
        }
        if (page.size() == size) {
            Entry last = page.get(page.size() - 1);
            Set<String> seen = new HashSet<>();
            page.forEach(e -> seen.add(e.recordKey() + "#" + e.version()));
            for (Object[] row : rows.of(sameInstantSql(), LocalDateTime.ofInstant(last.recordedAt(), ZoneOffset.UTC))) {
                Entry e = entry(row);
                if (seen.add(e.recordKey() + "#" + e.version())) {
                    page.add(e);
                }
            }
        }
        return page;
    }

    static String pageSql(boolean forward, boolean bounded, int limit) {
        String order = forward ? " ORDER BY created_at, id" : " ORDER BY created_at DESC, id DESC";
        String range = bounded ? (forward ? " AND created_at > ?1" : " AND created_at < ?1") : "";
        String fetch = " FETCH FIRST " + limit + " ROWS ONLY";
        List<String> perKind = new ArrayList<>();
        for (String kind : ReleaseTimeline.KINDS) {
            perKind.add("(SELECT record_key, version, created_at, id FROM record_version WHERE kind = '" + kind + "' AND "
                    + PUBLISHED + range + order + fetch + ")");
        }
        return "SELECT record_key, version, created_at, id FROM (" + String.join(" UNION ALL ", perKind) + ") page" + order + fetch;
    }

    static String sameInstantSql() {
        return "SELECT record_key, version, created_at, id FROM record_version WHERE kind IN ('" + String.join("', '", ReleaseTimeline.KINDS)
                + "') AND " + PUBLISHED + " AND created_at = ?1 ORDER BY id";
    }

    private static Entry entry(Object[] row) {
        return new Entry((String) row[0], ((Number) row[1]).intValue(), InstantConverter.fromColumn(row[2]));
    }
}
