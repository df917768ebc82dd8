package bt.druk.registry.testing;

import bt.druk.registry.domain.staff.PasswordHasher;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a hash: the password in clear behind a counter that plays the salt, so that, as with PBKDF2,
 * hashing the same password twice gives two different stored hashes; and it costs nothing.
 */
public final class PlainPasswordHasher implements PasswordHasher {

    private final AtomicLong salt = new AtomicLong();

    @Override
    public String hash(char[] password) {
        return "plain:" + salt.incrementAndGet() + ":" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        int colon = storedHash.indexOf(':', "plain:".length());
        return storedHash.startsWith("plain:") && colon > 0 && storedHash.substring(colon + 1).equals(new String(password));
    }
}
