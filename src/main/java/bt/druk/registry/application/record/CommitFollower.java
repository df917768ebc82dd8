package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Reads committed blocks from the checkpoint stored in the database and marks the portal's versions
 * committed with their receipts. The source of truth for commits after a restart: whatever the
 * submitter missed (a crash between submit and commit status, a commit-status timeout), this sees.
 */
@ApplicationScoped
public class CommitFollower {

    private static final Logger LOG = Logger.getLogger(CommitFollower.class.getName());
    public static final String CHECKPOINT = "registry-blocks";

    private Ledger ledger;
    private OutboxProcessor processor;
    private LedgerBindingGuard binding;

    protected CommitFollower() {
    }

    @Inject
    public CommitFollower(Ledger ledger, OutboxProcessor processor, LedgerBindingGuard binding) {
        this.ledger = ledger;
        this.processor = processor;
        this.binding = binding;
    }

    /**
     * Follows blocks until {@code keepGoing} turns false or the connection breaks (then throws
     * {@link bt.druk.registry.domain.ledger.LedgerUnavailableException}; the caller waits and calls
     * again, resuming from the checkpoint). Follows nothing, and returns 0 at once, unless the network
     * serves this database's ledger: another ledger's blocks would move the checkpoint past this one's.
     *
     * @param maxBlocks stop after this many blocks (tests); use Long.MAX_VALUE to follow forever
     */
    public long follow(BooleanSupplier keepGoing, long maxBlocks) {
        if (!binding.permitsWrites()) {
            return 0;
        }
        long start = processor.nextBlock(CHECKPOINT);
        long handled = 0;
        try (Ledger.BlockStream blocks = ledger.blocksFrom(start)) {
            while (keepGoing.getAsBoolean() && handled < maxBlocks && binding.permitsWrites()) {
                LedgerBlock block = blocks.next();
                int changed = processor.applyBlock(CHECKPOINT, block);
                handled++;
                if (changed > 0) {
                    LOG.info(() -> "block " + block.number() + ": " + changed + " record version(s) committed");
                }
            }
        }
        return handled;
    }
}
