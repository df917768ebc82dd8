package bt.druk.registry.domain.land;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.land.Wgs84Reprojection.LonLat;
import bt.druk.registry.domain.land.Wgs84Reprojection.Wgs84Polygon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The map's outlines are written with 8 decimals rounded half up, exactly as BigDecimal rounds the double. */
class Wgs84PolygonGeoJsonTest {

    private static String exact(double degrees) {
        return new BigDecimal(degrees).setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    private static String written(double longitude, double latitude) {
        return new Wgs84Polygon(List.of(List.of(new LonLat(longitude, latitude)))).geoJson();
    }

    @Test
    void everyOrdinateIsWrittenAsBigDecimalRoundsItHalfUpToEightDecimals() {
        Random random = new Random(7);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1e-9, -1e-9, 5e-9, -5e-9, 89.999999995, 90.000000005, -179.999999995,
                27.123456785, 27.123456775, 0.000000015, 12.5, -12.5));
        for (int i = 0; i < 20_000; i++) {
            values.add(88 + random.nextDouble() * 5);                       // Bhutan's longitudes
            values.add((random.nextDouble() - 0.5) * 360);                  // anywhere
            values.add(Math.round(random.nextDouble() * 1e9) / 1e9 + 5e-9); // on or next to a tie
        }
        for (double v : values) {
            assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[" + exact(v) + "," + exact(-v) + "]]]}", written(v, -v), () -> "for " + v);
        }
    }
}
