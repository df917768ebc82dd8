package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The staff activity log in {@code staff_event}: inserts and reads only (filters as bound parameters). */
@ApplicationScoped
public class JpaStaffEventLog implements StaffEventLog {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void append(StaffEvent event) {
        em.persist(new StaffEventRow(event));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffEvent> page(Filter filter, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<StaffEventRow> query = em.createQuery("select e from StaffEventRow e" + where(filter, parameters)
                + " order by e.happenedAt desc, e.id desc", StaffEventRow.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList().stream().map(StaffEventRow::toEvent).toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(e) from StaffEventRow e" + where(filter, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.kind() != null) {
            conditions.add("e.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.actor() != null) {
            conditions.add("e.actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.from() != null) {
            conditions.add("e.happenedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.until() != null) {
            conditions.add("e.happenedAt < :until");
            parameters.put("until", filter.until());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
