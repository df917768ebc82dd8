package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.LedgerState;
import java.util.List;

/**
 * Where a SHA-256 hash occurs: in the portal's database and/or on the ledger.
 *
 * @param ledgerAvailable false when the ledger could not be asked (then {@code onLedger} are all false)
 */
public record HashLookup(String hash, boolean ledgerAvailable, List<Hit> hits) {

    public HashLookup {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /**
     * @param ledgerState null when the ledger knows the hash but the portal's database does not
     */
    public record Hit(String recordKey, int version, LedgerState ledgerState, boolean inDatabase, boolean onLedger) {
    }
}
