package bt.druk.registry.domain.land;

import bt.druk.registry.domain.record.Party;
import java.util.Objects;

/**
 * An owner of a parcel: a party (name, 11-digit CID; personal data, so the hashed record holds only
 * its commitment) and an exact share.
 */
public record Owner(Party party, Share share) {
    public Owner {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(share, "share");
    }

    /** A newly named owner (fresh salt). */
    public static Owner named(String name, String cid, Share share) {
        return new Owner(Party.named(name, cid), share);
    }

    public String name() {
        return party.name();
    }

    public String cid() {
        return party.cid();
    }
}
