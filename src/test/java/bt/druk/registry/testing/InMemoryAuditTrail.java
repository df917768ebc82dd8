package bt.druk.registry.testing;

import bt.druk.registry.domain.audit.AuditFilter;
import bt.druk.registry.domain.audit.AuditTrail;
import bt.druk.registry.domain.record.RecordVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The receipts trail over an {@link InMemoryRecordRepository}, with the JPA one's filters and order. */
public class InMemoryAuditTrail implements AuditTrail {

    private final InMemoryRecordRepository records;

    public InMemoryAuditTrail(InMemoryRecordRepository records) {
        this.records = records;
    }

    @Override
    public List<String> recordKeys() {
        return records.allVersions().stream().map(RecordVersion::recordKey).distinct().sorted().toList();
    }

    @Override
    public long count(AuditFilter filter) {
        return matching(filter).count();
    }

    @Override
    public List<RecordVersion> page(AuditFilter filter, int first, int max) {
        return matching(filter)
                .sorted(Comparator.comparing(RecordVersion::createdAt).thenComparing(RecordVersion::id).reversed())
                .skip(first).limit(max).toList();
    }

    @Override
    public List<String> offices() {
        return records.allVersions().stream().map(RecordVersion::office).filter(Objects::nonNull).distinct().sorted().toList();
    }

    @Override
    public List<String> submitters() {
        return records.allVersions().stream().map(RecordVersion::submittedBy).distinct().sorted().toList();
    }

    private Stream<RecordVersion> matching(AuditFilter f) {
        return records.allVersions().stream()
                .filter(v -> f.register() == null || f.register().equals(v.register()))
                .filter(v -> f.office() == null || f.office().equals(v.office()))
                .filter(v -> f.submittedBy() == null || f.submittedBy().equals(v.submittedBy()))
                .filter(v -> f.from() == null || !v.createdAt().isBefore(f.from()))
                .filter(v -> f.until() == null || v.createdAt().isBefore(f.until()));
    }
}
