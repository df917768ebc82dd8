package bt.druk.registry.domain.record;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A ledger submission waiting to be sent, stored in the same database transaction as its record
 * version: the chaincode function, its string arguments (JSON array) and the Fabric identity to
 * sign with. The submitter sends exactly this.
 */
@Entity
@Table(name = "ledger_outbox")
public class OutboxEntry {

    public enum Status {
        /** To be sent when {@code nextAttemptAt} has come. */
        DUE,
        /** Finished: committed, already recorded, or rejected (see the record version). */
        DONE,
        /** Not sent because an earlier version of the record was rejected. */
        CANCELLED
    }

    @Id
    @SequenceGenerator(name = "ledger_outbox_seq", sequenceName = "ledger_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_outbox_seq")
    private Long id;

    @Column(name = "record_version_id", nullable = false)
    private Long recordVersionId;

    @Column(name = "record_key", nullable = false, length = 200)
    private String recordKey;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "chaincode_function", nullable = false, length = 60)
    private String function;

    @Column(name = "arguments_json", nullable = false)
    private String argumentsJson;

    @Column(name = "identity_name", nullable = false, length = 100)
    private String identity;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "tx_id", length = 128)
    private String txId;

    /** The portal instance sending it now, and until when; another may take it over after that. */
    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** Carried-over versions of one group go one at a time, by {@link #carryAt}: see {@link #carryOver}. */
    @Column(name = "carry_group", length = 200)
    private String carryGroup;
    @Column(name = "carry_at")
    private Instant carryAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * The other record versions this one call writes (a subdivision's children), as their ids
     * separated by commas; null for a call that writes one version. They commit or are rejected
     * with the entry's own version.
     */
    @Column(name = "companion_version_ids", length = 4000)
    private String companionVersionIds;

    /** The companions' record keys: the sender orders the entry after their earlier writes and before their later ones. */
    @ElementCollection
    @CollectionTable(name = "ledger_outbox_companion", joinColumns = @JoinColumn(name = "outbox_id"))
    @Column(name = "record_key", length = 200)
    private List<String> companionKeys = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(RecordVersion version, LedgerCall call, String identity, Instant now) {
        this.recordVersionId = Objects.requireNonNull(version.id(), "record version must be stored first");
        this.recordKey = version.recordKey();
        this.version = version.version();
        this.function = call.function();
        this.argumentsJson = call.argumentsJson();
        this.identity = Objects.requireNonNull(identity);
        this.status = Status.DUE;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An entry whose one call also writes the versions {@code companions} (stored first). */
    public OutboxEntry(RecordVersion version, List<RecordVersion> companions, LedgerCall call, String identity, Instant now) {
        this(version, call, identity, now);
        if (!companions.isEmpty()) {
            this.companionVersionIds = companions.stream()
                    .map(c -> String.valueOf(Objects.requireNonNull(c.id(), "record version must be stored first")))
                    .collect(Collectors.joining(","));
            companions.forEach(c -> companionKeys.add(c.recordKey()));
        }
    }

    /** The companions' record keys, in the order written; empty for most calls. */
    public List<String> companionKeys() {
        return List.copyOf(companionKeys);
    }

    /** The ids of the other versions the call writes; empty for most calls. */
    public List<Long> companionVersionIds() {
        return companionVersionIds == null ? List.of()
                : Arrays.stream(companionVersionIds.split(",")).map(Long::valueOf).toList();
    }

    public LedgerCall call() {
        return LedgerCall.fromJson(function, argumentsJson);
    }

    /** Claimed for sending by {@code owner}, which has until {@code until} to finish. */
    public void lease(String owner, Instant until, Instant now) {
        leaseOwner = Objects.requireNonNull(owner);
        leaseUntil = Objects.requireNonNull(until);
        updatedAt = now;
    }

    /** About to be sent as this transaction: stored first, so the id is known whatever happens next. */
    public void sending(String sentTxId, Instant now) {
        txId = Objects.requireNonNull(sentTxId);
        updatedAt = now;
    }

    /** No longer claimed by anyone; due again as before. */
    public void endLease(Instant now) {
        releaseLease();
        updatedAt = now;
    }

    private void releaseLease() {
        leaseOwner = null;
        leaseUntil = null;
    }

    public void retryLater(String error, Instant next, Instant now) {
        releaseLease();
        attempts++;
        lastError = truncate(error);
        nextAttemptAt = next;
        updatedAt = now;
    }

    public void markDone(String doneTxId, String note, Instant now) {
        releaseLease();
        attempts++;
        status = Status.DONE;
        if (doneTxId != null) {
            txId = doneTxId;
        }
        if (note != null) {
            lastError = truncate(note);
        }
        updatedAt = now;
    }

    /** Done without a further attempt (e.g. the commit follower saw the commit first). */
    public void closeAsCommitted(String committedTxId, Instant now) {
        releaseLease();
        status = Status.DONE;
        txId = committedTxId;
        updatedAt = now;
    }

    /**
     * Due again, as {@code carry}: the same version written anew to the ledger the database was bound
     * to. Within {@code group} (null: none) carried versions go one at a time, in the order of
     * {@code firstCommitted}, since one may name another's record as it was then.
     */
    public void carryOver(LedgerCall carry, String group, Instant firstCommitted, Instant now) {
        releaseLease();
        createdAt = now; // waits from now: readiness measures the backlog by it
        carryGroup = group;
        carryAt = firstCommitted;
        function = carry.function();
        argumentsJson = carry.argumentsJson();
        status = Status.DUE;
        attempts = 0;
        nextAttemptAt = now;
        lastError = null;
        txId = null;
        updatedAt = now;
    }

    public String carryGroup() {
        return carryGroup;
    }

    public Instant carryAt() {
        return carryAt;
    }

    /** Whether this entry carries a version over from an earlier ledger. */
    public boolean isCarryOver() {
        return LedgerCall.CARRY_OVER.equals(function);
    }

    public void cancel(String reason, Instant now) {
        releaseLease();
        status = Status.CANCELLED;
        lastError = truncate(reason);
        updatedAt = now;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long id() {
        return id;
    }

    public Long recordVersionId() {
        return recordVersionId;
    }

    public String recordKey() {
        return recordKey;
    }

    public int version() {
        return version;
    }

    public String function() {
        return function;
    }

    public String argumentsJson() {
        return argumentsJson;
    }

    public String identity() {
        return identity;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public String txId() {
        return txId;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public void assignId(long newId) {
        this.id = newId;
    }
}
