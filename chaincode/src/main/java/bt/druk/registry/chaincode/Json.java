package bt.druk.registry.chaincode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Deterministic JSON: object keys in sorted order (at every depth), no whitespace, UTF-8. Every
 * endorser serialises the same values to the same bytes. Values are only strings, integers,
 * booleans, null, lists and maps: there are no floating-point numbers whose formatting could differ.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

    private Json() {
    }

    /** Canonical bytes of a JSON value made of maps, lists, strings, integers, booleans and nulls. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    public static String string(Object value) {
        return new String(bytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Parses JSON text given as a transaction argument into maps, lists, strings, numbers, booleans
     * and nulls; a repeated member or trailing text is refused like malformed JSON.
     *
     * @throws IllegalArgumentException if the text is not one JSON value
     */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** Parses a JSON object (as stored on the ledger) into maps, lists, strings, integers, booleans, nulls. */
    public static Map<String, Object> parseObject(byte[] json) {
        try {
            return MAPPER.readValue(json, OBJECT);
        } catch (IOException e) {
            throw new IllegalStateException("ledger value is not a JSON object", e);
        }
    }
}
