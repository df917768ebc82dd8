package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.SurveyCrs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which live parcels a boundary overlaps: an immutable index (a JTS STRtree, packed once) of the
 * parcels' boundaries, keyed by PIN, answering "which PINs does this boundary cover by more than
 * X m²?" before a new or changed boundary is registered.
 *
 * <p><b>One CRS per index.</b> Every boundary in the index, and every boundary asked about, must be
 * in the index's CRS; a mixed set is refused rather than reprojected. Reprojecting between two
 * DRUKREF 03 zones moves a point by a computation, not a survey: after rounding to the millimetre,
 * shared edges of neighbours surveyed in different zones would no longer coincide, and every such
 * pair would show slivers. The caller keeps one index per CRS (in practice the national grid,
 * EPSG:5266), or asks the question in the CRS the neighbours were surveyed in.
 *
 * <p><b>Slivers.</b> Neighbouring surveys rarely share an edge to the millimetre, so an overlap
 * counts only above a tolerance ({@link #DEFAULT_SLIVER_SQUARE_METRES}, 0.5 m², passed in by the
 * caller). Parcels that only touch overlap by 0 m² and are never reported.
 *
 * <p>Safe for concurrent queries: the tree is built in the constructor and only read after.
 */
public final class BoundaryOverlaps {

    /** Overlaps of at most this many square metres are taken as survey noise between neighbours. */
    public static final double DEFAULT_SLIVER_SQUARE_METRES = 0.5;

    private final SurveyCrs crs;
    private final STRtree tree;
    private final int size;

    /** One parcel's boundary. */
    public record Entry(String pin, Boundary boundary) {
        public Entry {
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(boundary, "boundary");
        }
    }

    /** One overlap found: the other parcel's PIN and the area both cover, in m². */
    public record Overlap(String pin, double squareMetres) {
    }

    private record Indexed(String pin, Polygon polygon) {
    }

    /**
     * @param crs     the CRS of every boundary in the index
     * @param parcels the live parcels' boundaries; a PIN may appear once
     * @throws IllegalArgumentException if a boundary is in another CRS or a PIN repeats
     */
    public BoundaryOverlaps(SurveyCrs crs, List<Entry> parcels) {
        this.crs = Objects.requireNonNull(crs, "crs");
        // The STRtree's node capacity: 10 (JTS's default) gives a shallow tree for 100 000 parcels.
        this.tree = new STRtree();
        Set<String> pins = new HashSet<>();
        for (Entry parcel : parcels) {
            requireCrs(parcel.boundary(), "parcel " + parcel.pin());
            if (!pins.add(parcel.pin())) {
                throw new IllegalArgumentException("PIN " + parcel.pin() + " appears twice in the overlap index");
            }
            Polygon polygon = parcel.boundary().polygon();
            tree.insert(polygon.getEnvelopeInternal(), new Indexed(parcel.pin(), polygon));
        }
        tree.build();
        this.size = pins.size();
    }

    /** An index of the boundaries in a map of PIN to boundary. */
    public static BoundaryOverlaps of(SurveyCrs crs, Map<String, Boundary> boundariesByPin) {
        List<Entry> entries = new ArrayList<>(boundariesByPin.size());
        boundariesByPin.forEach((pin, boundary) -> entries.add(new Entry(pin, boundary)));
        return new BoundaryOverlaps(crs, entries);
    }

    public SurveyCrs crs() {
        return crs;
    }

    public int size() {
        return size;
    }

    /** {@link #overlapping(Boundary, double, String)} excluding no PIN. */
    public List<Overlap> overlapping(Boundary boundary, double sliverSquareMetres) {
        return overlapping(boundary, sliverSquareMetres, null);
    }

    /**
     * The parcels that the boundary covers by more than {@code sliverSquareMetres}, by PIN.
     *
     * @param ownPin the PIN of the parcel whose boundary this is (a boundary being corrected
     *               overlaps its own old one), or null
     * @throws IllegalArgumentException if the boundary is in another CRS than the index
     */
    public List<Overlap> overlapping(Boundary boundary, double sliverSquareMetres, String ownPin) {
        requireCrs(boundary, "the boundary asked about");
        if (!(sliverSquareMetres >= 0)) {
            throw new IllegalArgumentException("the sliver tolerance must be zero or more square metres");
        }
        Polygon candidate = boundary.polygon();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(candidate);
        List<Overlap> overlaps = new ArrayList<>();
        for (Object hit : tree.query(candidate.getEnvelopeInternal())) {
            Indexed other = (Indexed) hit;
            if (other.pin().equals(ownPin) || !prepared.intersects(other.polygon())) {
                continue;
            }
            Geometry common = candidate.intersection(other.polygon());
            double area = common.getArea();
            if (area > sliverSquareMetres) {
                overlaps.add(new Overlap(other.pin(), area));
            }
        }
        overlaps.sort(Comparator.comparing(Overlap::pin));
        return List.copyOf(overlaps);
    }

    /** The PINs alone, in order; see {@link #overlapping(Boundary, double, String)}. */
    public List<String> overlappingPins(Boundary boundary, double sliverSquareMetres, String ownPin) {
        return overlapping(boundary, sliverSquareMetres, ownPin).stream().map(Overlap::pin).toList();
    }

    private void requireCrs(Boundary boundary, String what) {
        if (boundary.crs() != crs) {
            throw new IllegalArgumentException("The overlap index is in " + crs.code() + " but " + what + " is in "
                    + boundary.crs().code() + "; an index holds one coordinate system and reprojects nothing");
        }
    }
}
