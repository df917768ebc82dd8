package bt.druk.registry.application.land;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Lineage;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerState;
import java.math.BigDecimal;
import java.util.List;

/**
 * A land title for anonymous visitors. Built by the application layer so that no CID and no full
 * owner name can reach a public page. Reflects the latest saved (not rejected) version.
 *
 * @param pendingTransfer null when no transfer is pending
 * @param chainOfTitle    every version oldest first, with hash, receipt and ledger state
 * @param lineage         the parcels it came from and went into (public: PINs only)
 * @param adjustedWith    the neighbour's PIN where this version moved the boundary between them, else null
 * @param courtOrder      where this version registered a court order, its court, case number and SHA-256, else empty
 */
public record PublicTitleView(
        String pin,
        String recordKey,
        String thramNo,
        String dzongkhag,
        String gewog,
        BigDecimal areaAcres,
        LandType landType,
        TitleStatus status,
        int currentVersion,
        String currentHash,
        LedgerState ledgerState,
        List<PublicOwner> owners,
        List<PublicEncumbrance> encumbrances,
        PublicPendingTransfer pendingTransfer,
        List<VersionView> chainOfTitle,
        Lineage lineage,
        String adjustedWith,
        java.util.Map<String, String> courtOrder) {
}
