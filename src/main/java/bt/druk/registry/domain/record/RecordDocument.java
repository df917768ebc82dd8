package bt.druk.registry.domain.record;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * The hashed document of a record version, the same envelope for every register:
 * <pre>{"data":{...register data...},"key":"land-title:TH-1","kind":"land-title",
 *  "previousHash":null|"&lt;hex&gt;","register":"land","version":1}</pre>
 * Including version and previous hash in the hashed text links every version to the one before.
 */
public final class RecordDocument {

    private RecordDocument() {
    }

    public static JsonObject envelope(String key, String kind, String register, int version, String previousHash, JsonObject data) {
        JsonObjectBuilder builder = JSON.createObjectBuilder()
                .add("key", key)
                .add("kind", kind)
                .add("register", register)
                .add("version", version)
                .add("data", data);
        if (previousHash == null) {
            builder.addNull("previousHash");
        } else {
            builder.add("previousHash", previousHash);
        }
        return builder.build();
    }

    /** The register data of a stored version's canonical JSON. */
    public static JsonObject dataOf(String canonicalJson) {
        try (JsonReader reader = JSON.createReader(new StringReader(canonicalJson))) {
            return reader.readObject().getJsonObject("data");
        }
    }
}
