package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.staff.ApiToken;
import bt.druk.registry.domain.staff.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff API tokens in {@code staff_api_token} (persistence unit {@code druk}). Runs inside the
 * caller's transaction, except {@link #recordUse}, which has its own.
 */
@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public void save(ApiToken token) {
        ApiTokenRow row = em.find(ApiTokenRow.class, token.id());
        if (row == null) {
            em.persist(new ApiTokenRow(token));
        } else {
            row.revokedAt(token.revokedAt());
        }
    }

    @Override
    public Optional<ApiToken> findById(String id) {
        return Optional.ofNullable(em.find(ApiTokenRow.class, id)).map(ApiTokenRow::toDomain);
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return em.createQuery("select t from ApiTokenRow t where t.tokenHash = :h", ApiTokenRow.class)
                .setParameter("h", tokenHash)
                .getResultStream().findFirst().map(ApiTokenRow::toDomain);
    }

    @Override
    public List<ApiToken> ofOwner(String owner) {
        return em.createQuery("select t from ApiTokenRow t where t.owner = :o order by t.createdAt desc, t.id",
                        ApiTokenRow.class)
                .setParameter("o", owner)
                .getResultList().stream().map(ApiTokenRow::toDomain).toList();
    }

    /** One UPDATE statement, like {@link JpaStaffAccountRepository#recordSignIn}: two requests at once both succeed. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordUse(String id, Instant when) {
        em.createQuery("update ApiTokenRow t set t.lastUsedAt = :when where t.id = :id")
                .setParameter("when", when)
                .setParameter("id", id)
                .executeUpdate();
    }
}
