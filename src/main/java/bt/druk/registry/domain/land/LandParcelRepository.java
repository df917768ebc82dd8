package bt.druk.registry.domain.land;

import java.util.List;
import java.util.Optional;

/** Search projection of land titles. */
public interface LandParcelRepository {

    Optional<LandParcel> find(String recordKey);

    void add(LandParcel parcel);

    void remove(String recordKey);

    /** The parcel with this PIN (exact, already normalised). */
    Optional<LandParcel> findByPin(String pin);

    /** Every live (not retired) parcel whose current version has a boundary surveyed in this CRS ({@code EPSG:5266}). */
    List<LandParcel> withBoundaryIn(String crsCode);

    /**
     * Live (not retired) parcels whose current version has a surveyed boundary, in any CRS, ordered
     * by PIN, at most {@code limit}.
     *
     * @param dzongkhag the dzongkhag (exact), or null for every dzongkhag
     */
    List<LandParcel> liveWithBoundary(String dzongkhag, int limit);

    /**
     * Waits until no other transaction holds the register's boundary lock, then holds it until this
     * transaction ends: changes that check boundaries for overlaps take it first, so that each sees
     * the boundaries of those committed before it.
     */
    void lockBoundaries();

    /**
     * Parcels matching every non-null criterion (exact, already normalised), ordered by PIN.
     */
    List<LandParcel> search(String pin, String thramNo, String dzongkhag, String gewog, int limit);
}
