package bt.druk.registry.infrastructure.fabric;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Fabric CA's registrar operations over its REST API, as one registrar identity of one CA: register an
 * identity ({@code POST /api/v1/register}), revoke all of an identity's certificates
 * ({@code POST /api/v1/revoke}, with a new CRL), generate the CRL ({@code POST /api/v1/gencrl}) and read
 * an identity back ({@code GET /api/v1/identities/{id}}). Over TLS trusting only the CA's TLS root.
 *
 * <p>The registrar is given as its enrolment certificate and a fabric-gateway {@link Signer}, so its key
 * may live in a PKCS#11 token ({@link HsmSigner}) or a PEM file ({@code Signers.newPrivateKeySigner}).
 * Each request carries Fabric CA's token authentication header ({@link FabricCaRequests}, which an
 * identity's own re-enrolment shares).
 *
 * <p>A refusal of the CA (its cfssl error envelope) becomes a {@link CaRefusal} whose message names the
 * CA, the operation, the identity and the CA's messages with their codes.
 */
public final class FabricCaAdmin {

    /** Fabric CA refused a request (not authorised, unknown or duplicate identity, bad token...). */
    public static final class CaRefusal extends IOException {
        private final int status;
        private final List<Integer> codes;

        CaRefusal(String message, int status, List<Integer> codes) {
            super(message);
            this.status = status;
            this.codes = List.copyOf(codes);
        }

        /** The HTTP status of the CA's answer. */
        public int status() {
            return status;
        }

        /** The CA's error codes ({@code errors[].code}, fabric-ca's {@code caerrors}), possibly none. */
        public List<Integer> codes() {
            return codes;
        }
    }

    /** A certificate the CA revoked: its serial number and authority key identifier, in hex as the CA gives them. */
    public record RevokedCertificate(String serial, String aki) {
    }

    /** What a revocation did: the certificates revoked (none if the identity never enrolled) and the CA's CRL after it. */
    public record Revocation(List<RevokedCertificate> revoked, X509CRL crl) {
        public Revocation {
            revoked = List.copyOf(revoked);
            Objects.requireNonNull(crl, "crl");
        }
    }

    /** An attribute of a registered identity; {@code ecert}: put into its enrolment certificates by default. */
    public record Attribute(String name, String value, boolean ecert) {
    }

    /** A registered identity as the CA holds it. */
    public record IdentityInfo(String id, String type, String affiliation, int maxEnrollments, List<Attribute> attributes) {
        public IdentityInfo {
            attributes = List.copyOf(attributes);
        }

