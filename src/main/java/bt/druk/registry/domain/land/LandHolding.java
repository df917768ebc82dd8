package bt.druk.registry.domain.land;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One owner's share of a live (not retired) title as its current version stands: what the Land Act
 * 2007's family ceiling adds up ({@link FamilyCeiling}). Kept by the land projection in the
 * portal's database ({@code land_holding}), by CID.
 *
 * @param areaAcres the title's recorded area, the whole parcel's
 */
public record LandHolding(String recordKey, String cid, Share share, BigDecimal areaAcres) {

    public LandHolding {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(areaAcres, "areaAcres");
    }
}
