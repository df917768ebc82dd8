package bt.druk.registry.testing;

import bt.druk.registry.domain.ledger.LedgerBindings;
import bt.druk.registry.domain.record.LedgerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The database's ledger bindings in memory, its receipts read from the in-memory record repository. */
public class InMemoryLedgerBindings implements LedgerBindings {

    private final InMemoryRecordRepository records;
    private final List<Binding> bindings = new ArrayList<>();

    public InMemoryLedgerBindings(InMemoryRecordRepository records) {
        this.records = records;
    }

    @Override
    public synchronized Optional<Binding> current() {
        return bindings.isEmpty() ? Optional.empty() : Optional.of(bindings.get(bindings.size() - 1));
    }

    @Override
    public synchronized void add(Binding binding) {
        bindings.add(binding);
    }

    @Override
    public synchronized void rebind(Binding binding) {
        bindings.add(binding);
        records.restartCheckpoints(binding.boundAt());
    }

    /** Every binding, oldest first. */
    public synchronized List<Binding> history() {
        return List.copyOf(bindings);
    }

    @Override
    public Optional<String> anyReceipt() {
        return records.allVersions().stream()
                .filter(v -> v.ledgerState() == LedgerState.COMMITTED && v.receipt() != null && v.receipt().txId() != null)
                .map(v -> v.receipt().txId()).findFirst();
    }
}
