package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.FamilyCeiling;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The most land one family may hold ({@code druk.land.familyCeilingAcres}, 25 acres by default: the
 * Land Act 2007's ceiling). Checked by the portal alone: a family is a census household, personal
 * data the ledger never holds.
 */
public record FamilyCeilingPolicy(BigDecimal ceilingAcres) {

    public static final FamilyCeilingPolicy DEFAULT = new FamilyCeilingPolicy(new BigDecimal("25"));

    public FamilyCeilingPolicy {
        Objects.requireNonNull(ceilingAcres, "ceilingAcres");
        if (ceilingAcres.signum() <= 0) {
            throw new IllegalArgumentException("a family's ceiling is above zero acres: " + ceilingAcres);
        }
    }

    public FamilyCeiling ceiling() {
        return new FamilyCeiling(ceilingAcres);
    }
}
