package bt.druk.registry.infrastructure.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.demo.DemoPlan;
import bt.druk.registry.application.demo.DemoStep;
import bt.druk.registry.application.land.SubdivideCommand;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.Wgs84Reprojection.LonLat;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: every demo parcel's area and its WGS 84 outline agree with an independent computation.
 * The outline's corners as the portal reprojects them (Proj4J) against PROJ's own {@code cs2cs}
 * (Debian {@code proj-bin}, its EPSG database) within 1 cm on the ground; the area the portal computes
 * (JTS, in doubles) against the exact shoelace sum of the coordinates as typed, within 0.01 m².
 */
class DemoBoundariesAgainstProjTest {

    private static final double METRES_PER_DEGREE = 111_320;

    private final Proj4jWgs84Reprojection reprojection = new Proj4jWgs84Reprojection();

    @Test
    void everyDemoBoundaryAgreesWithProjWithinACentimetreAndItsAreaWithinAHundredthOfASquareMetre() throws Exception {
        Map<String, String> boundaries = demoBoundaries();
        assertTrue(boundaries.size() >= 15, "Thimphu's, Punakha's and Paro's parcels and the children: " + boundaries.keySet());
        int corners = 0;
        double farthest = 0;
        BigDecimal areaGap = BigDecimal.ZERO;
        for (Map.Entry<String, String> parcel : boundaries.entrySet()) {
            Boundary boundary = Boundary.fromGeoJson(null, parcel.getValue());
            JsonArray ring = Json.createReader(new StringReader(parcel.getValue())).readObject()
                    .getJsonArray("coordinates").getJsonArray(0);

            BigDecimal exact = shoelace(ring);
            areaGap = areaGap.max(boundary.areaSquareMetres().subtract(exact).abs());
            assertTrue(boundary.areaSquareMetres().subtract(exact).abs().compareTo(new BigDecimal("0.01")) <= 0,
                    parcel.getKey() + ": the portal's area " + boundary.areaSquareMetres() + " m², the exact sum " + exact + " m²");

            List<LonLat> ours = reprojection.toWgs84(boundary).rings().get(0);
            List<double[]> proj = cs2cs(boundary.crs().code(), ring);
            for (int i = 0; i < ring.size(); i++) {
                LonLat point = ours.get(i);
                double latitude = proj.get(i)[0];
                double longitude = proj.get(i)[1];
                double north = (point.latitude() - latitude) * METRES_PER_DEGREE;
                double east = (point.longitude() - longitude) * METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude));
                farthest = Math.max(farthest, Math.hypot(north, east));
                assertTrue(Math.hypot(north, east) < 0.01, parcel.getKey() + " corner " + i + ": Proj4J " + point
                        + ", cs2cs " + latitude + " " + longitude + " (" + Math.hypot(north, east) + " m apart)");
                assertTrue(latitude > 26.6 && latitude < 28.4 && longitude > 88.7 && longitude < 92.2, parcel.getKey() + " lies in Bhutan");
                corners++;
            }
        }
        System.out.println("[demo-boundaries] " + boundaries.size() + " boundaries, " + corners + " corners checked against cs2cs: at most "
                + String.format("%.6f", farthest) + " m apart; areas at most " + areaGap.toPlainString() + " m² from the exact sum");
    }

    /** PIN → boundary GeoJSON of every demo parcel that has one, and of the parcels its steps create. */
    private static Map<String, String> demoBoundaries() {
        Map<String, String> boundaries = new LinkedHashMap<>();
        for (var parcel : DemoPlan.standard().parcels()) {
            if (parcel.registration().boundary() != null) {
                boundaries.put(parcel.pin(), parcel.registration().boundary());
            }
            for (DemoStep step : parcel.history()) {
                List<SubdivideCommand.Child> children = step instanceof DemoStep.Subdivide subdivide ? subdivide.children()
                        : step instanceof DemoStep.MergeWith merge ? List.of(merge.merged()) : List.of();
                children.forEach(child -> boundaries.put(child.pin(), child.boundary()));
            }
        }
        return boundaries;
    }

    /** Twice the signed area of a closed ring, halved, in exact decimal arithmetic. */
    private static BigDecimal shoelace(JsonArray ring) {
        BigDecimal twice = BigDecimal.ZERO;
        for (int i = 0; i + 1 < ring.size(); i++) {
            BigDecimal x0 = ring.getJsonArray(i).getJsonNumber(0).bigDecimalValue();
            BigDecimal y0 = ring.getJsonArray(i).getJsonNumber(1).bigDecimalValue();
            BigDecimal x1 = ring.getJsonArray(i + 1).getJsonNumber(0).bigDecimalValue();
            BigDecimal y1 = ring.getJsonArray(i + 1).getJsonNumber(1).bigDecimalValue();
            twice = twice.add(x0.multiply(y1)).subtract(x1.multiply(y0));
        }
        return twice.abs().divide(BigDecimal.valueOf(2));
    }

    /** Each position through {@code cs2cs CRS EPSG:4326}: latitude and longitude (EPSG:4326's axis order). */
    private static List<double[]> cs2cs(String crs, JsonArray ring) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("cs2cs", "-f", "%.10f", crs, "EPSG:4326").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cs2cs not found: apt-get install proj-bin (.ci/run installs it)", e);
        }
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < ring.size(); i++) {
            input.append(ring.getJsonArray(i).getJsonNumber(0).bigDecimalValue().toPlainString()).append(' ')
                    .append(ring.getJsonArray(i).getJsonNumber(1).bigDecimalValue().toPlainString()).append('\n');
        }
        process.getOutputStream().write(input.toString().getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "cs2cs failed: " + output);
        List<double[]> points = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            points.add(new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1])});
        }
        assertEquals(ring.size(), points.size(), "one answer per position: " + output);
        return points;
    }
}
