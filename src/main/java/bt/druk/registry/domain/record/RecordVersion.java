package bt.druk.registry.domain.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a record of any register: its canonical JSON and that JSON's SHA-256
 * ({@code documentHash}), the hash the ledger holds for it ({@code hash}: the same for most records,
 * see {@link LedgerImprint}), the previous version's ledger hash (the chain of title) and where it
 * stands with the ledger.
 *
 * <p>{@code chainVersion} equals {@code version} while the version is live (pending or committed)
 * and is cleared when the ledger rejects it; a unique index on (record key, chain version) thus
 * allows exactly one live version per number while keeping rejected attempts for the record.
 */
@Entity
@Table(name = "record_version")
public class RecordVersion {

    @Id
    @SequenceGenerator(name = "record_version_seq", sequenceName = "record_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_version_seq")
    private Long id;

    @Column(name = "record_key", nullable = false, length = 200)
    private String recordKey;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "register_code", nullable = false, length = 20)
    private String register;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "chain_version")
    private Integer chainVersion;

    @Column(name = "operation", nullable = false, length = 60)
    private String operation;

    @Column(name = "chaincode_function", nullable = false, length = 60)
    private String chaincodeFunction;

    @Column(name = "canonical_json", nullable = false)
    private String canonicalJson;

    /** What the ledger holds for this version, by {@link #imprint}. */
    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    @Column(name = "document_hash", nullable = false, length = 64)
    private String documentHash;

    @Column(name = "imprint", nullable = false, length = 30)
    private String imprint;

    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(name = "submitted_by", nullable = false, length = 100)
    private String submittedBy;

    @Column(name = "office", length = 40)
    private String office;

    @Enumerated(EnumType.STRING)
    @Column(name = "ledger_state", nullable = false, length = 20)
    private LedgerState ledgerState;

    @Column(name = "rejection_code", length = 60)
    private String rejectionCode;

    @Column(name = "rejection_reason", length = 2000)
    private String rejectionReason;

    @Embedded
    private LedgerReceipt receipt;

    @Column(name = "carried_from_ledger", length = 64)
    private String carriedFromLedger;

    @Column(name = "first_tx_id", length = 128)
    private String firstTxId;

    @Column(name = "first_commit_time")
    private Instant firstCommitTime;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RecordVersion() {
    }

    public RecordVersion(String recordKey, String kind, String register, int version, String operation,
                         String chaincodeFunction, String canonicalJson, String documentHash, String imprint,
                         String hash, String previousHash, String submittedBy, String office, Instant now) {
        this.recordKey = Objects.requireNonNull(recordKey);
        this.kind = Objects.requireNonNull(kind);
        this.register = Objects.requireNonNull(register);
        this.version = version;
        this.chainVersion = version;
        this.operation = Objects.requireNonNull(operation);
        this.chaincodeFunction = Objects.requireNonNull(chaincodeFunction);
        this.canonicalJson = Objects.requireNonNull(canonicalJson);
        this.documentHash = Objects.requireNonNull(documentHash);
        this.imprint = Objects.requireNonNull(imprint);
        this.hash = Objects.requireNonNull(hash);
        this.previousHash = previousHash;
        this.submittedBy = Objects.requireNonNull(submittedBy);
        this.office = office;
        this.ledgerState = LedgerState.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records the ledger receipt. Completes a partial receipt; never replaces a different tx id. */
    public void markCommitted(LedgerReceipt newReceipt, Instant now) {
        if (ledgerState == LedgerState.REJECTED) {
            throw new IllegalStateException(recordKey + " v" + version + " was rejected; cannot commit");
        }
        if (receipt == null || receipt.txId() == null || !receipt.isComplete()) {
            receipt = merge(receipt, newReceipt);
        }
        ledgerState = LedgerState.COMMITTED;
        updatedAt = now;
    }

    private static LedgerReceipt merge(LedgerReceipt old, LedgerReceipt fresh) {
        if (old == null || old.txId() == null) {
            return fresh;
        }
        return new LedgerReceipt(old.txId(),
                old.blockNumber() != null ? old.blockNumber() : fresh.blockNumber(),
                old.commitTime() != null ? old.commitTime() : fresh.commitTime(),
                !old.endorsingMspIds().isEmpty() ? old.endorsingMspIds() : fresh.endorsingMspIds());
    }

    /**
     * The database was bound to a new ledger: this version, committed on the earlier one, waits to
     * be carried over, and its earlier receipt (a transaction the new ledger does not have) goes;
     * where it was first committed is kept (from its first carrying over, if it is carried again).
     *
     * @return where it was first committed
     */
    public CarriedOver awaitCarryOver(String fromLedger, Instant now) {
        if (ledgerState != LedgerState.COMMITTED) {
            throw new IllegalStateException(recordKey + " v" + version + " is " + ledgerState + "; only committed versions are carried over");
        }
        if (carriedFromLedger == null) {
            LedgerReceipt earlier = receipt();
            carriedFromLedger = fromLedger;
            firstTxId = earlier == null ? "unknown" : earlier.txId();
            firstCommitTime = earlier == null || earlier.commitTime() == null ? createdAt : earlier.commitTime();
        }
        ledgerState = LedgerState.PENDING;
        receipt = null;
        updatedAt = now;
        return carriedOver().orElseThrow();
    }

    /** Where this version was first committed, if it was carried over from an earlier ledger. */
    public Optional<CarriedOver> carriedOver() {
        return carriedFromLedger == null ? Optional.empty()
                : Optional.of(new CarriedOver(carriedFromLedger, firstTxId, firstCommitTime));
    }

    /** The new ledger refused to carry this version over: it stays committed, on the earlier ledger only, without a receipt here. */
    public void carryOverRefused(Instant now) {
        if (ledgerState != LedgerState.PENDING) {
            throw new IllegalStateException(recordKey + " v" + version + " is " + ledgerState + ", not waiting to be carried over");
        }
        ledgerState = LedgerState.COMMITTED;
        updatedAt = now;
    }

    public void markRejected(String code, String reason, Instant now) {
        if (ledgerState == LedgerState.COMMITTED) {
            throw new IllegalStateException(recordKey + " v" + version + " is committed; cannot reject");
        }
        ledgerState = LedgerState.REJECTED;
        chainVersion = null;
        rejectionCode = code;
        rejectionReason = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String recordKey() {
        return recordKey;
    }

    public String kind() {
        return kind;
    }

    public String register() {
        return register;
    }

    public int version() {
        return version;
    }

    public String operation() {
        return operation;
    }

    public String chaincodeFunction() {
        return chaincodeFunction;
    }

    public String canonicalJson() {
        return canonicalJson;
    }

    /** The hash the ledger holds for this version. */
    public String hash() {
        return hash;
    }

    /** SHA-256 of {@link #canonicalJson()}. */
    public String documentHash() {
        return documentHash;
    }

    /** {@link LedgerImprint#code()} of how {@link #hash()} derives from the document. */
    public String imprint() {
        return imprint;
    }

    public String previousHash() {
        return previousHash;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String office() {
        return office;
    }

    public LedgerState ledgerState() {
        return ledgerState;
    }

    public String rejectionCode() {
        return rejectionCode;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    /** Null until the version is committed. */
    /** Committed, with every detail of its receipt (block, time, endorsers) known: nothing left to record. */
    public boolean isFullyCommitted() {
        return ledgerState == LedgerState.COMMITTED && receipt() != null && receipt.isComplete();
    }

    public LedgerReceipt receipt() {
        return receipt == null || receipt.txId() == null ? null : receipt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Test/in-memory support: assigns the id a database would. */
    public void assignId(long newId) {
        this.id = newId;
    }
}
