package bt.druk.registry.application.land;

import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.shared.JsonProviders;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** What the land register's service tests share: surveyed rectangles, refusals by field, JSON arguments. */
final class LandTests {

    private LandTests() {
    }

    /** A rectangle in EPSG:5266 metres as GeoJSON: 100 m by 100 m is 10 000 m², 2.4711 acres. */
    static String rectangle(double west, double south, double width, double height) {
        double east = west + width;
        double north = south + height;
        return "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(west, south, east, south, east, north, west, north, west, south);
    }

    /** The refusal's errors as "field code", in order. */
    static List<String> errors(Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        return e.errors().stream().map(f -> f.field() + " " + f.code()).toList();
    }

    /** A ledger call's JSON argument. */
    static JsonValue json(String text) {
        try (var reader = JsonProviders.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
