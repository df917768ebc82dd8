package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.record.LedgerState;
import java.util.List;

/**
 * A notarisation's current version with its history, for the clerk's and the verify pages. Holds
 * the parties' names and CIDs: public pages show them masked or not at all.
 *
 * @param hash     what the ledger holds for the current version
 * @param fileName the name the file was uploaded with (kept off the public record); may be null
 */
public record NotarisationView(
        Notarisation notarisation,
        String recordKey,
        int version,
        String hash,
        LedgerState ledgerState,
        String fileName,
        List<VersionView> versions) {

    public NotarisationView {
        versions = List.copyOf(versions);
    }

    /** The notarisation's current status is on the ledger (not waiting for it). */
    public boolean committed() {
        return ledgerState == LedgerState.COMMITTED;
    }
}
