package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.LandType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Divide the parcel {@code pin} into {@code children}.
 *
 * @param expectedVersion the version the clerk was looking at, or null
 */
public record SubdivideCommand(String pin, Integer expectedVersion, List<Child> children) {

    /**
     * One new parcel. A null thram number, gewog or land type is the parent's.
     *
     * @param boundary the child's surveyed boundary as GeoJSON with its CRS, or null
     */
    public record Child(String pin, String thramNo, String gewog, BigDecimal areaAcres, LandType landType, String boundary) {
    }
}
