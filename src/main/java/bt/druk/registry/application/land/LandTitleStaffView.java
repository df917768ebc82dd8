package bt.druk.registry.application.land;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.record.LedgerState;
import java.util.List;

/**
 * Full land title for signed-in staff (clerk of the land register, inspector, admin): owners with
 * names and CIDs, encumbrances with details, the record's canonical JSON.
 *
 * @param title         the domain object of the latest saved (not rejected) version
 * @param canonicalJson exact JSON whose SHA-256 is {@code currentHash}
 */
public record LandTitleStaffView(
        String recordKey,
        LandTitle title,
        int currentVersion,
        String currentHash,
        LedgerState ledgerState,
        String canonicalJson,
        List<VersionView> chainOfTitle) {
}
