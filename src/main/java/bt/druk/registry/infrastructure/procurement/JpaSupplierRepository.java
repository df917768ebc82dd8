package bt.druk.registry.infrastructure.procurement;

import bt.druk.registry.domain.procurement.RegistrationNumber;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.procurement.SupplierContact;
import bt.druk.registry.domain.procurement.SupplierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/**
 * Supplier accounts in the portal database (persistence unit {@code druk}), inside the caller's
 * transaction. A sign-in reads without one, as staff sign-in does.
 */
@ApplicationScoped
public class JpaSupplierRepository implements SupplierRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<Supplier> findByUsername(String username) {
        return byUsername(username).map(JpaSupplierRepository::toDomain);
    }

    @Override
    public Optional<Supplier> findByRegistrationNumber(RegistrationNumber number) {
        return em.createQuery("select s from SupplierAccountEntity s where s.registrationNumber = :n",
                        SupplierAccountEntity.class)
                .setParameter("n", number.value())
                .getResultStream().findFirst().map(JpaSupplierRepository::toDomain);
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        return byUsername(username).map(e -> new Credentials(toDomain(e), e.getPasswordHash()));
    }

    /**
     * Flushed at once, so that a registration number or user name taken by a registration at the same
     * moment fails here, on the table's unique constraints, as a {@link DuplicateException}.
     */
    @Override
    public void add(Supplier supplier, String passwordHash) {
        SupplierAccountEntity entity = new SupplierAccountEntity();
        entity.setId(supplier.id());
        entity.setRegistrationNumber(supplier.registrationNumber().value());
        entity.setBusinessName(supplier.businessName());
        entity.setContactPerson(supplier.contact().person());
        entity.setEmail(supplier.contact().email());
        entity.setPhone(supplier.contact().phone());
        entity.setUsername(supplier.username());
        entity.setPasswordHash(passwordHash);
        entity.setEnabled(supplier.enabled());
        entity.setCreatedAt(supplier.registeredAt());
        em.persist(entity);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new DuplicateException("registration number or user name already taken: "
                    + supplier.registrationNumber() + ", " + supplier.username(), e);
        }
    }

    @Override
    public long count() {
        return em.createQuery("select count(s) from SupplierAccountEntity s", Long.class).getSingleResult();
    }

    private Optional<SupplierAccountEntity> byUsername(String username) {
        return em.createQuery("select s from SupplierAccountEntity s where s.username = :u", SupplierAccountEntity.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    private static Supplier toDomain(SupplierAccountEntity e) {
        return new Supplier(e.getId(), new RegistrationNumber(e.getRegistrationNumber()), e.getBusinessName(),
                new SupplierContact(e.getContactPerson(), e.getEmail(), e.getPhone()), e.getUsername(), e.isEnabled(),
                e.getCreatedAt());
    }
}