        /** The value of the named attribute, or null. */
        public String attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst().orElse(null);
        }
    }

    /** Revocation reasons Fabric CA knows (RFC 5280 names, lower case); it would take any other as "unspecified". */
    public static final Set<String> REASONS = Set.of("unspecified", "keycompromise", "cacompromise", "affiliationchanged",
            "superseded", "cessationofoperation", "certificatehold", "removefromcrl", "privilegewithdrawn", "aacompromise");

    private final FabricCaRequests requests;
    private final String caName;

    /**
     * @param caUrl         the CA's base address, e.g. {@code https://localhost:7054}
     * @param caName        the CA's name in the server ({@code --ca.name}), e.g. {@code ca-land}; sent with every request
     * @param tlsCaCert     PEM file of the CA's TLS root certificate(s); no other root is trusted
     * @param registrar     the registrar's enrolment certificate (issued by this CA)
     * @param registrarKey  signs with the registrar's private key
     */
    public FabricCaAdmin(URI caUrl, String caName, Path tlsCaCert, X509Certificate registrar, Signer registrarKey)
            throws IOException, GeneralSecurityException {
        this.requests = new FabricCaRequests(caUrl, caName, tlsCaCert, registrar, registrarKey, "the registrar");
        this.caName = caName;
    }

    /**
     * Registers an identity; the CA makes up its enrolment secret.
     *
     * @param name           the enrolment id, e.g. {@code land.tshering}
     * @param type           the identity type, e.g. {@code client}
     * @param maxEnrollments how often the secret may be used to enrol (at least 1)
     * @param affiliation    the affiliation, or {@code ""} for the registrar's own
     * @param attributes     attributes to register, each marked {@code ecert} so enrolment certificates carry it
     * @return the enrolment secret; the caller wipes it ({@code Arrays.fill(secret, '\0')}) after use
     */
    public char[] register(String name, String type, int maxEnrollments, String affiliation, Map<String, String> attributes)
            throws IOException, GeneralSecurityException {
        requireName(name);
        if (maxEnrollments < 1) {
            throw new IllegalArgumentException("maxEnrollments must be at least 1 (0 would mean the CA's default), not " + maxEnrollments);
        }
        JsonObject body = new JsonObject();
        body.addProperty("id", name);
        body.addProperty("type", Objects.requireNonNull(type, "type"));
        body.addProperty("max_enrollments", maxEnrollments);
        body.addProperty("affiliation", affiliation == null ? "" : affiliation);
        JsonArray attrs = new JsonArray();
        attributes.forEach((attribute, value) -> {
            JsonObject a = new JsonObject();
            a.addProperty("name", attribute);
            a.addProperty("value", value);
            a.addProperty("ecert", true);
            attrs.add(a);
        });
        if (!attrs.isEmpty()) {
            body.add("attrs", attrs);
        }
        body.addProperty("caname", caName);
        byte[] answer = send("register", name, "POST", "register", body);
        try {
            JsonElement secret = result(answer, "register", name).get("secret");
            if (secret == null || !secret.isJsonPrimitive() || secret.getAsString().isEmpty()) {
                throw new IOException("Fabric CA " + caName + " registered '" + name + "' but answered without a secret");
            }
            // The JSON parser holds the secret in a String for a moment; the answer's bytes are wiped below.
            return secret.getAsString().toCharArray();
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }

    /**
     * Revokes every certificate of an identity and disables it (it can no longer enrol), and returns
     * the CRL after that: the one the CA generated with the revocation, or, if the identity had no
     * certificate to revoke, the CA's current one. Should that second request fail, the revocation
     * stands; revoking again is harmless (nothing more to revoke, the current CRL comes back).
     *
     * @param reason one of {@link #REASONS}, e.g. {@code privilegewithdrawn}
     */
    public Revocation revoke(String name, String reason) throws IOException, GeneralSecurityException {
        requireName(name);
        String why = reason == null ? "unspecified" : reason.toLowerCase(java.util.Locale.ROOT);
        if (!REASONS.contains(why)) {
            throw new IllegalArgumentException("unknown revocation reason '" + reason + "'; one of " + REASONS);
        }
        JsonObject body = new JsonObject();
        body.addProperty("id", name);
        body.addProperty("reason", why);
        body.addProperty("caname", caName);
        body.addProperty("gencrl", true);
        JsonObject result = result(send("revoke", name, "POST", "revoke", body), "revoke", name);
        List<RevokedCertificate> revoked = new ArrayList<>();
        JsonElement certs = result.get("RevokedCerts");
        if (certs != null && certs.isJsonArray()) {
            for (JsonElement cert : certs.getAsJsonArray()) {
                if (cert.isJsonObject()) {
                    revoked.add(new RevokedCertificate(string(cert.getAsJsonObject(), "Serial"), string(cert.getAsJsonObject(), "AKI")));
                }
            }
        }
        String crl = string(result, "CRL");
        return new Revocation(revoked, crl.isEmpty() ? generateCrl() : crl(crl, "revoke", name));
    }

    /** The CA's current CRL, freshly generated and signed by the CA. */
    public X509CRL generateCrl() throws IOException, GeneralSecurityException {
        JsonObject body = new JsonObject();
        body.addProperty("caname", caName);
        JsonObject result = result(send("generate the CRL", null, "POST", "gencrl", body), "generate the CRL", null);
        return crl(string(result, "CRL"), "generate the CRL", null);
    }

    /** A registered identity as the CA holds it (its attributes, type, affiliation, enrolment limit). */
    public IdentityInfo identity(String name) throws IOException, GeneralSecurityException {
        requireName(name);
        String endpoint = "identities/" + escape(name) + "?ca=" + escape(caName);
        JsonObject result = result(send("read", name, "GET", endpoint, null), "read", name);
        List<Attribute> attributes = new ArrayList<>();
        JsonElement attrs = result.get("attrs");
        if (attrs != null && attrs.isJsonArray()) {
            for (JsonElement attr : attrs.getAsJsonArray()) {
                if (attr.isJsonObject()) {
                    JsonObject a = attr.getAsJsonObject();
                    attributes.add(new Attribute(string(a, "name"), string(a, "value"),
                            a.has("ecert") && a.get("ecert").isJsonPrimitive() && a.get("ecert").getAsBoolean()));
                }
            }
        }
        JsonElement max = result.get("max_enrollments");
        return new IdentityInfo(string(result, "id"), string(result, "type"), string(result, "affiliation"),
                max != null && max.isJsonPrimitive() ? max.getAsInt() : 0, attributes);
    }

    /** The CRL in PEM, as Fabric MSP configurations ({@code revocation_list}) hold it. */
    public static String pem(X509CRL crl) throws CRLException {
        return pem("X509 CRL", crl.getEncoded());
    }

    private byte[] send(String operation, String name, String method, String endpoint, JsonObject json)
            throws IOException, GeneralSecurityException {
        return requests.send(operation, name, method, endpoint, json);
    }

    private JsonObject result(byte[] answer, String operation, String name) throws IOException {
        return requests.result(answer, operation, name);
    }

    /** base64 of a PEM CRL, as the CA answers it, parsed. */
    private X509CRL crl(String b64pem, String operation, String name) throws IOException {
        if (b64pem.isEmpty()) {
            throw new IOException("Fabric CA " + caName + " answered the request to " + what(operation, name) + " without a CRL");
        }
        try (InputStream in = new ByteArrayInputStream(Base64.getDecoder().decode(b64pem))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IllegalArgumentException | CertificateException | CRLException e) {
            throw new IOException("Fabric CA " + caName + " answered the request to " + what(operation, name)
                    + " with a CRL that cannot be read: " + e.getMessage(), e);
        }
    }

    private static String what(String operation, String name) {
        return FabricCaRequests.what(operation, name);
    }

    private static String string(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an identity name is required");
        }
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, so Go's RequestURI gives back exactly this. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String pem(String type, byte[] der) {
        return FabricCaRequests.pem(type, der);
    }
}
