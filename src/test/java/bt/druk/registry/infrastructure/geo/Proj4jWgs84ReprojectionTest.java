package bt.druk.registry.infrastructure.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.domain.land.Wgs84Reprojection.LonLat;
import bt.druk.registry.domain.land.Wgs84Reprojection.Wgs84Polygon;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Reprojection to WGS 84 against values computed independently with PROJ. The expected values come
 * from this script (pyproj 3.7.2 = PROJ 9.5.1, EPSG dataset v11.022), run as
 * {@code /tmp/pyproj-venv/bin/python expected.py} after
 * {@code python3 -m venv /tmp/pyproj-venv && /tmp/pyproj-venv/bin/pip install pyproj shapely}:
 * <pre>
 * from pyproj import Proj, Transformer
 * for code, lon, lat in [(5305, 89.6364, 27.4894), (5266, 89.6364, 27.4894), (5299, 89.4125, 27.4287),
 *                        (5301, 89.8636, 27.5817), (5307, 90.5025, 27.4993), (5266, 91.5542, 27.3333),
 *                        (5266, 89.0994, 26.8995)]:
 *     e, n = Transformer.from_crs("EPSG:4326", f"EPSG:{code}", always_xy=True).transform(lon, lat)
 *     e, n = round(e, 3), round(n, 3)
 *     lo, la = Transformer.from_crs(f"EPSG:{code}", "EPSG:4326", always_xy=True).transform(e, n)
 *     print(f"EPSG:{code} E {e:.3f} N {n:.3f} -> lon {lo:.10f} lat {la:.10f}")
 * lcc = Proj("+proj=lcc +lat_0=27.5 +lon_0=90 +lat_1=27.65 +lat_2=26.9 +x_0=500000 +y_0=200000 +ellps=GRS80 +units=m +no_defs")
 * for lon, lat in [(89.6364, 27.4894), (91.5542, 27.3333)]:
 *     e, n = lcc(lon, lat); e, n = round(e, 3), round(n, 3)
 *     lo, la = lcc(e, n, inverse=True)
 *     print(f"EPSG:11341 E {e:.3f} N {n:.3f} -> lon {lo:.10f} lat {la:.10f}")
 * </pre>
 * So the eastings and northings are millimetre points near the named places, and the expected
 * longitudes and latitudes are PROJ's inverse of exactly those points. PROJ 9.5.1's EPSG
 * database does not know EPSG:11341, hence its parameters spelled out for the last two.
 */
class Proj4jWgs84ReprojectionTest {

    private static final double ONE_CENTIMETRE = 0.01;
    /** Metres per degree of latitude near 27.5° N, a little over (so the check is a little strict). */
    private static final double METRES_PER_DEGREE = 111_000;

    private final Proj4jWgs84Reprojection reprojection = new Proj4jWgs84Reprojection();

