package bt.druk.registry.application.record;

import bt.druk.registry.domain.audit.AuditTrail;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.CarriedOver;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * When an operator binds the database to another ledger, every version the earlier ledger committed
 * is written to the new one again (the chaincode's {@code CarryOver}): its own call, at the time it
 * was first committed, marked on the ledger as carried over. Through the outbox, so it survives
 * restarts, goes in version order per record, and is sent before any later version of the record.
 * Until a version is carried it is pending again; once carried, its receipt is the new ledger's, the
 * tamper report finds it there, and the record can change again.
 */
@ApplicationScoped
public class LedgerCarryOver {

    /** Stands for the earlier ledger when the database predates bindings and never knew its genesis block. */
    public static final String UNKNOWN_LEDGER = "0".repeat(64);

    private RecordRepository records;
    private AuditTrail trail;
    private Clock clock;

    protected LedgerCarryOver() {
    }

    @Inject
    public LedgerCarryOver(RecordRepository records, AuditTrail trail, Clock clock) {
        this.records = records;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Queues every committed version for carrying over from {@code fromLedger} (a genesis block hash,
     * or {@link #UNKNOWN_LEDGER}), in the caller's transaction. A version carried over before keeps
     * its own call and where it was first committed.
     *
     * @return how many versions were queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueAll(String fromLedger) {
        Instant now = clock.instant();
        int queued = 0;
        for (String key : trail.recordKeys()) {
            Instant previous = Instant.EPOCH;
            for (RecordVersion version : records.versionsOf(key)) {
                if (version.ledgerState() != LedgerState.COMMITTED) {
                    continue; // pending versions go as they are, after the carried ones; rejected ones never went
                }
                OutboxEntry entry = records.findOutboxForVersion(version.id()).orElse(null);
                if (entry == null) {
                    continue;
                }
                CarriedOver first = version.awaitCarryOver(fromLedger, now);
                // The chaincode takes a record's versions in time order: a version saved before the one
                // before it was committed claims that one's time.
                Instant claimed = first.committedAt().isBefore(previous) ? previous : first.committedAt();
                previous = claimed;
                entry.carryOver(LedgerCall.carryOver(entry.call(), fromLedger, first.txId(), claimed), carryGroup(key), claimed, now);
                queued++;
            }
        }
        return queued;
    }

    /** The record's group in the register catalogue ({@link RecordKind#carryGroup}); null when it stands alone. */
    static String carryGroup(String recordKey) {
        RecordKey key = RecordKey.parse(recordKey);
        return RecordKind.fromCode(key.kind()).flatMap(kind -> kind.carryGroup(key.id())).orElse(null);
    }
}
