package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.shared.PortalSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The portal_secret table: a secret is inserted once, by whichever portal asks first, and never changes. */
@ApplicationScoped
public class JpaPortalSecrets implements PortalSecrets {

    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    @Inject
    Store store;

    @Override
    public byte[] secret(String name) {
        return known.computeIfAbsent(name, n -> {
            try {
                store.insertIfAbsent(n);
            } catch (RuntimeException anotherPortalInsertedItFirst) {
                // its secret stands; read below
            }
            return HexFormat.of().parseHex(store.read(n).orElseThrow(() -> new IllegalStateException("portal secret " + n + " was not stored")));
        }).clone();
    }

    /** The table's reads and writes, each in a transaction of its own (not the caller's, which it must not spoil). */
    @ApplicationScoped
    public static class Store {

        private static final SecureRandom RANDOM = new SecureRandom();

        @PersistenceContext(unitName = "druk")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public java.util.Optional<String> read(String name) {
            List<?> rows = em.createNativeQuery("SELECT secret_hex FROM portal_secret WHERE name = ?1")
                    .setParameter(1, name).getResultList();
            return rows.stream().findFirst().map(Object::toString);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insertIfAbsent(String name) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            // Each parameter once: not every JDBC translation binds a repeated positional parameter twice.
            em.createNativeQuery("INSERT INTO portal_secret (name, secret_hex, created_at) SELECT ?1, ?2, ?3"
                            + " WHERE NOT EXISTS (SELECT 1 FROM portal_secret WHERE name = ?4)")
                    .setParameter(1, name).setParameter(2, HexFormat.of().formatHex(secret))
                    .setParameter(3, java.sql.Timestamp.from(Instant.now())).setParameter(4, name)
                    .executeUpdate();
        }
    }
}