    private static void assertWithinOneCentimetre(double expectedLon, double expectedLat, LonLat actual) {
        double north = (actual.latitude() - expectedLat) * METRES_PER_DEGREE;
        double east = (actual.longitude() - expectedLon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(expectedLat));
        double off = Math.hypot(north, east);
        assertTrue(off < ONE_CENTIMETRE, () -> String.format("%s is %.4f m from (%.10f, %.10f)", actual, off, expectedLon, expectedLat));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thimphu, Tashichho Dzong, Thimphu TM              | 5305  | 258538.188 |  541862.401 | 89.6363999969 | 27.4894000020
            Thimphu, Tashichho Dzong, national grid           | 5266  | 214068.326 | 3041912.056 | 89.6363999998 | 27.4894000030
            Paro, Rinpung Dzong, Paro TM                      | 5299  | 256179.734 |  535134.767 | 89.4124999988 | 27.4286999976
            Punakha Dzong, Punakha TM                         | 5301  | 251342.851 |  552087.451 | 89.8635999954 | 27.5817000006
            Trongsa Dzong, Trongsa TM                         | 5307  | 250247.032 |  542956.464 | 90.5025000009 | 27.4992999993
            Trashigang, national grid, 1.55° from its meridian | 5266  | 403815.534 | 3025520.046 | 91.5541999977 | 27.3332999986
            Samtse, national grid                             | 5266  | 160529.527 | 2976812.769 | 89.0994000036 | 26.8994999960
            Thimphu, DrukRef23 / BNG2023                      | 11341 | 464069.032 |  198877.663 | 89.6364000030 | 27.4894000034
            Trashigang, DrukRef23 / BNG2023                   | 11341 | 653797.387 |  182484.215 | 91.5541999974 | 27.3333000032
            """)
    void aPointMatchesProjWithinOneCentimetre(String place, int epsg, double easting, double northing, double lon, double lat) {
        SurveyCrs crs = SurveyCrs.fromCode("EPSG:" + epsg).orElseThrow();
        assertWithinOneCentimetre(lon, lat, reprojection.toWgs84(crs, easting, northing));
    }

    @Test
    void aBoundaryKeepsItsRingsAndOrder() {
        // A 40 m square around the Punakha point above, with a 10 m hole.
        Boundary boundary = Boundary.fromWkt("EPSG:5301", "POLYGON ((251322.851 552067.451, 251362.851 552067.451,"
                + " 251362.851 552107.451, 251322.851 552107.451, 251322.851 552067.451),"
                + " (251337.851 552082.451, 251347.851 552082.451, 251347.851 552092.451, 251337.851 552092.451, 251337.851 552082.451))");
        Wgs84Polygon wgs84 = reprojection.toWgs84(boundary);
        assertEquals(2, wgs84.rings().size());
        assertEquals(5, wgs84.rings().get(0).size());
        assertEquals(wgs84.rings().get(0).get(0), wgs84.rings().get(0).get(4));
        List<LonLat> outer = wgs84.rings().get(0);
        // Counter-clockwise from the south-west corner: the second corner is east of the first, the third north of it.
        assertTrue(outer.get(1).longitude() > outer.get(0).longitude());
        assertTrue(outer.get(2).latitude() > outer.get(1).latitude());
        // The hole's centre is the point PROJ placed at 89.8635999954 E, 27.5817000006 N.
        LonLat holeCorner = wgs84.rings().get(1).get(0);
        LonLat oppositeCorner = wgs84.rings().get(1).get(2);
        assertWithinOneCentimetre(89.8635999954, 27.5817000006,
                new LonLat((holeCorner.longitude() + oppositeCorner.longitude()) / 2, (holeCorner.latitude() + oppositeCorner.latitude()) / 2));
        assertTrue(wgs84.geoJson().startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[89.86339"), wgs84.geoJson());
    }

    @Test
    void everySurveyCrsHasADefinitionProj4jAccepts() {
        for (SurveyCrs crs : SurveyCrs.values()) {
            LonLat centre = reprojection.toWgs84(crs, (crs.bounds().minEasting() + crs.bounds().maxEasting()) / 2,
                    (crs.bounds().minNorthing() + crs.bounds().maxNorthing()) / 2);
            assertTrue(centre.longitude() > 88.7 && centre.longitude() < 92.2, crs + " " + centre);
            assertTrue(centre.latitude() > 26.6 && centre.latitude() < 28.4, crs + " " + centre);
        }
    }

    @Test
    void theProjDefinitionsSpellOutTheEpsgParameters() {
        assertEquals("+proj=etmerc +lat_0=0 +lon_0=89.85 +k=1 +x_0=250000 +y_0=-2500000 +ellps=GRS80 +units=m +no_defs",
                Proj4jWgs84Reprojection.projDefinition(SurveyCrs.PUNAKHA_TM));
        assertEquals("+proj=lcc +lat_0=27.5 +lon_0=90 +lat_1=27.65 +lat_2=26.9 +x_0=500000 +y_0=200000 +ellps=GRS80 +units=m +no_defs",
                Proj4jWgs84Reprojection.projDefinition(SurveyCrs.BNG_2023));
    }
}
