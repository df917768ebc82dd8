package bt.druk.registry.domain.record;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A person named in a record (owner, objector, party to a document). Personal data never enters a
 * record's hashed document: the document names the party by its {@link #commitment()}, and the
 * name, CID and salt stay in the portal's database. The hashed document is therefore public, and
 * anyone can recompute its hash, while the salt keeps an 11-digit CID from being guessed back out
 * of the commitment.
 *
 * <p>Commitment: SHA-256 (lowercase hex) of the RFC 8785 canonical JSON
 * {@code {"cid":"<11 digits>"|null,"name":"<name>","salt":"<32 hex>"}}.
 *
 * @param cid  11-digit citizenship ID, or null where the record does not need one (an objector)
 * @param salt 128 random bits in lowercase hex, fixed for the party's life in the record
 */
public record Party(String name, String cid, String salt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Party {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(salt, "salt");
        if (!salt.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("salt must be 32 lowercase hex digits");
        }
    }

    /** A newly named party, with a fresh random salt. */
    public static Party named(String name, String cid) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Party(name, cid, HexFormat.of().formatHex(salt));
    }

    public String commitment() {
        return CanonicalJson.sha256Hex(disclosure());
    }

    /** The canonical JSON whose SHA-256 is the commitment: what the party can show to prove it is named. */
    public String disclosure() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("name", name).add("salt", salt);
        if (cid == null) {
            json.addNull("cid");
        } else {
            json.add("cid", cid);
        }
        return CanonicalJson.canonicalize(json.build());
    }

    /** Same person as far as the record can tell: same name and CID, whatever the salt. */
    public boolean samePersonAs(Party other) {
        return name.equals(other.name) && Objects.equals(cid, other.cid);
    }
}
