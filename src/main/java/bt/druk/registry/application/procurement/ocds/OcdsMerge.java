package bt.druk.registry.application.procurement.ocds;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled release of a record: the releases merged oldest first by the OCDS merge rules, as
 * far as our releases need them. Later values win; a {@code null} removes a field; objects merge
 * member by member; an array of objects that all have an {@code id} merges element by element by
 * that id (so a document or bid seen once stays in the record); any other array, and the
 * whole-list-merge arrays of the schema, is replaced. The release's own {@code id}, {@code date}
 * and {@code tag} are not merged: the compiled release has id {@code <ocid>-<date>}, the latest
 * release's date and the tag {@code compiled}.
 */
public final class OcdsMerge {

    /** Arrays the schema marks {@code wholeListMerge}: replaced as a whole even though their items have ids. */
    static final Set<String> WHOLE_LIST = Set.of("additionalIdentifiers", "additionalClassifications", "identifiers");
    private static final Set<String> OMIT_WHEN_MERGED = Set.of("id", "date", "tag");

    private OcdsMerge() {
    }

    public static JsonObject compile(List<JsonObject> releases) {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("a record has at least one release");
        }
        JsonObject merged = JsonValue.EMPTY_JSON_OBJECT;
        for (JsonObject release : releases) {
            JsonObjectBuilder patch = JSON.createObjectBuilder(release);
            OMIT_WHEN_MERGED.forEach(patch::remove);
            merged = mergeObject(merged, patch.build());
        }
        JsonObject last = releases.get(releases.size() - 1);
        String ocid = last.getString("ocid");
        String date = last.getString("date");
        JsonObjectBuilder compiled = JSON.createObjectBuilder()
                .add("ocid", ocid)
                .add("id", ocid + "-" + date)
                .add("date", date)
                .add("tag", JSON.createArrayBuilder().add(OcdsCodes.TAG_COMPILED));
        merged.forEach((name, value) -> {
            if (!name.equals("ocid")) {
                compiled.add(name, value);
            }
        });
        return compiled.build();
    }

    static JsonObject mergeObject(JsonObject base, JsonObject patch) {
        Map<String, JsonValue> result = new LinkedHashMap<>(base);
        for (Map.Entry<String, JsonValue> e : patch.entrySet()) {
            String name = e.getKey();
            JsonValue value = e.getValue();
            JsonValue old = result.get(name);
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                result.remove(name);
            } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject oldObject = old != null && old.getValueType() == JsonValue.ValueType.OBJECT
                        ? old.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
                result.put(name, mergeObject(oldObject, value.asJsonObject()));
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY && !WHOLE_LIST.contains(name)
                    && identified(value.asJsonArray()) && old != null && old.getValueType() == JsonValue.ValueType.ARRAY
                    && identified(old.asJsonArray())) {
                result.put(name, mergeById(old.asJsonArray(), value.asJsonArray()));
            } else {
                result.put(name, value);
            }
        }
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        result.forEach(builder::add);
        return builder.build();
    }

    private static boolean identified(JsonArray array) {
        return array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.OBJECT && v.asJsonObject().containsKey("id"));
    }

    private static JsonArray mergeById(JsonArray base, JsonArray patch) {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (JsonValue v : base) {
            byId.put(v.asJsonObject().get("id").toString(), v.asJsonObject());
        }
        for (JsonValue v : patch) {
            JsonObject item = v.asJsonObject();
            String id = item.get("id").toString();
            JsonObject old = byId.get(id);
            byId.put(id, old == null ? mergeObject(JsonValue.EMPTY_JSON_OBJECT, item) : mergeObject(old, item));
        }
        JsonArrayBuilder merged = JSON.createArrayBuilder();
        byId.values().forEach(merged::add);
        return merged.build();
    }
}
