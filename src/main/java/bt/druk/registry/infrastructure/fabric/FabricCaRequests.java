package bt.druk.registry.infrastructure.fabric;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Fabric CA's REST API as one enrolled identity, over TLS trusting only the CA's TLS root: the
 * registrar's operations ({@link FabricCaAdmin}) and an identity's own re-enrolment
 * ({@link FabricCaReenrolment}) are authorised the same way. Each request carries Fabric CA's
 * token authentication header, as fabric-ca 1.4+ builds and checks it ({@code util.GenECDSAToken}
 * / {@code util.VerifyToken} in fabric-ca's {@code util/util.go}):
 *
 * <pre>
 *   b64cert   = base64(the identity's certificate's PEM bytes)
 *   payload   = METHOD + "." + base64(request URI: path and "?query") + "." + base64(body bytes) + "." + b64cert
 *   signature = ECDSA over SHA-256(payload), DER, low S (the server's BCCSP rejects a high S)
 *   Authorization: b64cert + "." + base64(signature)
 * </pre>
 *
 * (standard base64 with padding; a GET has an empty body, so {@code base64(body)} is empty). The
 * signer is handed the SHA-256 digest, as fabric-gateway's signers expect, so the key may live in a
 * PKCS#11 token ({@link HsmSigner}) or a PEM file.
 *
 * <p>A refusal of the CA (its cfssl error envelope, or a status other than 2xx) becomes a
 * {@link FabricCaAdmin.CaRefusal} naming the CA, the operation, the identity and the CA's messages
 * with their codes; a CA that cannot be reached is a plain {@link IOException}.
 */
final class FabricCaRequests {

    private final String base;
    private final String basePath;
    private final String caName;
    private final String keyOwner;
    private final String b64cert;
    private final Signer signer;
    private final HttpClient http;

    /**
     * @param caUrl       the CA's base address, e.g. {@code https://localhost:7054}
     * @param caName      the CA's name in the server ({@code --ca.name}), e.g. {@code ca-land}
     * @param tlsCaCert   PEM file of the CA's TLS root certificate(s); no other root is trusted
     * @param certificate the signing identity's enrolment certificate (issued by this CA)
     * @param key         signs with that identity's private key
     * @param keyOwner    who the key is, for messages: e.g. {@code the registrar}
     */
    FabricCaRequests(URI caUrl, String caName, Path tlsCaCert, X509Certificate certificate, Signer key, String keyOwner)
            throws IOException, GeneralSecurityException {
        if (!"https".equalsIgnoreCase(caUrl.getScheme())) {
            throw new IllegalArgumentException("the CA is reached over TLS only, not " + caUrl);
        }
        if (caName == null || caName.isBlank()) {
            throw new IllegalArgumentException("the CA's name is required");
        }
        this.base = caUrl.toString().replaceAll("/+$", "");
        this.basePath = (caUrl.getRawPath() == null ? "" : caUrl.getRawPath().replaceAll("/+$", "")) + "/api/v1/";
        this.caName = caName;
        this.keyOwner = keyOwner;
        this.b64cert = Base64.getEncoder().encodeToString(pem(certificate).getBytes(StandardCharsets.US_ASCII));
        this.signer = Objects.requireNonNull(key, "key");
        this.http = HttpClient.newBuilder().sslContext(FabricCaEnrolment.trusting(tlsCaCert))
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String caName() {
        return caName;
    }

    /**
     * The value of the Authorization header for a request: fabric-ca's {@code GenECDSAToken}.
     *
     * @param uri the request URI as the server sees it ({@code r.URL.RequestURI()}: path, and {@code ?query} if any)
     */
    String token(String method, String uri, byte[] body) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getEncoder();
        String payload = method + "." + b64.encodeToString(uri.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(body) + "." + b64cert;
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
        byte[] signature;
        try {
            signature = signer.sign(digest);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GeneralSecurityException(keyOwner + "'s key could not sign the request to Fabric CA " + caName + ": " + e, e);
        }
        return b64cert + "." + b64.encodeToString(signature);
    }

    /**
     * Sends a request with the token and returns the answer's bytes.
     *
     * @param operation what is asked, for messages ({@code revoke})
     * @param name      the identity it concerns, for messages, or null
     * @param endpoint  the path under {@code /api/v1/}, with its query if any
     * @param json      the body of a POST, or null for a GET
     */
    byte[] send(String operation, String name, String method, String endpoint, JsonObject json)
            throws IOException, GeneralSecurityException {
        byte[] body = json == null ? new byte[0] : json.toString().getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(base + "/api/v1/" + endpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", token(method, basePath + endpoint, body));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking Fabric CA " + caName + " at " + base + " to " + what(operation, name), e);
        } catch (IOException e) {
            // The HTTP client's own messages can be empty (a refused connection): say what could not be done, and why.
            throw new IOException("could not ask Fabric CA " + caName + " at " + base + " to " + what(operation, name) + ": " + e, e);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        JsonObject answer = parse(response.body());
        boolean success = answer.has("success") && answer.get("success").isJsonPrimitive() && answer.get("success").getAsBoolean();
        if (response.statusCode() / 100 != 2 || !success) {
            List<Integer> codes = new ArrayList<>();
            JsonElement errors = answer.get("errors");
            if (errors != null && errors.isJsonArray()) {
                for (JsonElement error : errors.getAsJsonArray()) {
                    if (error.isJsonObject() && error.getAsJsonObject().has("code")) {
                        try {
                            codes.add(error.getAsJsonObject().get("code").getAsInt());
                        } catch (RuntimeException e) {
                            // not a number: the message still carries it
                        }
                    }
                }
            }
            String text = FabricCaEnrolment.errors(answer, new String(response.body(), StandardCharsets.UTF_8));
            throw new FabricCaAdmin.CaRefusal("Fabric CA " + caName + " at " + base + " refused to " + what(operation, name)
                    + ": " + text + " [HTTP " + response.statusCode() + "]", response.statusCode(), codes);
        }
        return response.body();
    }

    /** The {@code result} object of a successful answer. */
    JsonObject result(byte[] answer, String operation, String name) throws IOException {
        JsonElement result = parse(answer).get("result");
        if (result == null || !result.isJsonObject()) {
            throw new IOException("Fabric CA " + caName + " answered the request to " + what(operation, name)
                    + " without a result object");
        }
        return result.getAsJsonObject();
    }

    static String what(String operation, String name) {
        return name == null ? operation : operation + " '" + name + "'";
    }

    private static JsonObject parse(byte[] answer) {
        try {
            JsonElement parsed = JsonParser.parseString(new String(answer, StandardCharsets.UTF_8));
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return pem("CERTIFICATE", certificate.getEncoded());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
