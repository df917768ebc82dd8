package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.infrastructure.fabric.LocalCaServer.answer;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.failure;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.success;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.certificate;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.ecKeyPair;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.pem;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.selfSigned;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registrar client against a stand-in for Fabric CA's register, revoke, gencrl and identities
 * endpoints (HTTPS, self-signed for localhost). The stand-in checks the Authorization token as
 * fabric-ca 1.5's {@code util.VerifyToken} does: two base64 parts, the first the PEM certificate of a
 * registrar it knows, the second an ECDSA signature, low S, over SHA-256 of
 * {@code METHOD.b64(requestURI).b64(body).b64cert}, recomputed from the request it received. It answers
 * in cfssl's envelope, with fabric-ca's HTTP statuses and error codes for refusals.
 */
class FabricCaAdminTest {

    private static final String CA_NAME = "ca-land";
    private static final BigInteger HALF_ORDER = HsmSigner.P256_ORDER.shiftRight(1);

    @TempDir
    Path dir;

    private LocalCaServer server;
    private KeyPair caKey;
    private X509Certificate caCert;
    private Path tlsCaCert;
    private URI caUrl;
    private KeyPair registrarKey;
    private X509Certificate registrarCert;

    /** Registrar certificates the stand-in accepts (as issued by its CA and not revoked). */
    private final Set<X509Certificate> registrars = ConcurrentHashMap.newKeySet();
    /** What the stand-in received: method, request URI, JSON body (or null). */
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Token checks the stand-in found failing. */
    private final List<String> tokenFailures = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> identities = new ConcurrentHashMap<>();
    /** Serials of certificates enrolled per identity, and revoked ones. */
    private final Map<String, BigInteger> enrolled = new ConcurrentHashMap<>();
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();

    record Received(String method, String uri, JsonObject body) {
    }

    @BeforeEach
    void fakeCa() throws Exception {
        caKey = ecKeyPair();
        caCert = selfSigned(caKey, "CN=ca.land.druk", true, null);
        registrarKey = ecKeyPair();
        registrarCert = certificate(registrarKey, "CN=registrar,OU=client", caKey, "CN=ca.land.druk", false, null);
        registrars.add(registrarCert);

        server = LocalCaServer.start(dir.resolve("tls-ca-cert.pem"), "/api/v1/", this::handle);
        tlsCaCert = server.tlsRoot();
        caUrl = server.url();
    }

    @AfterEach
    void stopCa() {
        server.stop();
    }

    private FabricCaAdmin admin() throws Exception {
        return new FabricCaAdmin(caUrl, CA_NAME, tlsCaCert, registrarCert, Signers.newPrivateKeySigner(registrarKey.getPrivate()));
    }

