package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.infrastructure.fabric.FabricCaAdmin;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FabricCaAdmin} against the shared network's land CA ({@code ca-land}, https://localhost:7054),
 * as the registrar network.sh enrolled into {@code deploy/.network/ca-client/land/admin-msp} (PEM key):
 * a staff member is registered with ecert attributes, enrols (here with a software key, over the plain
 * REST enrol), and is revoked; the CRL the CA returns lists the certificate and is signed by the CA.
 * Each run registers a new, unique identity, which stays in the CA, revoked.
 */
class FabricCaAdminIT {

    private static final URI CA_URL = URI.create("https://localhost:7054");
    private static final String CA_NAME = "ca-land";

    private static Path tlsRoot;
    private static FabricCaAdmin admin;

    @BeforeAll
    static void network() throws Exception {
        NetworkScript.ensureUp();
        Path msp = NetworkScript.stateDir().resolve("ca-client/land/admin-msp");
        tlsRoot = NetworkScript.stateDir().resolve("ca/land/ca-cert.pem");
        X509Certificate registrar;
        try (Reader in = Files.newBufferedReader(only(msp.resolve("signcerts")))) {
            registrar = Identities.readX509Certificate(in);
        }
        PrivateKey key;
        try (Reader in = Files.newBufferedReader(only(msp.resolve("keystore")))) {
            key = Identities.readPrivateKey(in);
        }
        admin = new FabricCaAdmin(CA_URL, CA_NAME, tlsRoot, registrar, Signers.newPrivateKeySigner(key));
    }

    @Test
    void aStaffMemberIsRegisteredEnrolledWithTheAttributesAndRevokedIntoTheCrl() throws Exception {
        String name = "land.it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("role", "clerk");
        attributes.put("register", "land");
        attributes.put("agency", "NLCS");
        attributes.put("office", "THIMPHU");

        char[] secret = admin.register(name, "client", 1, "", attributes);
        FabricCaAdmin.IdentityInfo identity = admin.identity(name);
        assertEquals("client", identity.type());
        assertEquals(1, identity.maxEnrollments());
        attributes.forEach((attribute, value) -> assertEquals(value, identity.attribute(attribute), attribute));

        X509Certificate certificate = enrol(name, secret);
        String extension = new String(certificate.getExtensionValue("1.2.3.4.5.6.7.8.1"), StandardCharsets.UTF_8);
        for (String expected : List.of("\"role\":\"clerk\"", "\"register\":\"land\"", "\"agency\":\"NLCS\"", "\"office\":\"THIMPHU\"")) {
            assertTrue(extension.contains(expected), "the ecert's attributes " + extension + " lack " + expected);
        }

        FabricCaAdmin.Revocation revocation = admin.revoke(name, "privilegewithdrawn");
        assertEquals(List.of(certificate.getSerialNumber().toString(16)),
                revocation.revoked().stream().map(FabricCaAdmin.RevokedCertificate::serial).toList());
        X509Certificate ca = caCertificate();
        revocation.crl().verify(ca.getPublicKey());
        assertTrue(revocation.crl().isRevoked(certificate));
        X509CRL current = admin.generateCrl();
        current.verify(ca.getPublicKey());
        assertTrue(current.isRevoked(certificate));

        FabricCaAdmin.CaRefusal again = assertThrows(FabricCaAdmin.CaRefusal.class,
                () -> admin.register(name, "client", 1, "", attributes));
        assertEquals(List.of(74), again.codes());
        FabricCaAdmin.CaRefusal unknown = assertThrows(FabricCaAdmin.CaRefusal.class,
                () -> admin.revoke(name + "-nobody", "privilegewithdrawn"));
        assertEquals(404, unknown.status());
    }

    /** Enrols with a software key through {@code POST /api/v1/enroll} (HTTP Basic); wipes the secret. */
    private static X509Certificate enrol(String name, char[] secret) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        StringWriter csr = new StringWriter();
        try (JcaPEMWriter out = new JcaPEMWriter(csr)) {
            out.writeObject(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        }
        JsonObject body = new JsonObject();
        body.addProperty("certificate_request", csr.toString());
        body.addProperty("caname", CA_NAME);
        String basic = Base64.getEncoder().encodeToString((name + ":" + new String(secret)).getBytes(StandardCharsets.UTF_8));
        Arrays.fill(secret, '\0');
        HttpResponse<String> response = http().send(HttpRequest.newBuilder(CA_URL.resolve("/api/v1/enroll"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        String cert = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("result").get("Cert").getAsString();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(cert)));
    }

    private static X509Certificate caCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(tlsRoot)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static HttpClient http() throws Exception {
        KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
        roots.load(null, null);
        Certificate root = caCertificate();
        roots.setCertificateEntry("ca", root);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), new SecureRandom());
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static Path only(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            if (all.size() != 1) {
                throw new IllegalStateException("expected one file in " + directory + ", found " + all);
            }
            return all.get(0);
        }
    }
}
