package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.infrastructure.fabric.LocalCaServer.answer;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.failure;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.success;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.ecKeyPair;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.pem;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.selfSigned;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-enrolment of an identity in a SoftHSM2 token against a stand-in for Fabric CA's
 * {@code POST /api/v1/reenroll}, which checks the request as fabric-ca-server does (the token header
 * signed by the current certificate's key, a CSR whose CN is the enrolment id) and records it, so the
 * test can say what was sent. The identity is first enrolled through the stand-in's
 * {@code /api/v1/enroll}, as network.sh enrols the portal's identities.
 */
class FabricCaReenrolmentTest {

    private static final String CA_NAME = "ca-land";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** One token for the class: SoftHSM2's test tokens are a pool of the JVM's (SoftHsmTokens), each test its own names. */
    @TempDir
    static Path tokenFiles;
    private static FabricConnectionConfig.Token token;

    private LocalCaServer server;
    private KeyPair caKey;
    private X509Certificate caCert;
    private String name;
    private final List<String> complaints = new CopyOnWriteArrayList<>();
    /** A re-enrolment request as the stand-in received it: its body and the certificate of its token header. */
    private record Seen(JsonObject body, X509Certificate caller) {
    }

    private final List<Seen> reenrolRequests = new CopyOnWriteArrayList<>();
    /** What the stand-in answers a well-formed re-enrolment with: by default a certificate for the CSR's key, a day later. */
    private volatile Function<PublicKey, JsonObject> reenrolAnswer;

    @BeforeEach
    void enrolledIdentity() throws Exception {
        caKey = ecKeyPair();
        caCert = selfSigned(caKey, "CN=ca-land,O=Land Registry", true, null);
        server = LocalCaServer.start(Files.createDirectories(dir.resolve("ca")).resolve("tls-ca-cert.pem"), "/api/v1/enroll",
                this::enroll);
        server.serve("/api/v1/reenroll", this::reenroll);
        reenrolAnswer = key -> answerWith(issue(key, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(2)), caKey), caCert);
        if (token == null) {
            token = SoftHsmTokens.newToken("LandMSP", tokenFiles);
        }
        name = "land.clerk-" + SoftHsmTokens.random();
        new FabricCaEnrolment(server.url(), CA_NAME, server.tlsRoot()).enrol(Pkcs11Tokens.open(token), name, "pw".toCharArray());
    }

    @AfterEach
    void stopCa() {
        server.stop();
    }

    @Test
    void theNewCertificateReplacesTheOldOneUnderTheSameNameAndTheKeyStays() throws Exception {
        SigningCredentials before = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name);
        Set<String> aliases = Set.copyOf(Collections.list(Pkcs11Tokens.open(token).keyStore().aliases()));

        X509Certificate renewed = reenrolment().reenrol(Pkcs11Tokens.open(token), name);

        assertEquals(List.of(), complaints);
        assertEquals(1, reenrolRequests.size());
        assertArrayEquals(before.certificate().getPublicKey().getEncoded(), renewed.getPublicKey().getEncoded());
        // As the portal finds it after a restart: a token opened afresh, one entry of that name, the new certificate.
        SigningCredentials after = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name);
        assertEquals(renewed, after.certificate());
        assertTrue(aliases.contains(name));
        assertEquals(aliases, Set.copyOf(Collections.list(Pkcs11Tokens.open(token).keyStore().aliases())), "no entry added");
        assertNull(after.key().getEncoded(), "the key stays in the token");
        TestCertificates.assertSignsFor(after, renewed.getPublicKey());
        TestCertificates.assertSignsFor(before, renewed.getPublicKey());
    }

    @Test
    void theRequestIsSignedByTheCurrentCertificatesKeyAndAsksForTheSameKeyFromAMinuteAgo() throws Exception {
        X509Certificate current = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate();

        reenrolment().reenrol(Pkcs11Tokens.open(token), name);

        // The stand-in has checked the token header against the current certificate and the CSR's signature and CN.
        assertEquals(List.of(), complaints);
        JsonObject request = reenrolRequests.get(0).body();
        assertEquals(Set.of("certificate_request", "caname", "NotBefore"), request.keySet());
        assertEquals(CA_NAME, request.get("caname").getAsString());
        assertEquals(NOW.minus(FabricCaReenrolment.BACKDATE).toString(), request.get("NotBefore").getAsString());
        assertEquals(current, reenrolRequests.get(0).caller());
        PKCS10CertificationRequest csr = csr(request);
        assertEquals(name, IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()));
        assertArrayEquals(current.getPublicKey().getEncoded(), new JcaPKCS10CertificationRequest(csr).getPublicKey().getEncoded());
    }

    @Test
    void aRefusalOfTheCaLeavesTheCurrentCertificateInPlace() throws Exception {
        X509Certificate current = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate();
        reenrolAnswer = key -> failure(28, "The certificate in the authorization header is a revoked certificate");

        FabricCaAdmin.CaRefusal refusal = assertThrows(FabricCaAdmin.CaRefusal.class,
                () -> reenrolment().reenrol(Pkcs11Tokens.open(token), name));

        assertEquals(List.of(28), refusal.codes());
        assertTrue(refusal.getMessage().contains("re-enrol '" + name + "'") && refusal.getMessage().contains("revoked"),
                refusal.getMessage());
        assertEquals(current, new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate());
    }

    @Test
    void aCertificateForAnotherKeyIsNotStored() throws Exception {
        X509Certificate current = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate();
        KeyPair other = ecKeyPair();
        reenrolAnswer = key -> answerWith(issue(other.getPublic(), NOW, NOW.plus(Duration.ofDays(2)), caKey), caCert);

        Exception e = assertThrows(FabricCaReenrolment.UnusableCertificate.class,
                () -> reenrolment().reenrol(Pkcs11Tokens.open(token), name));

        assertTrue(e.getMessage().contains("not for the key in the token"), e.getMessage());
        assertEquals(current, new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate());
    }

    @Test
    void aCertificateSignedByAnotherKeyUnderTheCasNameIsNotStored() throws Exception {
        X509Certificate current = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate();
        KeyPair impostor = ecKeyPair();
        X509Certificate impostorCa = selfSigned(impostor, "CN=ca-land,O=Land Registry", true, null);
        reenrolAnswer = key -> answerWith(issue(key, NOW, NOW.plus(Duration.ofDays(2)), impostor), impostorCa);

        Exception e = assertThrows(FabricCaReenrolment.UnusableCertificate.class,
                () -> reenrolment().reenrol(Pkcs11Tokens.open(token), name));

        assertTrue(e.getMessage().contains("not signed by the CA certificate that signed the current one"), e.getMessage());
        assertEquals(current, new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate());
    }

    @Test
    void aCertificateThatEndsNoLaterThanTheCurrentOneIsNotStored() throws Exception {
        X509Certificate current = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate();
        reenrolAnswer = key -> answerWith(issue(key, NOW, current.getNotAfter().toInstant(), caKey), caCert);

        Exception e = assertThrows(FabricCaReenrolment.UnusableCertificate.class,
                () -> reenrolment().reenrol(Pkcs11Tokens.open(token), name));

        assertTrue(e.getMessage().contains("no later than the current one"), e.getMessage());
        assertEquals(current, new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate());
    }

    private FabricCaReenrolment reenrolment() {
        return new FabricCaReenrolment(server.url(), CA_NAME, server.tlsRoot(), CLOCK);
    }

    // ---- the stand-in CA ----

    /** Enrols whoever asks (the secret is enrolment's concern, tested in FabricCaEnrolmentTest): a day's certificate. */
    private void enroll(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject request = body(exchange);
            PKCS10CertificationRequest csr = csr(request);
            answer(exchange, 201, answerWith(issue(new JcaPKCS10CertificationRequest(csr).getPublicKey(), NOW.minusSeconds(60),
                    NOW.plus(Duration.ofDays(1)), caKey, cn(csr)), caCert));
        } catch (Exception e) {
            complaints.add(e.toString());
            throw new IOException(e);
        }
    }

    /** Checks the request as fabric-ca-server's token authentication and processSignRequest do, then answers reenrolAnswer. */
    private void reenroll(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonObject request = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
            String header = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            X509Certificate caller = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(header.substring(0, header.indexOf('.')))));
            reenrolRequests.add(new Seen(request, caller));
            Base64.Encoder b64 = Base64.getEncoder();
            String payload = exchange.getRequestMethod() + "." + b64.encodeToString(exchange.getRequestURI().getRawPath()
                    .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(body) + "." + header.substring(0, header.indexOf('.'));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(caller.getPublicKey());
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(header.substring(header.indexOf('.') + 1)))) {
                complaints.add("the token does not verify with the certificate it carries");
            }
            caller.verify(caKey.getPublic());
            PKCS10CertificationRequest csr = csr(request);
            PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                complaints.add("the CSR's signature does not verify");
            }
            if (!cn(csr).equals(FabricCaReenrolment.commonName(caller))) {
                complaints.add("the CSR's CN " + cn(csr) + " is not the caller's enrolment id");
            }
            if (!complaints.isEmpty()) {
                answer(exchange, 401, failure(25, String.join("; ", complaints)));
                return;
            }
            JsonObject answer = reenrolAnswer.apply(key);
            answer(exchange, answer.get("success").getAsBoolean() ? 201 : 401, answer);
        } catch (Exception e) {
            complaints.add(e.toString());
            throw new IOException(e);
        }
    }

    private X509Certificate issue(PublicKey key, Instant notBefore, Instant notAfter, KeyPair signer) {
        return issue(key, notBefore, notAfter, signer, name);
    }

    private X509Certificate issue(PublicKey key, Instant notBefore, Instant notAfter, KeyPair signer, String cn) {
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), new BigInteger(64, new SecureRandom()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + cn + ",OU=client"), key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject answerWith(X509Certificate certificate, X509Certificate ca) {
        try {
            return LocalCaServer.enrolled(certificate, ca, CA_NAME);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject body(HttpExchange exchange) throws IOException {
        return JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static PKCS10CertificationRequest csr(JsonObject request) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(request.get("certificate_request").getAsString()))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }

    private static String cn(PKCS10CertificationRequest csr) {
        return IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
    }

}
