package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.ledger.LedgerBindings;
import bt.druk.registry.domain.record.LedgerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The database's ledger bindings in {@code ledger_binding}: inserts and reads only. Reads run in a
 * transaction too: the submitter's and follower's managed threads have no request to close a
 * non-transactional EntityManager with, and Payara hands them a closed one on the second use.
 */
@ApplicationScoped
public class JpaLedgerBindings implements LedgerBindings {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Binding> current() {
        return em.createQuery("select b from LedgerBindingRow b order by b.id desc", LedgerBindingRow.class)
                .setMaxResults(1).getResultStream().findFirst().map(LedgerBindingRow::toBinding);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void add(Binding binding) {
        em.persist(new LedgerBindingRow(binding));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void rebind(Binding binding) {
        em.persist(new LedgerBindingRow(binding));
        em.createQuery("update LedgerCheckpoint c set c.nextBlock = 0, c.updatedAt = :now")
                .setParameter("now", binding.boundAt()).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<String> anyReceipt() {
        return em.createQuery("select v.receipt.txId from RecordVersion v where v.ledgerState = :committed and v.receipt.txId is not null"
                        + " order by v.id", String.class)
                .setParameter("committed", LedgerState.COMMITTED)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
