package bt.druk.registry.domain.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Next block the commit follower will read; saved in the same transaction as what it learnt. */
@Entity
@Table(name = "ledger_checkpoint")
public class LedgerCheckpoint {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "next_block", nullable = false)
    private long nextBlock;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LedgerCheckpoint() {
    }

    public LedgerCheckpoint(String name, long nextBlock, Instant now) {
        this.name = name;
        this.nextBlock = nextBlock;
        this.updatedAt = now;
    }

    public void advanceTo(long block, Instant now) {
        if (block > nextBlock) {
            nextBlock = block;
            updatedAt = now;
        }
    }

    public String name() {
        return name;
    }

    public long nextBlock() {
        return nextBlock;
    }
}
