package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerState;
import java.math.BigDecimal;

/** One search hit (public: no personal data). Status and version are those of the latest saved version. */
public record ParcelSummary(
        String pin,
        String recordKey,
        String thramNo,
        String dzongkhag,
        String gewog,
        BigDecimal areaAcres,
        LandType landType,
        TitleStatus status,
        int currentVersion,
        LedgerState ledgerState) {
}
