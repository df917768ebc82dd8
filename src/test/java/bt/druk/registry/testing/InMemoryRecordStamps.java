package bt.druk.registry.testing;

import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordStamps;
import bt.druk.registry.domain.record.RecordVersion;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Stamps computed from an in-memory repository's versions, as the aggregate query computes them. */
public class InMemoryRecordStamps implements RecordStamps {

    private final InMemoryRecordRepository records;

    public InMemoryRecordStamps(InMemoryRecordRepository records) {
        this.records = records;
    }

    @Override
    public Optional<Stamp> of(String recordKey) {
        return stamp(v -> v.recordKey().equals(recordKey));
    }

    @Override
    public Optional<Stamp> ofKinds(Collection<String> kinds) {
        return stamp(v -> kinds.contains(v.kind()));
    }

    @Override
    public long endedWrites() {
        return 0;
    }

    private Optional<Stamp> stamp(Predicate<RecordVersion> which) {
        List<RecordVersion> versions = records.allVersions().stream().filter(which).toList();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(versions.size(), versions.stream().mapToInt(RecordVersion::version).max().orElseThrow(),
                versions.stream().filter(v -> v.ledgerState() == LedgerState.COMMITTED).count(),
                versions.stream().filter(v -> v.receipt() != null && v.receipt().blockNumber() != null).count(),
                versions.stream().filter(v -> v.receipt() != null && !v.receipt().endorsingMspIds().isEmpty()).count(),
                versions.stream().map(RecordVersion::updatedAt).max(Comparator.<Instant>naturalOrder()).orElseThrow()));
    }
}
