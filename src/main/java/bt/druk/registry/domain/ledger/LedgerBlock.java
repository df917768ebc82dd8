package bt.druk.registry.domain.ledger;

import java.util.List;

/** A committed block: its number and its transactions (valid or not). */
public record LedgerBlock(long number, List<CommittedTransaction> transactions) {
    public LedgerBlock {
        transactions = List.copyOf(transactions);
    }
}
