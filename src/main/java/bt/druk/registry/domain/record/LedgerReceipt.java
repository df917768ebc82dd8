package bt.druk.registry.domain.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Proof that a version is on the ledger: transaction id, block number, transaction time and the
 * organisations whose peers endorsed it. Block number, time and endorsers may be filled in a little
 * later than the transaction id (by the commit follower).
 */
@Embeddable
public class LedgerReceipt {

    @Column(name = "tx_id", length = 128)
    private String txId;

    @Column(name = "block_number")
    private Long blockNumber;

    @Column(name = "commit_time")
    private Instant commitTime;

    /** Comma-separated, sorted MSP ids. */
    @Column(name = "endorsing_msps", length = 512)
    private String endorsingMsps;

    protected LedgerReceipt() {
    }

    public LedgerReceipt(String txId, Long blockNumber, Instant commitTime, List<String> endorsingMspIds) {
        this.txId = txId;
        this.blockNumber = blockNumber;
        this.commitTime = commitTime;
        this.endorsingMsps = endorsingMspIds == null || endorsingMspIds.isEmpty()
                ? null : String.join(",", endorsingMspIds.stream().sorted().distinct().toList());
    }

    public String txId() {
        return txId;
    }

    public Long blockNumber() {
        return blockNumber;
    }

    public Instant commitTime() {
        return commitTime;
    }

    public List<String> endorsingMspIds() {
        return endorsingMsps == null || endorsingMsps.isEmpty() ? List.of() : Arrays.asList(endorsingMsps.split(","));
    }

    /** True once block number, time and endorsers are all known. */
    public boolean isComplete() {
        return txId != null && blockNumber != null && commitTime != null && endorsingMsps != null;
    }
}
