package bt.druk.registry.testing;

import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public class InMemoryLandParcelRepository implements LandParcelRepository {

    private int boundaryLocks;

    private final Map<String, LandParcel> rows = new TreeMap<>();

    @Override
    public synchronized Optional<LandParcel> find(String recordKey) {
        return Optional.ofNullable(rows.get(recordKey));
    }

    @Override
    public synchronized void add(LandParcel parcel) {
        rows.put(parcel.recordKey(), parcel);
    }

    @Override
    public synchronized void remove(String recordKey) {
        rows.remove(recordKey);
    }

    @Override
    public synchronized Optional<LandParcel> findByPin(String pin) {
        // By the title's record key first, as the database finds it by an index (LandGeometryBench holds 100,000).
        LandParcel byKey = rows.get(bt.druk.registry.domain.land.LandTitle.recordKeyOf(pin));
        if (byKey != null && byKey.pin().equals(pin)) {
            return Optional.of(byKey);
        }
        return rows.values().stream().filter(p -> p.pin().equals(pin)).findFirst();
    }

    /** Counted only: the unit tests run one thread and no transactions (PortalScenarios test the lock). */
    @Override
    public synchronized void lockBoundaries() {
        boundaryLocks++;
    }

    /** How often a change took the boundary lock. */
    public synchronized int boundaryLocks() {
        return boundaryLocks;
    }

    @Override
    public synchronized List<LandParcel> withBoundaryIn(String crsCode) {
        return rows.values().stream()
                .filter(p -> crsCode.equals(p.boundaryCrs()) && p.status() != bt.druk.registry.domain.land.TitleStatus.RETIRED)
                .sorted(Comparator.comparing(LandParcel::pin)).toList();
    }

    @Override
    public synchronized List<LandParcel> liveWithBoundary(String dzongkhag, int limit) {
        return rows.values().stream()
                .filter(p -> p.boundaryCrs() != null && p.status() != bt.druk.registry.domain.land.TitleStatus.RETIRED)
                .filter(p -> dzongkhag == null || p.dzongkhag().equals(dzongkhag))
                .sorted(Comparator.comparing(LandParcel::pin)).limit(limit).toList();
    }

    @Override
    public synchronized List<LandParcel> search(String pin, String thramNo, String dzongkhag, String gewog, int limit) {
        return rows.values().stream()
                .filter(p -> pin == null || p.pin().equals(pin))
                .filter(p -> thramNo == null || p.thramNo().equals(thramNo))
                .filter(p -> dzongkhag == null || p.dzongkhag().equals(dzongkhag))
                .filter(p -> gewog == null || p.gewog().equals(gewog))
                .sorted(Comparator.comparing(LandParcel::pin)).limit(limit).toList();
    }
}
