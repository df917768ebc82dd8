package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.AuditEntry;

/** One receipt per CSV row: what was done to which record version, by whom, and the ledger's receipt. */
final class AuditCsv {

    static final String HEADER = Csv.row("submitted_at", "operation", "record_key", "version", "register", "submitted_by",
            "staff_name", "office", "ledger_state", "rejection_code", "tx_id", "block", "commit_time", "endorsing_organisations");

    private AuditCsv() {
    }

    static String row(AuditEntry e) {
        return Csv.row(e.submittedAt(), e.operation(), e.recordKey(), e.version(), e.register(), e.submittedBy(),
                e.submitterName(), e.office(), e.ledgerState(), e.rejectionCode(), e.txId(), e.blockNumber(), e.commitTime(),
                String.join(" ", e.endorsingMspIds()));
    }
}
