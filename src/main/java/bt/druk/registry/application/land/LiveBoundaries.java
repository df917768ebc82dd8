package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.land.TitleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered parcels' boundaries in memory, one {@link BoundaryOverlaps} index per survey CRS,
 * so that a first registration learns which PINs its boundary overlaps without reading every
 * boundary from the database.
 *
 * <p>An index is loaded from the {@code land_parcel} projection the first time its CRS is asked
 * about. {@link LandProjection} reports every change of a title's current version here ({@link #changed}),
 * whether or not the CRS is loaded yet: the changes are kept as an overlay over the packed tree and
 * applied over a later load, so a registration whose transaction is still open when another
 * transaction loads the CRS is not lost. The packed tree is rebuilt once the overlay holds
 * {@link #REPACK_AFTER} changes; until then each query also checks the overlay (a small tree built
 * for the query).
 *
 * <p>What the index finds is checked against the projection before it is reported: a change whose
 * transaction rolled back after the projection ran would otherwise refuse registrations forever.
 * One lock per CRS: queries and changes of one CRS wait for each other (registrations are minutes
 * of a clerk's work apart; a query takes milliseconds).
 *
 * <p>Two changes of overlapping boundaries whose transactions overlap in time would both pass,
 * neither seeing the other's uncommitted row; so every change that writes a boundary takes
 * {@link #lockForChange} first, and checks only once the change before it has committed.
 */
@ApplicationScoped
public class LiveBoundaries {

    /** Overlay changes after which a CRS's tree is packed again. */
    static final int REPACK_AFTER = 256;

    private final Map<SurveyCrs, CrsIndex> indexes = new EnumMap<>(SurveyCrs.class);
    private LandParcelRepository parcels;

    protected LiveBoundaries() {
    }

    @Inject
    public LiveBoundaries(LandParcelRepository parcels) {
        this.parcels = parcels;
        for (SurveyCrs crs : SurveyCrs.values()) {
            indexes.put(crs, new CrsIndex(crs));
        }
    }

    /**
     * The registered parcels whose boundary this one covers by more than {@code sliverSquareMetres},
     * by PIN, each with the area covered.
     *
     * @param ownPin the PIN the boundary is for (never reported), or null
     */
    public List<BoundaryOverlaps.Overlap> overlapping(Boundary boundary, double sliverSquareMetres, String ownPin) {
        List<BoundaryOverlaps.Overlap> found = indexes.get(boundary.crs()).overlapping(boundary, sliverSquareMetres, ownPin);
        // The projection is the truth: drop what the index holds but the committed rows do not.
        return found.stream().filter(o -> parcels.findByPin(o.pin()).filter(row -> row.status() != TitleStatus.RETIRED).flatMap(LandParcel::boundary)
                .filter(stored -> stored.crs() == boundary.crs())
                .map(stored -> !BoundaryOverlaps.of(stored.crs(), Map.of(o.pin(), stored))
                        .overlapping(boundary, sliverSquareMetres, ownPin).isEmpty())
                .orElse(false)).toList();
    }

    /**
     * Holds the register's boundary lock until the calling transaction ends. Taken before any other
     * lock (a title's), so that two changes never wait for each other in turn.
     */
    public void lockForChange() {
        parcels.lockBoundaries();
    }

    /**
     * A title's current boundary changed: {@code before} is the boundary the PIN had (null for none),
     * {@code after} the one it has now (null for none or a title gone).
     */
    public void changed(String pin, Boundary before, Boundary after) {
        if (before != null && (after == null || before.crs() != after.crs())) {
            indexes.get(before.crs()).put(pin, null);
        }
        if (after != null) {
            indexes.get(after.crs()).put(pin, after);
        }
    }

    /** How many boundaries the CRS's index holds, loading it if needed (for tests and health pages). */
    public int size(SurveyCrs crs) {
        return indexes.get(crs).size();
    }

    private final class CrsIndex {
        private final SurveyCrs crs;
        /** Null until loaded; then every live boundary of this CRS, by PIN. */
        private Map<String, Boundary> all;
        private BoundaryOverlaps packed;
        /** PIN to its boundary now (an Optional.empty() for none) since {@link #packed} was built. */
        private final Map<String, Optional<Boundary>> overlay = new HashMap<>();

        CrsIndex(SurveyCrs crs) {
            this.crs = crs;
        }

        synchronized List<BoundaryOverlaps.Overlap> overlapping(Boundary boundary, double sliver, String ownPin) {
            loadIfNeeded();
            List<BoundaryOverlaps.Overlap> result = new java.util.ArrayList<>();
            for (BoundaryOverlaps.Overlap o : packed.overlapping(boundary, sliver, ownPin)) {
                if (!overlay.containsKey(o.pin())) {
                    result.add(o);
                }
            }
            Map<String, Boundary> recent = new HashMap<>();
            overlay.forEach((pin, b) -> b.ifPresent(value -> recent.put(pin, value)));
            if (!recent.isEmpty()) {
                result.addAll(BoundaryOverlaps.of(crs, recent).overlapping(boundary, sliver, ownPin));
            }
            result.sort(java.util.Comparator.comparing(BoundaryOverlaps.Overlap::pin));
            return List.copyOf(result);
        }

        synchronized void put(String pin, Boundary boundary) {
            overlay.put(pin, Optional.ofNullable(boundary));
            if (all != null) {
                if (boundary == null) {
                    all.remove(pin);
                } else {
                    all.put(pin, boundary);
                }
                if (overlay.size() >= REPACK_AFTER) {
                    pack();
                }
            }
        }

        synchronized int size() {
            loadIfNeeded();
            return all.size();
        }

        private void loadIfNeeded() {
            if (all != null) {
                return;
            }
            Map<String, Boundary> loaded = new HashMap<>();
            for (LandParcel row : parcels.withBoundaryIn(crs.code())) {
                row.boundary().filter(b -> b.crs() == crs).ifPresent(b -> loaded.put(row.pin(), b));
            }
            // Changes reported before the load win over what the load read (it may predate their commit).
            overlay.forEach((pin, b) -> {
                if (b.isPresent()) {
                    loaded.put(pin, b.get());
                } else {
                    loaded.remove(pin);
                }
            });
            all = loaded;
            pack();
        }

        private void pack() {
            packed = BoundaryOverlaps.of(crs, all);
            overlay.clear();
        }
    }
}
