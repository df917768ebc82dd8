package bt.druk.registry.application.audit;

import bt.druk.registry.domain.record.LedgerState;
import java.time.Instant;
import java.util.List;

/**
 * One receipt of the audit trail: which staff member submitted which version of which record, and
 * what the ledger answered.
 *
 * @param submitterName the staff member's display name (the user name when the account is unknown)
 * @param blockNumber   null until known
 */
public record AuditEntry(
        String operation,
        String recordKey,
        int version,
        String register,
        String submittedBy,
        String submitterName,
        String office,
        Instant submittedAt,
        LedgerState ledgerState,
        String rejectionCode,
        String txId,
        Long blockNumber,
        Instant commitTime,
        List<String> endorsingMspIds) {

    public AuditEntry {
        endorsingMspIds = endorsingMspIds == null ? List.of() : List.copyOf(endorsingMspIds);
    }
}
