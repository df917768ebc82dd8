package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff accounts in the portal database (persistence unit {@code druk}). Runs inside the caller's
 * transaction, except {@link #recordSignIn}, which has its own.
 */
@ApplicationScoped
public class JpaStaffAccountRepository implements StaffAccountRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return entity(username).map(JpaStaffAccountRepository::toDomain);
    }

    @Override
    public void save(StaffAccount account) {
        StaffAccountEntity entity = entity(account.username()).orElseGet(StaffAccountEntity::new);
        entity.setUsername(account.username());
        entity.setDisplayName(account.displayName());
        entity.setPasswordHash(account.passwordHash());
        entity.setRole(account.role().code());
        entity.setRegisterCode(account.register() == null ? null : account.register().code());
        entity.setOffice(account.office());
        entity.setEnabled(account.enabled());
        entity.setCreatedAt(account.createdAt());
        if (entity.getId() == null) {
            entity.setLastSignInAt(account.lastSignInAt());
            em.persist(entity);
        }
    }

    /**
     * One UPDATE statement without a {@code row_version = ?} condition (EclipseLink still counts
     * row_version up), so a concurrent sign-in of the same account cannot make it fail; reading the
     * entity and changing it did: an OptimisticLockException at commit turned a correct password
     * into HTTP 500.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSignIn(String username, Instant when) {
        em.createQuery("update StaffAccountEntity s set s.lastSignInAt = :when where s.username = :username")
                .setParameter("when", when)
                .setParameter("username", username)
                .executeUpdate();
    }

    @Override
    public long count() {
        return em.createQuery("select count(s) from StaffAccountEntity s", Long.class).getSingleResult();
    }

    @Override
    public List<StaffAccount> all() {
        return em.createQuery("select s from StaffAccountEntity s order by s.username", StaffAccountEntity.class)
                .getResultList().stream().map(JpaStaffAccountRepository::toDomain).toList();
    }

    private Optional<StaffAccountEntity> entity(String username) {
        return em.createQuery("select s from StaffAccountEntity s where s.username = :u", StaffAccountEntity.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    private static StaffAccount toDomain(StaffAccountEntity e) {
        return new StaffAccount(e.getUsername(), e.getDisplayName(), Role.fromCode(e.getRole()),
                e.getRegisterCode() == null ? null : Register.fromCode(e.getRegisterCode()), e.getOffice(),
                e.getPasswordHash(), e.isEnabled(), e.getCreatedAt(), e.getLastSignInAt());
    }
}
