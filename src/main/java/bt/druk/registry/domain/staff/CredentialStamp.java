package bt.druk.registry.domain.staff;

import bt.druk.registry.domain.record.CanonicalJson;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a password sign-in of one account (staff or supplier) rests on at one moment: the SHA-256 of
 * its stored password hash (for staff, with its groups and whether it has a second factor). Every password change makes a new hash (a fresh salt each time, also for
 * the same password), so a stamp taken before the change never equals one taken after; a disabled
 * account has none. Whoever remembers that a password was right (the API's credential cache)
 * compares the stamp it remembered with the account's stamp now, a read instead of a PBKDF2
 * derivation, and never holds the hash itself.
 */
public record CredentialStamp(String value) implements Serializable {

    public CredentialStamp {
        Objects.requireNonNull(value, "value");
    }

    public static CredentialStamp of(String passwordHash) {
        return new CredentialStamp(CanonicalJson.sha256Hex(Objects.requireNonNull(passwordHash, "passwordHash")));
    }
}
