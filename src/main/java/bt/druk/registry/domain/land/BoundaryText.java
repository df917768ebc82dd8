package bt.druk.registry.domain.land;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the two text forms a surveyed boundary arrives in (a GeoJSON Polygon, a WKT POLYGON) into
 * rings of exact decimals, without judging them: {@link Boundary} checks and normalises. Numbers
 * are kept as {@link BigDecimal} so that rounding to the millimetre happens once, on the text as
 * written, never on a binary double.
 */
final class BoundaryText {

    static final String FORMAT = "boundary.format";

    /** A position as written: easting then northing. */
    record RawPoint(BigDecimal easting, BigDecimal northing) {
    }

    /**
     * @param crsCode the CRS the text itself names (GeoJSON's {@code crs} member), or null
     * @param rings   the exterior ring first, then the holes; each as written (not yet checked)
     */
    record RawPolygon(String crsCode, List<List<RawPoint>> rings) {
        RawPolygon {
            rings = rings.stream().map(List::copyOf).toList();
        }
    }

    private BoundaryText() {
    }

    /**
     * A GeoJSON Polygon object: {@code {"type":"Polygon","coordinates":[[[e,n],…]]}}, optionally
     * with the boundary's own {@code "crs":"EPSG:5266"} or the GeoJSON 2008 named CRS
     * {@code {"type":"name","properties":{"name":"EPSG:5266"}}}. Returns null after adding an error.
     */
    static RawPolygon readGeoJson(ValidationException.Collector errors, String field, String text) {
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return formatError(errors, field, "a GeoJSON Polygon is a JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonParsingException e) {
            return formatError(errors, field, "it is not valid JSON (" + e.getMessage() + ")");
        } catch (JsonException e) {
            return formatError(errors, field, "it is not valid JSON");
        }
        JsonValue type = object.get("type");
        if (!(type instanceof JsonString typeName) || !"Polygon".equals(typeName.getString())) {
            String found = type instanceof JsonString s ? s.getString() : String.valueOf(type);
            return formatError(errors, field, "its \"type\" must be \"Polygon\" (one parcel is one polygon), not " + found);
        }
        String crsCode = null;
        JsonValue crs = object.get("crs");
        if (crs != null && crs.getValueType() != JsonValue.ValueType.NULL) {
            crsCode = crsName(crs);
            if (crsCode == null) {
                return formatError(errors, field, "its \"crs\" must be a name such as \"EPSG:5266\"");
            }
        }
        JsonValue coordinates = object.get("coordinates");
        if (!(coordinates instanceof JsonArray ringArray)) {
            return formatError(errors, field, "its \"coordinates\" must be an array of rings");
        }
        List<List<RawPoint>> rings = new ArrayList<>();
        for (JsonValue ringValue : ringArray) {
            if (!(ringValue instanceof JsonArray positions)) {
                return formatError(errors, field, "each ring must be an array of [easting, northing] positions");
            }
            List<RawPoint> ring = new ArrayList<>();
            for (JsonValue positionValue : positions) {
                if (!(positionValue instanceof JsonArray position) || position.size() != 2
                        || !(position.get(0) instanceof JsonNumber easting) || !(position.get(1) instanceof JsonNumber northing)) {
                    return formatError(errors, field, "each position must be two numbers, [easting, northing]; found " + positionValue);
                }
                ring.add(new RawPoint(easting.bigDecimalValue(), northing.bigDecimalValue()));
            }
            rings.add(ring);
        }
        return new RawPolygon(crsCode, rings);
    }

    private static String crsName(JsonValue crs) {
        if (crs instanceof JsonString name) {
            return name.getString();
        }
        if (crs instanceof JsonObject named && named.get("properties") instanceof JsonObject properties
                && properties.get("name") instanceof JsonString name) {
            return name.getString();
        }
        return null;
    }

    /**
     * A WKT polygon, {@code POLYGON ((e n, e n, …), (…))}, keywords in any case, two ordinates per
     * point (no Z or M). Returns null after adding an error.
     */
    static RawPolygon readWkt(ValidationException.Collector errors, String field, String text) {
        WktCursor cursor = new WktCursor(text);
        try {
            String keyword = cursor.word();
            if (!"POLYGON".equals(keyword)) {
                return formatError(errors, field, "WKT for a parcel must start with POLYGON, not " + (keyword.isEmpty() ? "nothing" : keyword));
            }
            if (cursor.peekWord()) {
                String next = cursor.word();
                return formatError(errors, field, "EMPTY".equals(next)
                        ? "the polygon is EMPTY"
                        : "give two ordinates per point (easting northing), without " + next);
            }
            List<List<RawPoint>> rings = new ArrayList<>();
            cursor.expect('(');
            do {
                List<RawPoint> ring = new ArrayList<>();
                cursor.expect('(');
                do {
                    BigDecimal easting = cursor.number();
                    BigDecimal northing = cursor.number();
                    ring.add(new RawPoint(easting, northing));
                } while (cursor.accept(','));
                cursor.expect(')');
                rings.add(ring);
            } while (cursor.accept(','));
            cursor.expect(')');
            cursor.end();
            return new RawPolygon(null, rings);
        } catch (IllegalArgumentException e) {
            return formatError(errors, field, e.getMessage());
        }
    }

    private static RawPolygon formatError(ValidationException.Collector errors, String field, String why) {
        errors.add(field, FORMAT, "The boundary cannot be read: " + why);
        return null;
    }

    /** A tiny scanner for the WKT subset above; its exceptions carry the message for the clerk. */
    private static final class WktCursor {
        private final String text;
        private int at;

        WktCursor(String text) {
            this.text = text;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean peekWord() {
            skipSpace();
            return at < text.length() && Character.isLetter(text.charAt(at));
        }

        String word() {
            skipSpace();
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at).toUpperCase(Locale.ROOT);
        }

        boolean accept(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + (at + 1) + " of the WKT");
            }
        }

        BigDecimal number() {
            skipSpace();
            int start = at;
            while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return new BigDecimal(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number at character " + (start + 1) + " of the WKT");
            }
        }

        void end() {
            skipSpace();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected text after the polygon at character " + (at + 1) + " of the WKT");
            }
        }
    }
}
