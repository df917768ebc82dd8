package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.Boundary;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a first registration's boundary must agree with: the recorded area within
 * {@code areaTolerancePercent} unless the clerk gives a reason ({@code druk.land.areaTolerancePercent},
 * 5 % by default), and no registered parcel's boundary covered by more than
 * {@code sliverSquareMetres} ({@code druk.land.sliverSquareMetres}, 0.5 m² by default): neighbouring
 * surveys rarely share an edge to the millimetre, so a smaller overlap is survey noise.
 */
public record LandBoundaryPolicy(BigDecimal areaTolerancePercent, double sliverSquareMetres) {

    public static final LandBoundaryPolicy DEFAULT = new LandBoundaryPolicy(Boundary.DEFAULT_AREA_TOLERANCE_PERCENT,
            BoundaryOverlaps.DEFAULT_SLIVER_SQUARE_METRES);

    public LandBoundaryPolicy {
        Objects.requireNonNull(areaTolerancePercent, "areaTolerancePercent");
        if (areaTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("an area tolerance is not negative: " + areaTolerancePercent);
        }
        if (!(sliverSquareMetres >= 0) || Double.isInfinite(sliverSquareMetres)) {
            throw new IllegalArgumentException("a sliver tolerance is zero or more square metres: " + sliverSquareMetres);
        }
    }
}
