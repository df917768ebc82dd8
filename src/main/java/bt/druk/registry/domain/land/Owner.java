package bt.druk.registry.domain.land;

import java.util.Objects;

/** An owner of a parcel: full name, 11-digit CID and an exact share. Personal data: never on the ledger. */
public record Owner(String name, String cid, Share share) {
    public Owner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(share, "share");
    }
}
