package bt.druk.registry.domain.land;

import java.util.Collection;
import java.util.List;

/**
 * Port: who holds what share of which live title, by CID (table {@code land_holding}): a projection
 * of each title's current version that the land projection rewrites, so that a family's land is
 * found without reading every title.
 */
public interface LandHoldingRepository {

    /** The title's holdings from now on: its owners' shares, or none for a retired title or one gone. */
    void replace(String recordKey, List<LandHolding> holdings);

    /** Every holding of these CIDs, of any live title. */
    List<LandHolding> ofOwners(Collection<String> cids);
}
