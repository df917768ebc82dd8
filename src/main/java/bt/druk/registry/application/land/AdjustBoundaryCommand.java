package bt.druk.registry.application.land;

import java.math.BigDecimal;

/** Move the boundary between the parcel {@code parcel} and its neighbour {@code neighbour}: each one's new area and boundary. */
public record AdjustBoundaryCommand(Side parcel, Side neighbour) {

    /**
     * One parcel after the adjustment.
     *
     * @param expectedVersion the version the clerk was looking at, or null
     * @param boundary        the parcel's surveyed boundary after the adjustment, as GeoJSON with its CRS
     */
    public record Side(String pin, Integer expectedVersion, BigDecimal areaAcres, String boundary) {
    }
}
