package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.staff.SignInStrikes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sign-in strikes in {@code sign_in_strike}. Each call is its own transaction: sign-in is not
 * transactional, and a count must be stored whether or not the sign-in goes on.
 */
@ApplicationScoped
public class JpaSignInStrikes implements SignInStrikes {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Strikes> find(String subject) {
        return Optional.ofNullable(em.find(SignInStrikeRow.class, subject))
                .map(row -> new Strikes(row.failures(), row.firstAt(), row.lockedUntil()));
    }

    /**
     * The row is read under a write lock, so two portals counting the same subject take turns. Two
     * first failures at one instant may both insert: the loser's transaction fails on the primary
     * key and the caller ({@link bt.druk.registry.application.staff.SignInThrottle}) logs it; one
     * strike of a guesser is lost, never a sign-in.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void update(String subject, UnaryOperator<Strikes> next) {
        SignInStrikeRow row = em.find(SignInStrikeRow.class, subject, LockModeType.PESSIMISTIC_WRITE);
        Strikes now = next.apply(row == null ? null : new Strikes(row.failures(), row.firstAt(), row.lockedUntil()));
        if (row == null) {
            row = new SignInStrikeRow(subject);
            row.set(now.count(), now.first(), now.lockedUntil());
            em.persist(row);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw new IllegalStateException("another portal counted " + subject + " at the same moment", e);
            }
        } else {
            row.set(now.count(), now.first(), now.lockedUntil());
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clear(String subject) {
        em.createQuery("delete from SignInStrikeRow s where s.subject = :subject").setParameter("subject", subject)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetStale(Instant countingSince, Instant now) {
        em.createQuery("delete from SignInStrikeRow s where s.firstAt < :since"
                        + " and (s.lockedUntil is null or s.lockedUntil <= :now)")
                .setParameter("since", countingSince).setParameter("now", now).executeUpdate();
    }
}
