package bt.druk.registry.domain.notary.merkle;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claim that a document is in a batch: its SHA-256 ({@code leaf}) is leaf {@code leafIndex} of
 * the RFC 9162 tree of {@code treeSize} leaves whose root is {@code root}, as {@code auditPath}
 * (lowest sibling first, lowercase hex) shows.
 *
 * <p>A proof is a claim, not a fact, so it holds whatever it was given: {@link #verify()} judges
 * it and answers with a reason, never an exception. The proof only ties the document to
 * {@code root}; the root must then be found in a batch anchor on the ledger, which
 * {@link #verifyAgainst(String)} takes as given.
 *
 * <p>Its JSON form, read by the verify page ({@code merkle-proof.js}) and the standalone verifier:
 * <pre>
 * {"algorithm":"RFC9162-SHA256","leaf":"&lt;document SHA-256&gt;","leafIndex":5,"treeSize":8,
 *  "auditPath":["&lt;hex&gt;","&lt;hex&gt;","&lt;hex&gt;"],"root":"&lt;hex&gt;"}
 * </pre>
 * Every member is required and no other is allowed; the numbers are integers from 0 to 2^53 - 1
 * (what a JavaScript number holds exactly), the hashes 64 lowercase hex characters.
 */
public record InclusionProof(String leaf, long leafIndex, long treeSize, List<String> auditPath, String root) {

    /** Largest tree size and leaf index in the JSON form: Number.MAX_SAFE_INTEGER. */
    public static final long MAX_JSON_INTEGER = (1L << 53) - 1;
    /** No tree this JSON form can describe has a longer audit path. */
    public static final int MAX_AUDIT_PATH = 53;
    /** Longest proof text {@link #parse} reads (a full proof is under 4 KB). */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;

    private static final List<String> MEMBERS = List.of("algorithm", "leaf", "leafIndex", "treeSize", "auditPath", "root");
    private static final Set<String> MEMBER_SET = Set.copyOf(MEMBERS);
    /** Made once: each JSON.createXxx call looks the JSON provider up again, which costs more than the proof. */
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    private static final JsonReaderFactory STRICT_READER =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    public InclusionProof {
        auditPath = auditPath == null ? null : Collections.unmodifiableList(new ArrayList<>(auditPath));
    }

    /** Whether the audit path leads from this leaf at this index to this root in a tree of this size. */
    public MerkleVerification verify() {
        if (!MerkleHashes.isHashHex(leaf)) {
            return MerkleVerification.failed("merkle.leaf.hex", "the leaf (the document's SHA-256) is not 64 lowercase"
                    + " hex characters: " + MerkleHashes.describe(leaf));
        }
        if (!MerkleHashes.isHashHex(root)) {
            return MerkleVerification.failed("merkle.root.hex", "the root is not 64 lowercase hex characters: "
                    + MerkleHashes.describe(root));
        }
        if (auditPath == null) {
            return MerkleVerification.failed("merkle.auditPath.missing", "no audit path");
        }
        List<byte[]> path = new ArrayList<>(auditPath.size());
        for (int i = 0; i < auditPath.size(); i++) {
            if (!MerkleHashes.isHashHex(auditPath.get(i))) {
                return MerkleVerification.failed("merkle.auditPath.hex", "hash " + i + " of the audit path is not 64"
                        + " lowercase hex characters: " + MerkleHashes.describe(auditPath.get(i)));
            }
            path.add(MerkleHashes.hashFromHex(auditPath.get(i)));
        }
        byte[] leafHash = new MerkleHashes().leafHash(MerkleHashes.hashFromHex(leaf));
        return MerkleProofs.verifyInclusion(leafHash, leafIndex, treeSize, path, MerkleHashes.hashFromHex(root));
    }

    /**
     * {@link #verify()}, and the proof's root is {@code anchoredRoot}: the root a batch anchor holds
     * on the ledger, read there and not from the proof file.
     */
    public MerkleVerification verifyAgainst(String anchoredRoot) {
        if (!MerkleHashes.isHashHex(anchoredRoot)) {
            return MerkleVerification.failed("merkle.anchor.hex", "the anchored root is not 64 lowercase hex"
                    + " characters: " + MerkleHashes.describe(anchoredRoot));
        }
        MerkleVerification proof = verify();
        if (!proof.ok()) {
            return proof;
        }
        if (!anchoredRoot.equals(root)) {
            return MerkleVerification.failed("merkle.root.notAnchored", "the proof leads to the root " + root
                    + ", but the anchor holds " + anchoredRoot);
        }
        return proof;
    }

    /** The JSON form (members in the order of the class comment). */
    public JsonObject toJsonObject() {
        JsonArrayBuilder path = BUILDERS.createArrayBuilder();
        for (String hash : auditPath) {
            path.add(hash);
        }
        return BUILDERS.createObjectBuilder()
                .add("algorithm", MerkleHashes.ALGORITHM)
                .add("leaf", leaf)
                .add("leafIndex", leafIndex)
                .add("treeSize", treeSize)
                .add("auditPath", path)
                .add("root", root)
                .build();
    }

    /** {@link #toJsonObject()} as text, without insignificant whitespace. */
    public String toJson() {
        return toJsonObject().toString();
    }

    /**
     * Reads the JSON form strictly: a member missing, unknown or repeated, a value of the wrong
     * type, a number that is not a whole number from 0 to 2^53 - 1, a hash that is not 64
     * lowercase hex characters or another algorithm is refused, each with its field, a code
     * ({@code merkleProof.*}) and a message. Whether the proof holds is then {@link #verify()}'s
     * answer.
     *
     * @throws ValidationException listing what is wrong
     */
    public static InclusionProof parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("proof", "merkleProof.notJson", "the proof is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw ValidationException.of("proof", "merkleProof.tooLarge", "the proof is " + text.length()
                    + " characters long; an inclusion proof is at most " + MAX_TEXT_LENGTH);
        }
        JsonValue value;
        try (JsonReader reader = STRICT_READER.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ValidationException.of("proof", "merkleProof.notJson", "the proof is not valid JSON ("
                    + e.getMessage() + ")");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ValidationException.of("proof", "merkleProof.notObject", "the proof must be a JSON object, not "
                    + article(value.getValueType()));
        }
        return fromJson(value.asJsonObject());
    }

    /** {@link #parse(String)} for an object already read (e.g. a member of a larger proof file). */
    public static InclusionProof fromJson(JsonObject json) {
        ValidationException.Collector errors = new ValidationException.Collector();
        for (String name : json.keySet()) {
            if (!MEMBER_SET.contains(name)) {
                errors.add(name, "merkleProof.member.unknown", "unknown member \"" + shorten(name)
                        + "\": an inclusion proof has exactly " + String.join(", ", MEMBERS));
            }
        }
        String algorithm = string(json, "algorithm", errors);
        if (algorithm != null && !algorithm.equals(MerkleHashes.ALGORITHM)) {
            errors.add("algorithm", "merkleProof.algorithm", "algorithm must be \"" + MerkleHashes.ALGORITHM
                    + "\", not \"" + shorten(algorithm) + "\"");
        }
        String leaf = hash(json, "leaf", errors);
        Long leafIndex = integer(json, "leafIndex", errors);
        Long treeSize = integer(json, "treeSize", errors);
        List<String> auditPath = null;
        JsonValue path = json.get("auditPath");
        if (path == null) {
            errors.add("auditPath", "merkleProof.member.missing", "auditPath is missing");
        } else if (path.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add("auditPath", "merkleProof.type", "auditPath must be an array of hashes, not "
                    + article(path.getValueType()));
        } else {
            JsonArray array = path.asJsonArray();
            if (array.size() > MAX_AUDIT_PATH) {
                errors.add("auditPath", "merkleProof.auditPath.tooLong", "auditPath has " + array.size()
                        + " hashes; no tree of at most 2^53 - 1 leaves needs more than " + MAX_AUDIT_PATH);
            } else {
                auditPath = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    auditPath.add(hashValue(array.get(i), "auditPath[" + i + "]", errors));
                }
            }
        }
        String root = hash(json, "root", errors);
        errors.throwIfAny();
        return new InclusionProof(leaf, leafIndex, treeSize, auditPath, root);
    }

    private static String string(JsonObject json, String name, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value == null) {
            errors.add(name, "merkleProof.member.missing", name + " is missing");
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(name, "merkleProof.type", name + " must be a string, not " + article(value.getValueType()));
            return null;
        }
        return ((JsonString) value).getString();
    }

    private static String hash(JsonObject json, String name, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value == null) {
            errors.add(name, "merkleProof.member.missing", name + " is missing");
            return null;
        }
        return hashValue(value, name, errors);
    }

    private static String hashValue(JsonValue value, String field, ValidationException.Collector errors) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(field, "merkleProof.type", field + " must be a hash as a string, not " + article(value.getValueType()));
            return null;
        }
        String text = ((JsonString) value).getString();
        if (!MerkleHashes.isHashHex(text)) {
            errors.add(field, "merkleProof.hex", field + " must be a SHA-256 as 64 lowercase hex characters, not "
                    + MerkleHashes.describe(text));
            return null;
        }
        return text;
    }

    private static Long integer(JsonObject json, String name, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value == null) {
            errors.add(name, "merkleProof.member.missing", name + " is missing");
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            errors.add(name, "merkleProof.type", name + " must be a number, not " + article(value.getValueType()));
            return null;
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(MAX_JSON_INTEGER)) > 0) {
            errors.add(name, "merkleProof.integer.range", name + " must be from 0 to " + MAX_JSON_INTEGER + ", not "
                    + shorten(value.toString()));
            return null;
        }
        BigDecimal whole = number.stripTrailingZeros();
        if (whole.scale() > 0) {
            errors.add(name, "merkleProof.integer", name + " must be a whole number, not " + shorten(value.toString()));
            return null;
        }
        return whole.longValueExact();
    }

    private static String article(JsonValue.ValueType type) {
        return switch (type) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
