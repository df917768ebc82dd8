package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.staff.SecondFactor;
import bt.druk.registry.domain.staff.SetupGrant;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.domain.staff.TotpSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
        entity.setAgency(account.agency());
        SecondFactor factor = account.secondFactor();
        entity.setTotpSecret(factor == null ? null : factor.secret().base32());
        entity.setTotpLastStep(factor == null ? null : factor.lastStep());
        entity.setRecoveryCodeHashes(factor == null ? null : String.join(",", factor.recoveryCodeHashes()));
        SetupGrant grant = account.setupGrant();
        entity.setSetupTokenHash(grant == null ? null : grant.tokenHash());
        entity.setSetupPurpose(grant == null ? null : grant.purpose().name().toLowerCase(Locale.ROOT));
        entity.setSetupExpiresAt(grant == null ? null : grant.expiresAt());
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
    public Optional<StaffAccount> findBySetupTokenHash(String tokenHash) {
        return em.createQuery("select s from StaffAccountEntity s where s.setupTokenHash = :h", StaffAccountEntity.class)
                .setParameter("h", tokenHash)
                .getResultStream().findFirst().map(JpaStaffAccountRepository::toDomain);
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
        StaffAccount.Assignment assignment = new StaffAccount.Assignment(e.getDisplayName(), Role.fromCode(e.getRole()),
                e.getRegisterCode() == null ? null : Register.fromCode(e.getRegisterCode()), e.getAgency(), e.getOffice());
        SecondFactor factor = e.getTotpSecret() == null ? null : new SecondFactor(new TotpSecret(e.getTotpSecret()),
                e.getTotpLastStep() == null ? Long.MIN_VALUE : e.getTotpLastStep(),
                e.getRecoveryCodeHashes() == null || e.getRecoveryCodeHashes().isEmpty()
                        ? List.of() : List.of(e.getRecoveryCodeHashes().split(",")));
        SetupGrant grant = e.getSetupTokenHash() == null ? null : new SetupGrant(e.getSetupTokenHash(),
                SetupGrant.Purpose.valueOf(e.getSetupPurpose().toUpperCase(Locale.ROOT)), e.getSetupExpiresAt());
        return new StaffAccount(e.getUsername(), assignment, e.getPasswordHash(), e.isEnabled(), e.getCreatedAt(),
                e.getLastSignInAt(), factor, grant);
    }
}
