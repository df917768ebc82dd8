package bt.druk.registry.testing;

import bt.druk.registry.application.procurement.ocds.ReleaseTimeline;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The timeline over an in-memory repository's versions; counts the pages asked for. */
public class InMemoryReleaseTimeline implements ReleaseTimeline {

    private final InMemoryRecordRepository records;
    /** Every page asked for, as {@code after <instant>} or {@code before <instant>} ({@code null} for the first). */
    public final List<String> asked = new ArrayList<>();

    public InMemoryReleaseTimeline(InMemoryRecordRepository records) {
        this.records = records;
    }

    @Override
    public List<Entry> after(Instant after, int limit) {
        asked.add("after " + after);
        return page(Comparator.comparing(RecordVersion::createdAt).thenComparing(RecordVersion::id),
                after == null ? v -> true : v -> v.createdAt().isAfter(after), limit);
    }

    @Override
    public List<Entry> before(Instant before, int limit) {
        asked.add("before " + before);
        return page(Comparator.comparing(RecordVersion::createdAt).thenComparing(RecordVersion::id).reversed(),
                before == null ? v -> true : v -> v.createdAt().isBefore(before), limit);
    }

    private List<Entry> page(Comparator<RecordVersion> order, Predicate<RecordVersion> from, int limit) {
        List<RecordVersion> published = records.allVersions().stream()
                .filter(v -> KINDS.contains(v.kind()) && v.ledgerState() == LedgerState.COMMITTED && v.receipt() != null)
                .filter(from).sorted(order).toList();
        List<Entry> page = new ArrayList<>();
        for (RecordVersion v : published) {
            if (page.size() >= limit && !v.createdAt().equals(page.get(page.size() - 1).recordedAt())) {
                break;
            }
            page.add(new Entry(v.recordKey(), v.version(), v.createdAt()));
        }
        return page;
    }
}
