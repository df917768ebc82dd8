package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.infrastructure.config.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.logging.Logger;

/**
 * PBKDF2 through Jakarta Security's {@link Pbkdf2PasswordHash}: HMAC-SHA-512, by default 210,000
 * iterations (OWASP's recommendation for that PRF; {@link Setting#PASSWORD_ITERATIONS}), 32-byte
 * salt, 64-byte key. The stored form is Jakarta's self-describing
 * {@code algorithm:iterations:salt:hash}, so the parameters can be changed later without breaking
 * stored hashes.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    /** OWASP's recommendation for PBKDF2-HMAC-SHA-512; fewer is for tests, and said so at start. */
    static final int RECOMMENDED_ITERATIONS = 210_000;
    private static final Logger LOG = Logger.getLogger(Pbkdf2PasswordHasher.class.getName());

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void init() {
        int iterations = Setting.PASSWORD_ITERATIONS.wholeNumber();
        if (iterations < RECOMMENDED_ITERATIONS) {
            LOG.warning(() -> Setting.PASSWORD_ITERATIONS.key() + " is " + iterations + ", below the " + RECOMMENDED_ITERATIONS
                    + " rounds recommended for PBKDF2-HMAC-SHA-512: new passwords are hashed for a test, not for staff");
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
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
