package bt.druk.registry.domain.land;

import java.util.List;
import java.util.Optional;

/** Search projection of land titles. */
public interface LandParcelRepository {

    Optional<LandParcel> find(String recordKey);

    void add(LandParcel parcel);

    void remove(String recordKey);

    /**
     * Parcels matching every non-null criterion (exact, already normalised), ordered by PIN.
     */
    List<LandParcel> search(String pin, String thramNo, String dzongkhag, String gewog, int limit);
}
