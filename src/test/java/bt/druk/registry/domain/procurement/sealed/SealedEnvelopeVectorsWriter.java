package bt.druk.registry.domain.procurement.sealed;

import bt.druk.registry.domain.record.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code src/test/resources/sealed-envelope/vectors.json} once, from fresh random values
 * recorded as they are used. Never part of a test run (the vectors are expectations, not output):
 * {@code mvn -o test-compile surefire:test -Dtest=SealedEnvelopeVectorsWriter -Ddruk.sealed.writeVectors=true}.
 */
class SealedEnvelopeVectorsWriter {

    @Test
    @EnabledIfSystemProperty(named = "druk.sealed.writeVectors", matches = "true")
    void write() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] document = new byte[1000];
        random.nextBytes(document);
        JsonArrayBuilder cases = Json.createArrayBuilder()
                .add(oneCase("three holders, any two open; a document and an empty one", "ocds-drk001-T-2026-0042", 2, 3,
                        "{\"value\":{\"currency\":\"BTN\",\"amount\":1250000.5},\"supplier\":\"Druk Builders དྲུག\","
                                + "\"items\":[{\"id\":\"1\",\"quantity\":3}],\"note\":\"line\\nbreak \\\"quoted\\\" €\"}",
                        List.of(document, new byte[0]), random))
                .add(oneCase("five holders, three open; no documents", "ocds-drk001-T-2026-0077", 3, 5,
                        "{\"value\":{\"amount\":99,\"currency\":\"BTN\"}}", List.of(), random));
        String text = Json.createObjectBuilder()
                .add("description", "druk-sealed-bid/2 fixed vectors (docs/sealed-envelope.md). Binary values are unpadded"
                        + " base64url; ivs lists the parts' IVs in part order, then the shares' in holder order; shares are the"
                        + " 33-byte plaintext shares (index byte, then 32 value bytes); envelope is the exact text that must come out.")
                .add("cases", cases).build().toString();
        Path file = Path.of(System.getProperty("druk.project.dir", System.getProperty("user.dir")),
                "src/test/resources/sealed-envelope/vectors.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    private static JsonObjectBuilder oneCase(String name, String ocid, int k, int n, String bid, List<byte[]> documents,
            SecureRandom random) {
        List<KeyPair> holders = new ArrayList<>();
        List<KeyPair> ephemeral = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            holders.add(P256.generate(random));
            ephemeral.add(P256.generate(random));
        }
        byte[] dataKey = bytes(random, 32);
        byte[] coefficients = bytes(random, 32 * (k - 1));
        List<byte[]> ivs = new ArrayList<>();
        for (int i = 0; i < 1 + documents.size() + n; i++) {
            ivs.add(bytes(random, 12));
        }
        List<byte[]> spkis = holders.stream().map(p -> p.getPublic().getEncoded()).toList();
        FixedRandomness fixed = new FixedRandomness(dataKey, coefficients, ivs, ephemeral);
        SealedEnvelope envelope = EnvelopeSealer.seal(ocid, bid, documents, spkis, k, fixed);
        if (!fixed.allUsed()) {
            throw new IllegalStateException("the seal did not use every recorded value");
        }
        JsonArrayBuilder shares = Json.createArrayBuilder();
        Shamir.split(dataKey, k, n, coefficients).forEach(s -> shares.add(Bytes.base64url(s.toBytes())));
        return Json.createObjectBuilder()
                .add("name", name).add("ocid", ocid).add("k", k)
                .add("holders", keyPairs(holders)).add("bid", bid).add("bidCanonical", CanonicalJson.canonicalize(bid))
                .add("documents", base64Array(documents)).add("dataKey", Bytes.base64url(dataKey))
                .add("coefficients", Bytes.base64url(coefficients)).add("ivs", base64Array(ivs))
                .add("ephemeralKeys", keyPairs(ephemeral)).add("shares", shares)
                .add("envelope", envelope.toCanonicalJson()).add("envelopeSha256", envelope.sha256Hex());
    }

    private static JsonArrayBuilder keyPairs(List<KeyPair> pairs) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (KeyPair pair : pairs) {
            array.add(Json.createObjectBuilder().add("publicKeySpki", Bytes.base64url(pair.getPublic().getEncoded()))
                    .add("privateKeyPkcs8", Bytes.base64url(pair.getPrivate().getEncoded()))
                    .add("privateKeyJwk", jwk(pair)));
        }
        return array;
    }

    /** The key pair as a JWK with d, the form of a holder's key file (docs/sealed-envelope.md). */
    private static JsonObjectBuilder jwk(KeyPair pair) {
        byte[] raw = P256.rawPoint((java.security.interfaces.ECPublicKey) pair.getPublic());
        byte[] d = fixed32(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS());
        return Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256")
                .add("x", Bytes.base64url(java.util.Arrays.copyOfRange(raw, 1, 33)))
                .add("y", Bytes.base64url(java.util.Arrays.copyOfRange(raw, 33, 65))).add("d", Bytes.base64url(d));
    }

    private static byte[] fixed32(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static JsonArrayBuilder base64Array(List<byte[]> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(v -> array.add(Bytes.base64url(v)));
        return array;
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
