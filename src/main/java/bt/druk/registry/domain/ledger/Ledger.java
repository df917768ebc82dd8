package bt.druk.registry.domain.ledger;

import bt.druk.registry.domain.record.LedgerCall;
import java.util.List;
import java.util.Optional;

/**
 * Port to the permissioned ledger. Writes are signed with the named staff identity; reads use the
 * portal's own reading identity. Read methods throw {@link LedgerUnavailableException} when the
 * ledger cannot be reached.
 */
public interface Ledger {

    /**
     * Endorses one chaincode call, signed with the named identity. The answer holds the transaction,
     * with its id, ready to be sent for ordering; or the outcome when endorsement already decided it.
     * Never throws for ledger problems.
     */
    Endorsement endorse(LedgerCall call, String identityName);

    /** Endorses, orders and waits for the commit of one chaincode call. Never throws for ledger problems. */
    default SubmissionOutcome submit(LedgerCall call, String identityName) {
        Endorsement endorsement = endorse(call, identityName);
        return endorsement.isEndorsed() ? endorsement.transaction().send() : endorsement.outcome();
    }

    /**
     * Asks the ledger something cheap and returns when it answered; throws
     * {@link LedgerUnavailableException} when it cannot. Used by the readiness check.
     */
    default void ping() {
        readRecord(PING_KEY);
    }

    /**
     * Which ledger this is (channel and genesis block hash); throws {@link LedgerUnavailableException}
     * when it cannot be read.
     */
    LedgerIdentity identity();

    /** A key no record ever has: reading it costs one evaluation and answers "not found". */
    String PING_KEY = "land-title:READINESS-PROBE";

    /** Current ledger entry of a record, empty if the ledger has none. */
    Optional<LedgerEntry> readRecord(String recordKey);

    /** Every write of the key, oldest first. */
    List<LedgerHistoryItem> history(String recordKey);

    /**
     * One page of the current ledger entries of a kind ({@code land-title}, {@code tender}, …), in
     * key order: every portal's records on this ledger, not only this portal's. Pass {@code ""} as
     * bookmark for the first page, then the bookmark of the page before; {@code pageSize} 1 to 100.
     */
    LedgerRecordPage listRecords(String kind, int pageSize, String bookmark);

    /** Records whose hash (or notarised document hash) equals the given one. */
    List<HashIndexHit> findByHash(String sha256Hex);

    /**
     * The opening shares posted for a sealed tender, in holder order (holders who have not posted are
     * left out); empty for a tender the ledger does not have.
     */
    List<PostedShares> openingShares(String tenderKey);

    /** The committed transaction with this id (block, time, endorsers, events), empty if unknown. */
    Optional<CommittedTransaction> transaction(String txId);

    /**
     * Blocks from {@code startBlock} on, as they are committed; {@link BlockStream#next()} waits for
     * the next block. Close the stream to stop.
     */
    BlockStream blocksFrom(long startBlock);

    /** A stream of committed blocks. */
    interface BlockStream extends AutoCloseable {
        /** Waits for and returns the next block; throws {@link LedgerUnavailableException} when the connection breaks. */
        LedgerBlock next();

        @Override
        void close();
    }
}
