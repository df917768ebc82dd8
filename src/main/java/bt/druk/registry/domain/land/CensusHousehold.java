package bt.druk.registry.domain.land;

import java.time.Instant;
import java.util.Objects;

/**
 * The household a person belongs to, as the census record a land clerk looked at says: personal
 * data kept in the portal's database only, never in a record's hashed document nor on the ledger.
 * A family for the Land Act 2007's ceiling is a household ({@link FamilyCeiling}).
 *
 * @param cid        the person's 11-digit CID
 * @param household  the household number as {@link LandValidation#normaliseHousehold} keeps it
 * @param recordedBy the user name of the clerk who entered (or last changed) it
 * @param recordedAt when
 */
public record CensusHousehold(String cid, String household, String recordedBy, Instant recordedAt) {

    public CensusHousehold {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
