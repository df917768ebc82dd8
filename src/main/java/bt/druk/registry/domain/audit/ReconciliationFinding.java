package bt.druk.registry.domain.audit;

import java.util.Objects;

/**
 * One discrepancy found by a reconciliation.
 *
 * @param version       the record version concerned; null when the finding is about the record as a whole
 * @param databaseValue what the portal's database holds (a hash, a status, a tx id), or null if nothing
 * @param ledgerValue   what the ledger holds, or null if nothing
 */
public record ReconciliationFinding(String recordKey, Integer version, TamperKind kind, String databaseValue,
                                    String ledgerValue) {

    public ReconciliationFinding {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(kind, "kind");
    }
}
