package bt.druk.registry.application.land;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The smallest plot a subdivision may make ({@code druk.land.minimumPlotDecimals}, 10 decimals by
 * default: the Land Act 2007's minimum that may be registered in a thram). The chaincode holds
 * subdivisions to its own minimum too; the portal's is checked first, so a clerk hears it at the field.
 */
public record SubdivisionPolicy(BigDecimal minimumPlotAcres) {

    public static final SubdivisionPolicy DEFAULT = new SubdivisionPolicy(new BigDecimal("0.1"));

    public SubdivisionPolicy {
        Objects.requireNonNull(minimumPlotAcres, "minimumPlotAcres");
        if (minimumPlotAcres.signum() <= 0) {
            throw new IllegalArgumentException("a minimum plot is above zero: " + minimumPlotAcres);
        }
    }
}
