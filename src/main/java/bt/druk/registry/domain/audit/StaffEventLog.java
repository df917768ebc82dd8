package bt.druk.registry.domain.audit;

import java.time.Instant;
import java.util.List;

/** Port: the append-only log of staff actions. There is no way to change or remove an entry. */
public interface StaffEventLog {

    /** Adds an entry, in the caller's transaction when there is one (a write and its entry commit together). */
    void append(StaffEvent event);

    /**
     * Entries newest first; every part of the filter is optional (null = any).
     *
     * @param kind  one kind of action
     * @param actor one staff user name
     * @param from  at or after
     * @param until before
     */
    record Filter(StaffEvent.Kind kind, String actor, Instant from, Instant until) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    List<StaffEvent> page(Filter filter, int first, int max);

    long count(Filter filter);
}
