package bt.druk.registry.domain.procurement.sealed;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.List;

/**
 * The fixed vectors in {@code src/test/resources/sealed-envelope/vectors.json}: for each case the
 * holders' key pairs, the bid and documents, every random value the seal drew, the plaintext shares,
 * and the envelope text and hash that must come out. Written once by
 * {@link SealedEnvelopeVectorsWriter}; tests only read them.
 */
public final class SealedEnvelopeVectors {

    public static final String RESOURCE = "/sealed-envelope/vectors.json";

    /** One case, as read from the file. */
    public record Case(String name, String ocid, int k, List<KeyPair> holders, String bidCanonical, List<byte[]> documents,
            byte[] dataKey, byte[] coefficients, List<byte[]> ivs, List<KeyPair> ephemeralKeys, List<KeyShare> shares,
            String envelope, String envelopeSha256) {

        public List<byte[]> holderSpkis() {
            return holders.stream().map(p -> p.getPublic().getEncoded()).toList();
        }

        public ECPublicKey holderPublic(int index) {
            return (ECPublicKey) holders.get(index - 1).getPublic();
        }

        FixedRandomness randomness() {
            return new FixedRandomness(dataKey, coefficients, ivs, ephemeralKeys);
        }
    }

    private SealedEnvelopeVectors() {
    }

    /** The file's text, as the browser test hands it to the page. */
    public static String text() {
        try (InputStream in = SealedEnvelopeVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> cases() {
        JsonObject file;
        try (JsonReader reader = Json.createReader(new java.io.StringReader(text()))) {
            file = reader.readObject();
        }
        return file.getJsonArray("cases").stream().map(JsonValue::asJsonObject).map(SealedEnvelopeVectors::read).toList();
    }

    private static Case read(JsonObject c) {
        List<KeyPair> holders = c.getJsonArray("holders").stream().map(JsonValue::asJsonObject).map(SealedEnvelopeVectors::keyPair).toList();
        List<KeyPair> ephemeral = c.getJsonArray("ephemeralKeys").stream().map(JsonValue::asJsonObject)
                .map(SealedEnvelopeVectors::keyPair).toList();
        return new Case(c.getString("name"), c.getString("ocid"), c.getInt("k"), holders, c.getString("bidCanonical"),
                bytesList(c.getJsonArray("documents")), b64(c.getString("dataKey")), b64(c.getString("coefficients")),
                bytesList(c.getJsonArray("ivs")), ephemeral,
                bytesList(c.getJsonArray("shares")).stream().map(KeyShare::fromBytes).toList(),
                c.getString("envelope"), c.getString("envelopeSha256"));
    }

    private static KeyPair keyPair(JsonObject o) {
        return new KeyPair(P256.publicKeyFromSpki(b64(o.getString("publicKeySpki"))), P256.privateKeyFromPkcs8(b64(o.getString("privateKeyPkcs8"))));
    }

    private static List<byte[]> bytesList(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(s -> b64(s.getString())).toList();
    }

    static byte[] b64(String text) {
        byte[] bytes = Bytes.fromBase64url(text);
        if (bytes == null) {
            throw new IllegalArgumentException("not unpadded base64url: " + text);
        }
        return bytes;
    }
}
