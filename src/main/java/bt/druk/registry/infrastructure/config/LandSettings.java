package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.land.FamilyCeilingPolicy;
import bt.druk.registry.application.land.LandBoundaryPolicy;
import bt.druk.registry.application.land.LandTransferPolicy;
import bt.druk.registry.application.land.SubdivisionPolicy;
import bt.druk.registry.application.land.ThramImportPolicy;
import bt.druk.registry.domain.land.OfficeDzongkhags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The land settings: {@link Setting#LAND_OFFICE_DZONGKHAGS}, which land office registers the
 * parcels of which dzongkhags ({@code OFFICE=Dzongkhag,Dzongkhag;OFFICE=...}), by default the
 * ledger's built-in table ({@link OfficeDzongkhags#DEFAULT_SETTING}), a value that is not such a
 * table stopping the portal with the setting's name; a transfer's notice period; and the largest
 * bulk import of thrams; the tolerances a first registration's boundary is held to (area
 * against the recorded area, overlap with registered parcels); the smallest plot of a subdivision;
 * and the Land Act 2007's ceiling on a family's land. Every product is dependent: a record cannot be proxied, and reading a
 * setting is cheap.
 */
@ApplicationScoped
public class LandSettings {

    @Produces
    public OfficeDzongkhags officeDzongkhags() {
        String value = Setting.LAND_OFFICE_DZONGKHAGS.text();
        try {
            return OfficeDzongkhags.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Setting.LAND_OFFICE_DZONGKHAGS.key() + " is not OFFICE=Dzongkhag,Dzongkhag;OFFICE=...: " + e.getMessage(), e);
        }
    }

    @Produces
    public LandTransferPolicy transferPolicy() {
        return new LandTransferPolicy(Duration.ofSeconds(Setting.LAND_NOTICE_PERIOD_SECONDS.longNumber()));
    }

    @Produces
    public ThramImportPolicy thramImportPolicy() {
        return new ThramImportPolicy(Setting.LAND_IMPORT_MAX_ROWS.wholeNumber());
    }

    @Produces
    public LandBoundaryPolicy boundaryPolicy() {
        try {
            return new LandBoundaryPolicy(BigDecimal.valueOf(Setting.LAND_AREA_TOLERANCE_PERCENT.number()),
                    Setting.LAND_SLIVER_SQUARE_METRES.number());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Setting.LAND_AREA_TOLERANCE_PERCENT.key() + " and " + Setting.LAND_SLIVER_SQUARE_METRES.key()
                    + " are zero or more: " + e.getMessage(), e);
        }
    }

    @Produces
    public SubdivisionPolicy subdivisionPolicy() {
        double decimals = Setting.LAND_MINIMUM_PLOT_DECIMALS.number();
        if (!(decimals > 0) || Double.isInfinite(decimals)) {
            throw new IllegalStateException(Setting.LAND_MINIMUM_PLOT_DECIMALS.key() + " is a number of decimals above zero: " + decimals);
        }
        return new SubdivisionPolicy(BigDecimal.valueOf(decimals).movePointLeft(2));
    }

    @Produces
    public FamilyCeilingPolicy familyCeilingPolicy() {
        double acres = Setting.LAND_FAMILY_CEILING_ACRES.number();
        if (!(acres > 0) || Double.isInfinite(acres)) {
            throw new IllegalStateException(Setting.LAND_FAMILY_CEILING_ACRES.key() + " is a number of acres above zero: " + acres);
        }
        return new FamilyCeilingPolicy(BigDecimal.valueOf(acres));
    }
}
