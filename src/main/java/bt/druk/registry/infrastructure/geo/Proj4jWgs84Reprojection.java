package bt.druk.registry.infrastructure.geo;

import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.land.Wgs84Reprojection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * {@link Wgs84Reprojection} with Proj4J. Each CRS is built from {@link SurveyCrs}'s own parameters
 * (not from Proj4J's EPSG file, which lacks EPSG:11341), as a PROJ definition:
 * <ul>
 *   <li>Transverse Mercator as {@code etmerc}, Poder/Engsager's extended series, the algorithm PROJ
 *       itself uses by default for {@code tmerc}. Proj4J's own {@code tmerc} (Snyder's older series)
 *       agreed with PROJ within 0.05 mm at the test points (up to 1.55° from the meridian), but its
 *       error grows quickly further out, and Bhutan reaches 2.2° from the national grid's;</li>
 *   <li>Lambert Conic Conformal 2SP as {@code lcc}.</li>
 * </ul>
 * The target is longitude/latitude on the same GRS 1980 ellipsoid with no datum shift (see
 * {@link Wgs84Reprojection} for why that is WGS 84 here).
 *
 * <p>Proj4J's transforms are not safe for concurrent use, so each call makes its own from the
 * cached (read-only) CRS definitions.
 */
@ApplicationScoped
public class Proj4jWgs84Reprojection implements Wgs84Reprojection {

    private static final String GEOGRAPHIC = "+proj=longlat +ellps=GRS80 +no_defs";

    private final Map<SurveyCrs, CoordinateReferenceSystem> projected = new EnumMap<>(SurveyCrs.class);
    private final CoordinateReferenceSystem geographic;
    private final CoordinateTransformFactory transforms = new CoordinateTransformFactory();

    public Proj4jWgs84Reprojection() {
        CRSFactory factory = new CRSFactory();
        for (SurveyCrs crs : SurveyCrs.values()) {
            projected.put(crs, factory.createFromParameters(crs.code(), projDefinition(crs)));
        }
        geographic = factory.createFromParameters("GRS80 longitude/latitude", GEOGRAPHIC);
    }

    /** The PROJ definition of a survey CRS, from its EPSG parameters. */
    static String projDefinition(SurveyCrs crs) {
        SurveyCrs.Projection p = crs.projection();
        // Proj4J's GRS80 is EPSG:7019's a = 6378137 m, 1/f = 298.257222101, as SurveyCrs states.
        String ellipsoid = " +ellps=GRS80 +units=m +no_defs";
        return switch (p.method()) {
            case TRANSVERSE_MERCATOR -> "+proj=etmerc +lat_0=" + number(p.latitudeOfOrigin()) + " +lon_0=" + number(p.centralMeridian())
                    + " +k=" + number(p.scaleFactor()) + " +x_0=" + number(p.falseEasting()) + " +y_0=" + number(p.falseNorthing()) + ellipsoid;
            case LAMBERT_CONIC_CONFORMAL_2SP -> "+proj=lcc +lat_0=" + number(p.latitudeOfOrigin()) + " +lon_0=" + number(p.centralMeridian())
                    + " +lat_1=" + number(p.standardParallel1()) + " +lat_2=" + number(p.standardParallel2())
                    + " +x_0=" + number(p.falseEasting()) + " +y_0=" + number(p.falseNorthing()) + ellipsoid;
        };
    }

    private static String number(double value) {
        // Double.toString keeps every digit a double has (89.85 stays 89.85, 90.733… all 17 digits).
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public Wgs84Polygon toWgs84(Boundary boundary) {
        CoordinateTransform transform = transforms.createTransform(projected.get(boundary.crs()), geographic);
        List<List<LonLat>> rings = new ArrayList<>();
        rings.add(ring(transform, boundary.exterior()));
        for (List<Boundary.Position> hole : boundary.holes()) {
            rings.add(ring(transform, hole));
        }
        return new Wgs84Polygon(rings);
    }

    /** One point, easting and northing in metres in {@code crs}; for checks and tests. */
    public LonLat toWgs84(SurveyCrs crs, double easting, double northing) {
        CoordinateTransform transform = transforms.createTransform(projected.get(crs), geographic);
        ProjCoordinate out = transform.transform(new ProjCoordinate(easting, northing), new ProjCoordinate());
        return new LonLat(out.x, out.y);
    }

    private static List<LonLat> ring(CoordinateTransform transform, List<Boundary.Position> positions) {
        List<LonLat> ring = new ArrayList<>(positions.size());
        ProjCoordinate out = new ProjCoordinate();
        for (Boundary.Position p : positions) {
            transform.transform(new ProjCoordinate(p.easting(), p.northing()), out);
            ring.add(new LonLat(out.x, out.y));
        }
        return ring;
    }
}
