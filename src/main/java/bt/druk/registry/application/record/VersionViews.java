package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.RecordVersion;

/** Maps stored versions to views. */
public final class VersionViews {

    private VersionViews() {
    }

    public static VersionView of(RecordVersion v) {
        LedgerReceipt r = v.receipt();
        ReceiptView receipt = r == null ? null
                : new ReceiptView(r.txId(), r.blockNumber() == null ? -1 : r.blockNumber(), r.commitTime(), r.endorsingMspIds(),
                        v.carriedOver().orElse(null));
        return new VersionView(v.recordKey(), v.version(), v.operation(), v.chaincodeFunction(), v.createdAt(),
                v.submittedBy(), v.office(), v.hash(), v.documentHash(), v.previousHash(), v.ledgerState(), v.rejectionCode(),
                v.rejectionReason(), receipt);
    }
}
