package bt.druk.registry.infrastructure.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.land.SurveyCrs;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnknownAuthorityCodeException;
import org.locationtech.proj4j.proj.Projection;

/**
 * {@link SurveyCrs}'s parameters against a second source: the EPSG file that Proj4J ships
 * ({@code proj4j-epsg} 1.4.1, test scope only), and its bounds against Bhutan's box projected here.
 */
class SurveyCrsParametersTest {

    private final CRSFactory factory = new CRSFactory();

    @Test
    void everyDrukref03CrsHasTheParametersOfTheEpsgFile() {
        for (SurveyCrs crs : SurveyCrs.values()) {
            if (crs.datum() != SurveyCrs.Datum.DRUKREF_03) {
                continue;
            }
            Projection epsg = factory.createFromName(crs.code()).getProjection();
            SurveyCrs.Projection ours = crs.projection();
            assertEquals(SurveyCrs.Method.TRANSVERSE_MERCATOR, ours.method(), crs.code());
            assertEquals(epsg.getProjectionLongitudeDegrees(), ours.centralMeridian(), 1e-9, crs.code());
            assertEquals(epsg.getProjectionLatitudeDegrees(), ours.latitudeOfOrigin(), 1e-9, crs.code());
            assertEquals(epsg.getScaleFactor(), ours.scaleFactor(), 1e-12, crs.code());
            assertEquals(epsg.getFalseEasting(), ours.falseEasting(), 1e-9, crs.code());
            assertEquals(epsg.getFalseNorthing(), ours.falseNorthing(), 1e-9, crs.code());
            assertEquals(SurveyCrs.GRS80_SEMI_MAJOR_AXIS, epsg.getEllipsoid().getEquatorRadius(), 1e-9, crs.code());
        }
    }

    @Test
    void drukRef23IsNotInTheEpsgFileThatProj4jShips() {
        // Its parameters come from EPSG's own register (conversion 11340), see SurveyCrs.
        assertThrows(UnknownAuthorityCodeException.class, () -> factory.createFromName("EPSG:11341"));
    }

    @Test
    void bhutansBoxFitsInEveryCrsBoundsWithLittleToSpare() {
        CoordinateReferenceSystem lonLat = factory.createFromParameters("lonlat", "+proj=longlat +ellps=GRS80 +no_defs");
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        for (SurveyCrs crs : SurveyCrs.values()) {
            CoordinateReferenceSystem projected = factory.createFromParameters(crs.code(), Proj4jWgs84Reprojection.projDefinition(crs));
            CoordinateTransform forward = transforms.createTransform(lonLat, projected);
            double minE = Double.MAX_VALUE;
            double maxE = -Double.MAX_VALUE;
            double minN = Double.MAX_VALUE;
            double maxN = -Double.MAX_VALUE;
            for (int i = 0; i <= 400; i++) {
                double t = i / 400.0;
                double lon = 88.7 + 3.5 * t;
                double lat = 26.6 + 1.8 * t;
                for (double[] p : new double[][] {{lon, 26.6}, {lon, 28.4}, {88.7, lat}, {92.2, lat}}) {
                    ProjCoordinate out = forward.transform(new ProjCoordinate(p[0], p[1]), new ProjCoordinate());
                    minE = Math.min(minE, out.x);
                    maxE = Math.max(maxE, out.x);
                    minN = Math.min(minN, out.y);
                    maxN = Math.max(maxN, out.y);
                }
            }
            SurveyCrs.ProjectedBounds b = crs.bounds();
            String name = crs.code();
            assertTrue(b.minEasting() <= minE && minE - b.minEasting() < 2, name + " min easting " + minE);
            assertTrue(b.maxEasting() >= maxE && b.maxEasting() - maxE < 2, name + " max easting " + maxE);
            assertTrue(b.minNorthing() <= minN && minN - b.minNorthing() < 2, name + " min northing " + minN);
            assertTrue(b.maxNorthing() >= maxN && b.maxNorthing() - maxN < 2, name + " max northing " + maxN);
        }
    }
}
