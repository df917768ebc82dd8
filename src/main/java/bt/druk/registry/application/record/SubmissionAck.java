package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.LedgerState;

/**
 * Returned once a record version and its ledger submission are safely stored in the database
 * ("saved — awaiting ledger"). The ledger state is normally PENDING at this point.
 */
public record SubmissionAck(String recordKey, int version, String hash, LedgerState ledgerState) {
}
