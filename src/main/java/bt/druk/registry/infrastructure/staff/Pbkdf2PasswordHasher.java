package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.staff.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2 through Jakarta Security's {@link Pbkdf2PasswordHash}: HMAC-SHA-512, 210,000 iterations
 * (OWASP's recommendation for that PRF), 32-byte salt, 64-byte key. The stored form is Jakarta's
 * self-describing {@code algorithm:iterations:salt:hash}, so the parameters can be raised later
 * without breaking stored hashes.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    @Override
    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        if (storedHash == null || storedHash.isEmpty()) {
            return false;
        }
        try {
            return pbkdf2.verify(password, storedHash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
