package bt.druk.registry.interfaces.rest;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * A request body read strictly: not JSON at all is a 400 of its own ({@link ApiProblem}); a field
 * of the wrong JSON type is a field error in the same form as the service's validation errors
 * (which follow once the types are right).
 */
final class JsonBody {

    /** Far above any command; a larger body is refused before parsing. */
    static final int MAX_CHARS = 1_000_000;

    private JsonBody() {
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("The request needs a JSON object as its body");
        }
        if (body.length() > MAX_CHARS) {
            throw ApiProblem.badRequest("The request body is larger than " + MAX_CHARS + " characters");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw ApiProblem.badRequest("The request body must be a JSON object, not " + value.getValueType().name().toLowerCase());
        } catch (JsonException | IllegalStateException e) {
            throw ApiProblem.badRequest("The request body is not valid JSON");
        }
    }

    /** A string field; null when absent or JSON null; a field error when it is another type. */
    static String string(JsonObject json, String name, String field, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(field, "type", "Give " + field + " as a JSON string");
        return null;
    }

    /** A number given as a JSON number or as a decimal string ({@code 1.25} or {@code "1.25"}). */
    static BigDecimal decimal(JsonObject json, String name, ValidationException.Collector errors) {
        return decimal(json, name, name, errors);
    }

    /** As {@link #decimal(JsonObject, String, ValidationException.Collector)}, an error named {@code field}. */
    static BigDecimal decimal(JsonObject json, String name, String field, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                // the error below
            }
        }
        errors.add(field, "number", "Give " + name + " as a decimal number");
        return null;
    }

    /** A share as the form takes it ({@code "1/2"}, {@code "0.5"}, {@code "1"}), also as a JSON number. */
    static String text(JsonObject json, String name, String field, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        return string(json, name, field, errors);
    }
}
