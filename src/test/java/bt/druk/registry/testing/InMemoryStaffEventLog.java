package bt.druk.registry.testing;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The staff activity log in a list. */
public class InMemoryStaffEventLog implements StaffEventLog {

    private final List<StaffEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(StaffEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<StaffEvent> page(Filter filter, int first, int max) {
        return events.stream().filter(matching(filter)).sorted(Comparator.comparing(StaffEvent::at).reversed())
                .skip(first).limit(max).toList();
    }

    @Override
    public synchronized long count(Filter filter) {
        return events.stream().filter(matching(filter)).count();
    }

    public synchronized List<StaffEvent> all() {
        return List.copyOf(events);
    }

    private static Predicate<StaffEvent> matching(Filter f) {
        return e -> (f.kind() == null || e.kind() == f.kind()) && (f.actor() == null || e.actor().equals(f.actor()))
                && (f.from() == null || !e.at().isBefore(f.from())) && (f.until() == null || e.at().isBefore(f.until()));
    }
}
