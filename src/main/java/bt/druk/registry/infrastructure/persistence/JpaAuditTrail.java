package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.audit.AuditFilter;
import bt.druk.registry.domain.audit.AuditTrail;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The receipts trail over record_version (JPQL, filters as bound parameters only). */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public List<String> recordKeys() {
        return em.createQuery("select distinct v.recordKey from RecordVersion v order by v.recordKey", String.class)
                .getResultList();
    }

    @Override
    public long count(AuditFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(v) from RecordVersion v" + where(filter, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    @Override
    public List<RecordVersion> page(AuditFilter filter, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<RecordVersion> query = em.createQuery("select v from RecordVersion v" + where(filter, parameters)
                + " order by v.createdAt desc, v.id desc", RecordVersion.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public List<String> offices() {
        return em.createQuery("select distinct v.office from RecordVersion v where v.office is not null order by v.office",
                String.class).getResultList();
    }

    @Override
    public List<String> submitters() {
        return em.createQuery("select distinct v.submittedBy from RecordVersion v order by v.submittedBy", String.class)
                .getResultList();
    }

    private static String where(AuditFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.register() != null) {
            conditions.add("v.register = :register");
            parameters.put("register", filter.register());
        }
        if (filter.office() != null) {
            conditions.add("v.office = :office");
            parameters.put("office", filter.office());
        }
        if (filter.submittedBy() != null) {
            conditions.add("v.submittedBy = :user");
            parameters.put("user", filter.submittedBy());
        }
        if (filter.from() != null) {
            conditions.add("v.createdAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.until() != null) {
            conditions.add("v.createdAt < :until");
            parameters.put("until", filter.until());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
