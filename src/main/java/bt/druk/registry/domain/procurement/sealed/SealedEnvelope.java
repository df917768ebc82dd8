package bt.druk.registry.domain.procurement.sealed;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sealed bid as it is stored and hashed (format {@value #VERSION}, docs/sealed-envelope.md):
 * the encrypted parts (the bid's canonical JSON first, then its documents), and for each opening
 * key holder, in holder order, the hash of its public key and its encrypted share of the data key
 * with the hash of the plaintext share.
 *
 * <p>The envelope's text is its canonical JSON (RFC 8785) and {@link #sha256Hex()} is the SHA-256
 * of that text's UTF-8 bytes: the hash the ledger holds. {@link #parse(String)} accepts only that
 * text, so one envelope has exactly one hash.
 */
public record SealedEnvelope(String version, String ocid, int k, int n, List<Holder> holders, List<Part> parts,
        List<Share> shares) {

    public static final String VERSION = "druk-sealed-bid/2";
    public static final int KEY_LENGTH = 32;
    public static final int IV_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    /** A plaintext share: its index byte and one byte per data key byte. */
    public static final int SHARE_LENGTH = 1 + KEY_LENGTH;
    public static final int MAX_HOLDERS = 16;
    public static final int MAX_DOCUMENTS = 50;
    public static final String BID_PART = "bid";
    /** OCIDs as the portal issues them ({@code ocds-<6-character prefix>-<id>}). */
    public static final Pattern OCID = Pattern.compile("ocds-[a-z0-9]{6}-[A-Za-z0-9.-]{1,100}");

    private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    private static final JsonReaderFactory STRICT_READER =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    /** Holder {@code index} (1..n, the share's x-coordinate) and the SHA-256 of its public key's SPKI DER. */
    public record Holder(int index, String publicKeySha256) {
    }

    /** One encrypted part: AES-256-GCM under the data key; ciphertext includes the 16-byte tag. */
    public record Part(String name, String iv, String ciphertext) {
        public byte[] ivBytes() {
            return Bytes.fromBase64url(iv);
        }

        public byte[] ciphertextBytes() {
            return Bytes.fromBase64url(ciphertext);
        }
    }

    /**
     * Share {@code index} encrypted to holder {@code index}: the ephemeral ECDH public key (raw
     * uncompressed point), the IV and ciphertext (with tag), and the SHA-256 of the plaintext share.
     */
    public record Share(int index, String ephemeralPublicKey, String iv, String ciphertext, String shareSha256) {
        public byte[] ephemeralPublicKeyBytes() {
            return Bytes.fromBase64url(ephemeralPublicKey);
        }

        public byte[] ivBytes() {
            return Bytes.fromBase64url(iv);
        }

        public byte[] ciphertextBytes() {
            return Bytes.fromBase64url(ciphertext);
        }
    }

    public SealedEnvelope {
        holders = List.copyOf(holders);
        parts = List.copyOf(parts);
        shares = List.copyOf(shares);
    }

    /** Part {@code name} of this envelope, or null. */
    public Part part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The name of document {@code i} (1-based) in the envelope. */
    public static String documentPart(int i) {
        return "document-" + i;
    }

    // ---- the text and its hash ---------------------------------------------------------------

    public JsonObject toJson() {
        JsonArrayBuilder holderArray = BUILDERS.createArrayBuilder();
        for (Holder h : holders) {
            holderArray.add(BUILDERS.createObjectBuilder().add("index", h.index()).add("publicKeySha256", h.publicKeySha256()));
        }
        JsonArrayBuilder partArray = BUILDERS.createArrayBuilder();
        for (Part p : parts) {
            partArray.add(BUILDERS.createObjectBuilder().add("name", p.name()).add("iv", p.iv()).add("ciphertext", p.ciphertext()));
        }
        JsonArrayBuilder shareArray = BUILDERS.createArrayBuilder();
        for (Share s : shares) {
            shareArray.add(BUILDERS.createObjectBuilder().add("index", s.index()).add("ephemeralPublicKey", s.ephemeralPublicKey())
                    .add("iv", s.iv()).add("ciphertext", s.ciphertext()).add("shareSha256", s.shareSha256()));
        }
        return BUILDERS.createObjectBuilder().add("version", version).add("ocid", ocid).add("k", k).add("n", n)
                .add("holders", holderArray).add("parts", partArray).add("shares", shareArray).build();
    }

    /**
     * The envelope's text: its canonical JSON. Written directly, members in RFC 8785 order, when no
     * string needs escaping (always so for a parsed envelope: its strings are base64url, hex, an OCID
     * and part names), since {@link CanonicalJson} escapes character by character and the parts are
     * megabytes; otherwise through {@link CanonicalJson}. The tests check both give the same text.
     */
    public String toCanonicalJson() {
        if (!plainStrings()) {
            return CanonicalJson.canonicalize(toJson());
        }
        StringBuilder out = new StringBuilder(estimatedLength());
        out.append("{\"holders\":[");
        for (int i = 0; i < holders.size(); i++) {
            Holder h = holders.get(i);
            out.append(i == 0 ? "" : ",").append("{\"index\":").append(h.index()).append(",\"publicKeySha256\":\"")
                    .append(h.publicKeySha256()).append("\"}");
        }
        out.append("],\"k\":").append(k).append(",\"n\":").append(n).append(",\"ocid\":\"").append(ocid).append("\",\"parts\":[");
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            out.append(i == 0 ? "" : ",").append("{\"ciphertext\":\"").append(p.ciphertext()).append("\",\"iv\":\"").append(p.iv())
                    .append("\",\"name\":\"").append(p.name()).append("\"}");
        }
        out.append("],\"shares\":[");
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            out.append(i == 0 ? "" : ",").append("{\"ciphertext\":\"").append(s.ciphertext()).append("\",\"ephemeralPublicKey\":\"")
                    .append(s.ephemeralPublicKey()).append("\",\"index\":").append(s.index()).append(",\"iv\":\"").append(s.iv())
                    .append("\",\"shareSha256\":\"").append(s.shareSha256()).append("\"}");
        }
        out.append("],\"version\":\"").append(version).append("\"}");
        return out.toString();
    }

    /** Every string printable ASCII with nothing to escape, so it is written as it is. */
    private boolean plainStrings() {
        List<String> strings = new ArrayList<>(List.of(version, ocid));
        holders.forEach(h -> strings.add(h.publicKeySha256()));
        parts.forEach(p -> strings.addAll(List.of(p.name(), p.iv(), p.ciphertext())));
        shares.forEach(s -> strings.addAll(List.of(s.ephemeralPublicKey(), s.iv(), s.ciphertext(), s.shareSha256())));
        for (String text : strings) {
            if (text == null) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return false;
                }
            }
        }
        return true;
    }

    private int estimatedLength() {
        int length = 512 + 200 * (holders.size() + shares.size());
        for (Part p : parts) {
            length += p.ciphertext().length() + 80;
        }
        return length;
    }

    /** SHA-256 of the canonical JSON's UTF-8 bytes, lowercase hex: what the ledger holds. */
    public String sha256Hex() {
        return CanonicalJson.sha256Hex(toCanonicalJson());
    }

    // ---- what is authenticated, and how keys are derived (docs/sealed-envelope.md) -----------

    /** AES-GCM additional data of a part: canonical JSON {ocid, part, purpose:"part", version}. */
    public static byte[] partAad(String ocid, String partName) {
        return Bytes.utf8(CanonicalJson.canonicalize(BUILDERS.createObjectBuilder().add("version", VERSION).add("ocid", ocid)
                .add("purpose", "part").add("part", partName).build()));
    }

    /** AES-GCM additional data of a share: canonical JSON {holder, ocid, purpose:"share", version}. */
    public static byte[] shareAad(String ocid, int holder) {
        return Bytes.utf8(CanonicalJson.canonicalize(BUILDERS.createObjectBuilder().add("version", VERSION).add("ocid", ocid)
                .add("purpose", "share").add("holder", holder).build()));
    }

    /** HKDF info of a share's key: canonical JSON {holder, ocid, purpose:"share-key", version}. */
    public static byte[] shareKeyInfo(String ocid, int holder) {
        return Bytes.utf8(CanonicalJson.canonicalize(BUILDERS.createObjectBuilder().add("version", VERSION).add("ocid", ocid)
                .add("purpose", "share-key").add("holder", holder).build()));
    }

    // ---- reading -----------------------------------------------------------------------------

    /**
     * The envelope this text is, checked against every rule of the format that needs no key: the
     * members, their types and lengths, holder and share indices 1..n in order, the parts' names,
     * every ephemeral key a point on P-256, and the text being the envelope's canonical JSON.
     *
     * @throws ValidationException naming each field that is wrong ({@code sealedEnvelope.*} codes)
     */
    public static SealedEnvelope parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("", "sealedEnvelope.empty", "the sealed envelope is empty");
        }
        JsonValue value;
        try (JsonReader reader = STRICT_READER.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ValidationException.of("", "sealedEnvelope.json", "the sealed envelope is not JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ValidationException.of("", "sealedEnvelope.json", "the sealed envelope is not a JSON object");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        JsonObject o = value.asJsonObject();
        members(o, "", Set.of("version", "ocid", "k", "n", "holders", "parts", "shares"), errors);
        errors.throwIfAny();
        String version = string(o, "version", "version", errors);
        if (version != null && !VERSION.equals(version)) {
            errors.add("version", "sealedEnvelope.version", "unknown envelope version \"" + version + "\"; this reader knows " + VERSION);
            errors.throwIfAny();
        }
        String ocid = string(o, "ocid", "ocid", errors);
        if (ocid != null && !OCID.matcher(ocid).matches()) {
            errors.add("ocid", "sealedEnvelope.ocid", "not an OCID: " + describe(ocid));
        }
        int k = integer(o, "k", "k", errors);
        int n = integer(o, "n", "n", errors);
        if (n != -1 && (n < 2 || n > MAX_HOLDERS)) {
            errors.add("n", "sealedEnvelope.n", "n (holders) must be 2 to " + MAX_HOLDERS + ", not " + n);
        } else if (k != -1 && n != -1 && (k < 2 || k > n)) {
            errors.add("k", "sealedEnvelope.k", "k (shares needed) must be 2 to n=" + n + ", not " + k);
        }
        List<Holder> holders = new ArrayList<>();
        JsonArray holderArray = array(o, "holders", "holders", errors);
        if (holderArray != null) {
            for (int i = 0; i < holderArray.size(); i++) {
                String field = "holders[" + i + "]";
                JsonObject h = object(holderArray.get(i), field, errors);
                if (h == null || !members(h, field, Set.of("index", "publicKeySha256"), errors)) {
                    continue;
                }
                int index = integer(h, "index", field + ".index", errors);
                if (index != -1 && index != i + 1) {
                    errors.add(field + ".index", "sealedEnvelope.holder.index", "holder " + (i + 1) + " has index " + index);
                }
                String hash = hash(h, "publicKeySha256", field + ".publicKeySha256", errors);
                holders.add(new Holder(index, hash));
            }
            if (n != -1 && holderArray.size() != n) {
                errors.add("holders", "sealedEnvelope.holders.count", holderArray.size() + " holders, n is " + n);
            }
        }
        List<Part> parts = new ArrayList<>();
        JsonArray partArray = array(o, "parts", "parts", errors);
        if (partArray != null) {
            if (partArray.isEmpty() || partArray.size() > 1 + MAX_DOCUMENTS) {
                errors.add("parts", "sealedEnvelope.parts.count", "an envelope has the bid and 0 to " + MAX_DOCUMENTS
                        + " documents, not " + partArray.size() + " parts");
            }
            for (int i = 0; i < partArray.size(); i++) {
                String field = "parts[" + i + "]";
                JsonObject p = object(partArray.get(i), field, errors);
                if (p == null || !members(p, field, Set.of("name", "iv", "ciphertext"), errors)) {
                    continue;
                }
                String expected = i == 0 ? BID_PART : documentPart(i);
                String name = string(p, "name", field + ".name", errors);
                if (name != null && !name.equals(expected)) {
                    errors.add(field + ".name", "sealedEnvelope.part.name", "part " + i + " must be named \"" + expected
                            + "\", not " + describe(name));
                }
                String iv = bytes(p, "iv", field + ".iv", IV_LENGTH, IV_LENGTH, errors);
                String ciphertext = bytes(p, "ciphertext", field + ".ciphertext", TAG_LENGTH, Integer.MAX_VALUE, errors);
                parts.add(new Part(name, iv, ciphertext));
            }
        }
        List<Share> shares = new ArrayList<>();
        JsonArray shareArray = array(o, "shares", "shares", errors);
        if (shareArray != null) {
            for (int i = 0; i < shareArray.size(); i++) {
                String field = "shares[" + i + "]";
                JsonObject s = object(shareArray.get(i), field, errors);
                if (s == null || !members(s, field, Set.of("index", "ephemeralPublicKey", "iv", "ciphertext", "shareSha256"), errors)) {
                    continue;
                }
                int index = integer(s, "index", field + ".index", errors);
                if (index != -1 && index != i + 1) {
                    errors.add(field + ".index", "sealedEnvelope.share.index", "share " + (i + 1) + " has index " + index);
                }
                String ephemeral = bytes(s, "ephemeralPublicKey", field + ".ephemeralPublicKey", 65, 65, errors);
                if (ephemeral != null) {
                    try {
                        P256.publicKeyFromRawPoint(Bytes.fromBase64url(ephemeral));
                    } catch (IllegalArgumentException e) {
                        errors.add(field + ".ephemeralPublicKey", "sealedEnvelope.share.ephemeralPublicKey", e.getMessage());
                    }
                }
                String iv = bytes(s, "iv", field + ".iv", IV_LENGTH, IV_LENGTH, errors);
                String ciphertext = bytes(s, "ciphertext", field + ".ciphertext", SHARE_LENGTH + TAG_LENGTH,
                        SHARE_LENGTH + TAG_LENGTH, errors);
                String hash = hash(s, "shareSha256", field + ".shareSha256", errors);
                shares.add(new Share(index, ephemeral, iv, ciphertext, hash));
            }
            if (n != -1 && shareArray.size() != n) {
                errors.add("shares", "sealedEnvelope.shares.count", shareArray.size() + " shares, n is " + n);
            }
        }
        errors.throwIfAny();
        SealedEnvelope envelope = new SealedEnvelope(version, ocid, k, n, holders, parts, shares);
        if (!envelope.toCanonicalJson().equals(text)) {
            throw ValidationException.of("", "sealedEnvelope.notCanonical",
                    "the sealed envelope is not written in canonical JSON (RFC 8785), so its hash would not be its own");
        }
        return envelope;
    }

    private static boolean members(JsonObject o, String field, Set<String> names, ValidationException.Collector errors) {
        boolean ok = true;
        for (String name : o.keySet()) {
            if (!names.contains(name)) {
                errors.add(prefix(field) + name, "sealedEnvelope.member.unknown", "unknown member \"" + name + "\"");
                ok = false;
            }
        }
        for (String name : names) {
            if (!o.containsKey(name)) {
                errors.add(prefix(field) + name, "sealedEnvelope.member.missing", "missing");
                ok = false;
            }
        }
        return ok;
    }

    private static String prefix(String field) {
        return field.isEmpty() ? "" : field + ".";
    }

    private static String string(JsonObject o, String name, String field, ValidationException.Collector errors) {
        JsonValue v = o.get(name);
        if (!(v instanceof JsonString s)) {
            errors.add(field, "sealedEnvelope.type", "must be a string");
            return null;
        }
        return s.getString();
    }

    /** A whole number 1..255, or -1 (error added). */
    private static int integer(JsonObject o, String name, String field, ValidationException.Collector errors) {
        JsonValue v = o.get(name);
        if (v instanceof JsonNumber number && number.isIntegral()) {
            try {
                int i = number.bigDecimalValue().intValueExact();
                if (i >= 1 && i <= 255) {
                    return i;
                }
            } catch (ArithmeticException tooLarge) {
                // falls through to the error
            }
        }
        errors.add(field, "sealedEnvelope.type", "must be a whole number from 1 to 255");
        return -1;
    }

    private static JsonArray array(JsonObject o, String name, String field, ValidationException.Collector errors) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(field, "sealedEnvelope.type", "must be an array");
            return null;
        }
        return v.asJsonArray();
    }

    private static JsonObject object(JsonValue v, String field, ValidationException.Collector errors) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(field, "sealedEnvelope.type", "must be an object");
            return null;
        }
        return v.asJsonObject();
    }

    private static String hash(JsonObject o, String name, String field, ValidationException.Collector errors) {
        String text = string(o, name, field, errors);
        if (text != null && !HASH_HEX.matcher(text).matches()) {
            errors.add(field, "sealedEnvelope.hash", "not a SHA-256 in 64 lowercase hex characters: " + describe(text));
            return null;
        }
        return text;
    }

    private static String bytes(JsonObject o, String name, String field, int min, int max, ValidationException.Collector errors) {
        String text = string(o, name, field, errors);
        if (text == null) {
            return null;
        }
        int length = Bytes.decodedLength(text);
        if (length < 0) {
            errors.add(field, "sealedEnvelope.base64url", "not unpadded base64url");
            return null;
        }
        if (length < min || length > max) {
            errors.add(field, "sealedEnvelope.length", length + " bytes; must be "
                    + (min == max ? String.valueOf(min) : "at least " + min));
            return null;
        }
        return text;
    }

    private static String describe(String text) {
        return text.length() > 80 ? "\"" + text.substring(0, 77) + "...\"" : "\"" + text + "\"";
    }
}
