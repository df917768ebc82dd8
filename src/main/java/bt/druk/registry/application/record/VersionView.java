package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.LedgerState;
import java.time.Instant;

/**
 * One version in a record's chain of title (safe to show to anyone: no personal data).
 *
 * @param operation       what this version did, e.g. FIRST_REGISTRATION, TRANSFER_LODGED
 * @param chaincodeFunction the ledger function it was submitted with, e.g. RegisterTitle
 * @param submittedBy     staff user name of the clerk
 * @param rejectionCode   chaincode error code (e.g. ENCUMBERED) when REJECTED, else null
 * @param rejectionReason chaincode message when REJECTED, else null
 * @param hash            what the ledger holds for this version
 * @param documentHash    SHA-256 of the version's canonical document (equal to {@code hash} unless the
 *                        register's imprint puts something else on the ledger, e.g. a bid's commitment)
 * @param receipt         ledger receipt when COMMITTED, else null (may lack endorsers for a moment
 *                        until the commit follower has read the block)
 */
public record VersionView(
        String recordKey,
        int version,
        String operation,
        String chaincodeFunction,
        Instant recordedAt,
        String submittedBy,
        String office,
        String hash,
        String documentHash,
        String previousHash,
        LedgerState ledgerState,
        String rejectionCode,
        String rejectionReason,
        ReceiptView receipt) {
}
