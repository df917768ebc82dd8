package bt.druk.registry.domain.notary.merkle;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published RFC 9162 test vectors of transparency-dev/merkle (Apache-2.0, see
 * {@code src/test/resources/merkle-rfc9162/}), read as raw bytes: the tree roots for 0 to 8
 * leaves, and every inclusion and consistency case with whether a verifier must refuse it.
 */
public final class MerkleVectors {

    /** One inclusion case; {@code leafIndex} is the file's unsigned 64-bit number as written. */
    public record InclusionCase(String name, String leafIndex, long treeSize, byte[] root, byte[] leafHash,
            List<byte[]> proof, boolean wantErr) {
        /** The index as Java's signed long (2^64 - 1 becomes -1, out of range either way). */
        public long index() {
            return Long.parseUnsignedLong(leafIndex);
        }
    }

    public record ConsistencyCase(String name, long size1, long size2, byte[] root1, byte[] root2,
            List<byte[]> proof, boolean wantErr) {
    }

    private MerkleVectors() {
    }

    public static Path directory() {
        try {
            return Path.of(MerkleVectors.class.getResource("/merkle-rfc9162/tree-vectors.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 8 leaf inputs (any length, the first one empty). */
    public static List<byte[]> leafInputs() {
        return read(directory().resolve("tree-vectors.json")).getJsonArray("leafInputsHex")
                .getValuesAs(JsonString.class).stream().map(s -> HexFormat.of().parseHex(s.getString())).toList();
    }

    /** Root of the tree of the first n leaf inputs, n = 0..8, lowercase hex. */
    public static List<String> rootsBySize() {
        return read(directory().resolve("tree-vectors.json")).getJsonArray("rootHashHexBySize")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    public static List<InclusionCase> inclusionCases() {
        List<InclusionCase> cases = new ArrayList<>();
        for (Path file : files("inclusion")) {
            JsonObject json = read(file);
            cases.add(new InclusionCase(name(file), json.getJsonNumber("leafIdx").bigIntegerValueExact().toString(),
                    json.getJsonNumber("treeSize").longValueExact(), bytes(json, "root"), bytes(json, "leafHash"),
                    proof(json), json.getBoolean("wantErr")));
        }
        return cases;
    }

    public static List<ConsistencyCase> consistencyCases() {
        List<ConsistencyCase> cases = new ArrayList<>();
        for (Path file : files("consistency")) {
            JsonObject json = read(file);
            cases.add(new ConsistencyCase(name(file), json.getJsonNumber("size1").longValueExact(),
                    json.getJsonNumber("size2").longValueExact(), bytes(json, "root1"), bytes(json, "root2"),
                    proof(json), json.getBoolean("wantErr")));
        }
        return cases;
    }

    private static List<Path> files(String kind) {
        try (Stream<Path> walk = Files.walk(directory().resolve(kind))) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return directory().relativize(file).toString();
    }

    private static byte[] bytes(JsonObject json, String name) {
        return Base64.getDecoder().decode(json.getString(name));
    }

    /** The proof's hashes; a JSON null (Go's nil slice) is the empty proof. */
    private static List<byte[]> proof(JsonObject json) {
        JsonValue proof = json.get("proof");
        if (proof == null || proof.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        return proof.asJsonArray().getValuesAs(JsonString.class).stream()
                .map(s -> Base64.getDecoder().decode(s.getString())).toList();
    }

    private static JsonObject read(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