    private static Map<String, String> clerkAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("role", "clerk");
        attributes.put("register", "land");
        attributes.put("agency", "NLCS");
        attributes.put("office", "THIMPHU");
        return attributes;
    }

    @Test
    void registerSendsTheIdentityWithEcertAttributesAndReturnsTheSecret() throws Exception {
        char[] secret = admin().register("land.tshering", "client", 1, "", clerkAttributes());

        assertEquals(List.of(), tokenFailures);
        assertEquals(new String(secret), identities.get("land.tshering").get("secret").getAsString());
        Received request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/api/v1/register", request.uri());
        JsonObject body = request.body();
        assertEquals(Set.of("id", "type", "max_enrollments", "affiliation", "attrs", "caname"), body.keySet());
        assertEquals("land.tshering", body.get("id").getAsString());
        assertEquals("client", body.get("type").getAsString());
        assertEquals(1, body.get("max_enrollments").getAsInt());
        assertEquals("", body.get("affiliation").getAsString());
        assertEquals(CA_NAME, body.get("caname").getAsString());
        assertEquals(JsonParser.parseString("[{'name':'role','value':'clerk','ecert':true},{'name':'register','value':'land','ecert':true},"
                + "{'name':'agency','value':'NLCS','ecert':true},{'name':'office','value':'THIMPHU','ecert':true}]"), body.get("attrs"));
    }

    @Test
    void identityIsReadBackWithItsAttributesTheCaNamedInTheQuery() throws Exception {
        FabricCaAdmin admin = admin();
        admin.register("land.tshering", "client", 1, "", clerkAttributes());

        FabricCaAdmin.IdentityInfo identity = admin.identity("land.tshering");
        assertEquals(List.of(), tokenFailures);
        assertEquals(new Received("GET", "/api/v1/identities/land.tshering?ca=" + CA_NAME, null), received.get(1));
        assertEquals("land.tshering", identity.id());
        assertEquals("client", identity.type());
        assertEquals(1, identity.maxEnrollments());
        assertEquals("clerk", identity.attribute("role"));
        assertEquals("land", identity.attribute("register"));
        assertEquals("NLCS", identity.attribute("agency"));
        assertEquals("THIMPHU", identity.attribute("office"));
        assertTrue(identity.attributes().stream().allMatch(FabricCaAdmin.Attribute::ecert));
        assertNull(identity.attribute("hf.Revoker"));
    }

    @Test
    void namesAreEscapedInTheUriAndTheTokenSignsTheEscapedForm() throws Exception {
        FabricCaAdmin admin = admin();
        admin.register("land.pema dorji@nlcs", "client", 1, "", Map.of());
        assertEquals("land.pema dorji@nlcs", admin.identity("land.pema dorji@nlcs").id());
        assertEquals(List.of(), tokenFailures);
        assertEquals("/api/v1/identities/land.pema%20dorji%40nlcs?ca=" + CA_NAME, received.get(1).uri());
    }

    @Test
    void revokeDisablesTheIdentityAndReturnsTheCrlWithItsCertificate() throws Exception {
        FabricCaAdmin admin = admin();
        admin.register("land.tshering", "client", 1, "", clerkAttributes());
        BigInteger serial = new BigInteger(64, new SecureRandom());
        enrolled.put("land.tshering", serial);

        FabricCaAdmin.Revocation revocation = admin.revoke("land.tshering", "privilegewithdrawn");
        assertEquals(List.of(), tokenFailures);
        JsonObject body = received.get(1).body();
        assertEquals("/api/v1/revoke", received.get(1).uri());
        assertEquals(JsonParser.parseString("{'id':'land.tshering','reason':'privilegewithdrawn','caname':'" + CA_NAME + "','gencrl':true}"),
                body);
        assertEquals(List.of(new FabricCaAdmin.RevokedCertificate(serial.toString(16), "aki")), revocation.revoked());
        X509CRL crl = revocation.crl();
        crl.verify(caCert.getPublicKey());
        assertTrue(crl.isRevoked(certificateWithSerial(serial)));
        assertEquals(2, received.size(), "the CRL came with the revocation, no gencrl needed");

        // The PEM form, as an MSP's revocation_list holds it, reads back to the same CRL.
        X509CRL again = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                new ByteArrayInputStream(FabricCaAdmin.pem(crl).getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(crl.getEncoded(), again.getEncoded());
    }

    @Test
    void revokingAnIdentityThatNeverEnrolledStillGivesTheCurrentCrl() throws Exception {
        FabricCaAdmin admin = admin();
        admin.register("land.pema", "client", 1, "", clerkAttributes());
        BigInteger earlier = BigInteger.valueOf(4242);
        revoked.add(earlier);

        FabricCaAdmin.Revocation revocation = admin.revoke("land.pema", null);
        assertEquals(List.of(), revocation.revoked());
        assertEquals("unspecified", received.get(1).body().get("reason").getAsString());
        assertEquals("/api/v1/gencrl", received.get(2).uri());
        assertEquals(JsonParser.parseString("{'caname':'" + CA_NAME + "'}"), received.get(2).body());
        assertTrue(revocation.crl().isRevoked(certificateWithSerial(earlier)));
        assertEquals(List.of(), tokenFailures);
    }

    @Test
    void generateCrlReturnsTheCasSignedCrl() throws Exception {
        revoked.add(BigInteger.TEN);
        X509CRL crl = admin().generateCrl();
        crl.verify(caCert.getPublicKey());
        assertEquals(1, crl.getRevokedCertificates().size());
        assertEquals(new Received("POST", "/api/v1/gencrl", JsonParser.parseString("{'caname':'" + CA_NAME + "'}").getAsJsonObject()),
                received.get(0));
        assertEquals(List.of(), tokenFailures);
    }

    @Test
    void everySignatureIsLowSAsFabricCaRequires() throws Exception {
        FabricCaAdmin admin = admin();
        for (int i = 0; i < 40; i++) {
            admin.generateCrl();
        }
        assertEquals(List.of(), tokenFailures);
    }

    @Test
    void aRegistrarKeyInsideATokenSigns() throws Exception {
        Pkcs11Tokens.OpenToken token = Pkcs11Tokens.open(SoftHsmTokens.newToken("LandMSP", Files.createDirectories(dir.resolve("token"))));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", token.provider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair inToken = generator.generateKeyPair();
        X509Certificate cert = certificate(inToken, "CN=registrar,OU=client", caKey, "CN=ca.land.druk", false, null);
        registrars.add(cert);

        FabricCaAdmin admin = new FabricCaAdmin(caUrl, CA_NAME, tlsCaCert, cert, new HsmSigner(inToken.getPrivate(), token.provider()));
        admin.register("land.tshering", "client", 1, "", clerkAttributes());
        assertEquals("clerk", admin.identity("land.tshering").attribute("role"));
        assertEquals(List.of(), tokenFailures);
    }

    // ---- refusals ----

    @Test
    void aDuplicateRegistrationIsTheCasRefusal() throws Exception {
        FabricCaAdmin admin = admin();
        admin.register("land.tshering", "client", 1, "", clerkAttributes());
        FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class,
                () -> admin.register("land.tshering", "client", 1, "", clerkAttributes()));
        assertEquals(409, refusal.status());
        assertEquals(List.of(74), refusal.codes());
        assertEquals("Fabric CA ca-land at " + caUrl + " refused to register 'land.tshering': "
                + "Identity 'land.tshering' is already registered (code 74) [HTTP 409]", refusal.getMessage());
        assertNull(refusal.getCause());
    }

    @Test
    void revokingAnUnknownIdentityIsTheCasRefusal() throws Exception {
        FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class, () -> admin().revoke("nobody", "privilegewithdrawn"));
        assertEquals(404, refusal.status());
        assertEquals(List.of(10), refusal.codes());
        assertTrue(refusal.getMessage().startsWith("Fabric CA ca-land at " + caUrl + " refused to revoke 'nobody': Identity nobody was not found"),
                refusal.getMessage());
    }

    @Test
    void anUnknownRegistrarIsRefused() throws Exception {
        KeyPair other = ecKeyPair();
        X509Certificate stranger = certificate(other, "CN=registrar,OU=client", other, "CN=elsewhere", false, null);
        FabricCaAdmin admin = new FabricCaAdmin(caUrl, CA_NAME, tlsCaCert, stranger, Signers.newPrivateKeySigner(other.getPrivate()));
        FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class,
                () -> admin.register("land.tshering", "client", 1, "", clerkAttributes()));
        assertEquals(401, refusal.status());
        assertEquals(List.of(20), refusal.codes());
        assertTrue(refusal.getMessage().contains("refused to register 'land.tshering': Authentication failure (code 20)"), refusal.getMessage());
        assertFalse(identities.containsKey("land.tshering"));
    }

    @Test
    void theStandInRejectsWhatFabricCaRejects() throws Exception {
        Signer good = Signers.newPrivateKeySigner(registrarKey.getPrivate());
        // The wrong digest (a hash of the hash), a key that is not the certificate's, a high S.
        Signer[] bad = {
            digest -> good.sign(MessageDigest.getInstance("SHA-256").digest(digest)),
            Signers.newPrivateKeySigner(ecKeyPair().getPrivate()),
            digest -> highS(good.sign(digest)),
        };
        for (Signer signer : bad) {
            FabricCaAdmin admin = new FabricCaAdmin(caUrl, CA_NAME, tlsCaCert, registrarCert, signer);
            FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class, admin::generateCrl);
            assertEquals(401, refusal.status());
        }
        assertEquals(3, tokenFailures.size(), String.valueOf(tokenFailures));
        assertTrue(tokenFailures.get(2).contains("high S"), tokenFailures.get(2));
    }

    @Test
    void aWrongCaNameIsRefused() throws Exception {
        FabricCaAdmin admin = new FabricCaAdmin(caUrl, "ca-nope", tlsCaCert, registrarCert,
                Signers.newPrivateKeySigner(registrarKey.getPrivate()));
        FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class, admin::generateCrl);
        assertEquals(404, refusal.status());
        assertTrue(refusal.getMessage().contains("refused to generate the CRL: CA 'ca-nope' does not exist (code 19)"), refusal.getMessage());
    }

    @Test
    void anAnswerThatIsNotJsonIsReportedWithoutAStackTrace() throws Exception {
        server.serve("/api/v1/gencrl", exchange -> {
            try (exchange) {
                byte[] text = "upstream gone".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, text.length);
                exchange.getResponseBody().write(text);
            }
        });
        FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class, () -> admin().generateCrl());
        assertEquals(502, refusal.status());
        assertTrue(refusal.getMessage().endsWith("refused to generate the CRL: upstream gone [HTTP 502]"), refusal.getMessage());
    }

    @Test
    void anUnreachableCaIsNamedInTheMessage() throws Exception {
        FabricCaAdmin admin = admin();
        server.stop();
        IOException e = assertThrows(IOException.class, () -> admin.revoke("land.tshering", "privilegewithdrawn"));
        assertTrue(e.getMessage().startsWith("could not ask Fabric CA ca-land at " + caUrl + " to revoke 'land.tshering': "),
                e.getMessage());
    }

    @Test
    void aSignerThatFailsIsNamed() throws Exception {
        FabricCaAdmin admin = new FabricCaAdmin(caUrl, CA_NAME, tlsCaCert, registrarCert, digest -> {
            throw new java.security.SignatureException("token removed");
        });
        java.security.GeneralSecurityException e = assertThrows(java.security.GeneralSecurityException.class, admin::generateCrl);
        assertTrue(e.getMessage().contains("the registrar's key could not sign the request to Fabric CA ca-land")
                && e.getMessage().contains("token removed"), e.getMessage());
        assertEquals(List.of(), received);
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() throws Exception {
        FabricCaAdmin admin = admin();
        assertThrows(IllegalArgumentException.class, () -> admin.revoke("land.tshering", "fired"));
        assertThrows(IllegalArgumentException.class, () -> admin.register("land.tshering", "client", 0, "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> admin.register(" ", "client", 1, "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new FabricCaAdmin(URI.create("http://localhost:7054"), CA_NAME, tlsCaCert,
                registrarCert, Signers.newPrivateKeySigner(registrarKey.getPrivate())));
        assertEquals(List.of(), received);
    }

    @Test
    void onlyTheCasOwnTlsRootIsTrusted() throws Exception {
        Path other = dir.resolve("other-root.pem");
        Files.writeString(other, pem(selfSigned(ecKeyPair(), "CN=localhost", false, null)));
        FabricCaAdmin admin = new FabricCaAdmin(caUrl, CA_NAME, other, registrarCert, Signers.newPrivateKeySigner(registrarKey.getPrivate()));
        IOException e = assertThrows(IOException.class, admin::generateCrl);
        assertTrue(String.valueOf(e).contains("SSL") || e instanceof javax.net.ssl.SSLException, String.valueOf(e));
        assertEquals(List.of(), received);
    }

    // ---- the stand-in CA ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI requestUri = exchange.getRequestURI();
            String uri = requestUri.getRawPath() + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonObject body = bytes.length == 0 ? null : JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
            received.add(new Received(method, uri, body));

            String endpoint = requestUri.getRawPath().substring("/api/v1/".length());
            String ca = query(requestUri, "ca");
            if (ca == null) {
                ca = body != null && body.has("caname") ? body.get("caname").getAsString() : "";
            }
            // fabric-ca reads the body (400 if empty) before it authenticates.
            if (method.equals("POST") && body == null) {
                answer(exchange, 400, failure(4, "Empty request body"));
                return;
            }
            String failure = verifyToken(exchange.getRequestHeaders().getFirst("Authorization"), method, uri, bytes);
            if (failure != null) {
                tokenFailures.add(failure);
                answer(exchange, 401, failure(20, "Authentication failure"));
                return;
            }
            if (!CA_NAME.equals(ca)) {
                answer(exchange, 404, failure(19, "CA '" + ca + "' does not exist"));
                return;
            }
            if (method.equals("POST") && endpoint.equals("register")) {
                register(exchange, body);
            } else if (method.equals("POST") && endpoint.equals("revoke")) {
                revoke(exchange, body);
            } else if (method.equals("POST") && endpoint.equals("gencrl")) {
                JsonObject result = new JsonObject();
                result.addProperty("CRL", crl());
                answer(exchange, 200, success(result));
            } else if (method.equals("GET") && endpoint.startsWith("identities/")) {
                String id = URLDecoder.decode(endpoint.substring("identities/".length()), StandardCharsets.UTF_8);
                JsonObject identity = identities.get(id);
                if (identity == null) {
                    answer(exchange, 404, failure(63, "Failed to get User: sql: no rows in result set"));
                    return;
                }
                JsonObject result = identity.deepCopy();
                result.remove("secret");
                result.addProperty("caname", CA_NAME);
                answer(exchange, 200, success(result));
            } else {
                answer(exchange, 405, failure(1, "Method not allowed"));
            }
        } catch (Exception e) {
            tokenFailures.add("stand-in failed: " + e);
            throw new IOException(e);
        }
    }

    /** fabric-ca's VerifyToken: null if the token is good, else why not. */
    private String verifyToken(String token, String method, String uri, byte[] body) throws Exception {
        if (token == null) {
            return "no Authorization header";
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return "token has " + parts.length + " parts";
        }
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(parts[0])));
        if (!new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE-----")) {
            return "the token's certificate is not PEM";
        }
        Base64.Encoder b64 = Base64.getEncoder();
        String payload = method + "." + b64.encodeToString(uri.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(body)
                + "." + parts[0];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
        byte[] signature = Base64.getDecoder().decode(parts[1]);
        ASN1Sequence rs = ASN1Sequence.getInstance(signature);
        if (ASN1Integer.getInstance(rs.getObjectAt(1)).getValue().compareTo(HALF_ORDER) > 0) {
            return "high S";
        }
        Signature verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(digest);
        if (!verifier.verify(signature)) {
            return "signature does not verify over " + payload.substring(0, payload.indexOf('.', payload.indexOf('.') + 1));
        }
        if (!registrars.contains(cert)) {
            return "certificate of an unknown registrar " + cert.getSubjectX500Principal();
        }
        return null;
    }

    private void register(HttpExchange exchange, JsonObject body) throws IOException {
        String id = body.get("id").getAsString();
        if (identities.containsKey(id)) {
            answer(exchange, 409, failure(74, "Identity '" + id + "' is already registered"));
            return;
        }
        JsonObject identity = new JsonObject();
        identity.addProperty("id", id);
        identity.addProperty("type", body.get("type").getAsString());
        identity.addProperty("affiliation", body.get("affiliation").getAsString());
        JsonArray attrs = body.has("attrs") ? body.getAsJsonArray("attrs").deepCopy() : new JsonArray();
        identity.add("attrs", attrs);
        identity.addProperty("max_enrollments", body.get("max_enrollments").getAsInt());
        identity.addProperty("secret", "Sec" + new BigInteger(48, new SecureRandom()).toString(36));
        identities.put(id, identity);
        JsonObject result = new JsonObject();
        result.addProperty("secret", identity.get("secret").getAsString());
        answer(exchange, 201, success(result));
    }

    private void revoke(HttpExchange exchange, JsonObject body) throws Exception {
        String id = body.has("id") ? body.get("id").getAsString() : "";
        if (!identities.containsKey(id)) {
            answer(exchange, 404, failure(10, "Identity " + id + " was not found: Failed to get User: sql: no rows in result set"));
            return;
        }
        JsonArray certs = new JsonArray();
        BigInteger serial = enrolled.remove(id);
        if (serial != null) {
            revoked.add(serial);
            JsonObject cert = new JsonObject();
            cert.addProperty("Serial", serial.toString(16));
            cert.addProperty("AKI", "aki");
            certs.add(cert);
        }
        JsonObject result = new JsonObject();
        result.add("RevokedCerts", certs);
        // As fabric-ca: the CRL only when asked for and when something was revoked.
        boolean gencrl = body.has("gencrl") && body.get("gencrl").getAsBoolean();
        result.addProperty("CRL", gencrl && !certs.isEmpty() ? crl() : "");
        answer(exchange, 200, success(result));
    }

    /** base64 of the PEM CRL over the revoked serials, signed by the CA. */
    private String crl() throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name(caCert.getSubjectX500Principal().getName()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plusSeconds(86400)));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(now), CRLReason.privilegeWithdrawn);
        }
        X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
        return Base64.getEncoder().encodeToString(pem(crl).getBytes(StandardCharsets.US_ASCII));
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        Map<String, String> values = java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
        return values.get(name);
    }

    // ---- helpers ----

    private X509Certificate certificateWithSerial(BigInteger serial) throws Exception {
        KeyPair key = ecKeyPair();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=ca.land.druk"), serial, new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name("CN=someone"), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
    }

    private static byte[] highS(byte[] der) throws java.security.GeneralSecurityException {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            ASN1EncodableVector values = new ASN1EncodableVector();
            values.add(sequence.getObjectAt(0));
            values.add(new ASN1Integer(s.compareTo(HALF_ORDER) > 0 ? s : HsmSigner.P256_ORDER.subtract(s)));
            return new DERSequence(values).getEncoded();
        } catch (IOException e) {
            throw new java.security.GeneralSecurityException(e);
        }
    }
}
