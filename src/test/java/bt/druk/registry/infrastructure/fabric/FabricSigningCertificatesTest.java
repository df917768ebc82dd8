package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.infrastructure.fabric.LocalCaServer.answer;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.failure;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.ecKeyPair;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.selfSigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.SigningCertificates.Renewal;
import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token certificates as the renewal schedule sees them, through a connection file naming a
 * SoftHSM2 token and a stand-in CA: which identities are required, and what a renewal comes to.
 * The stand-in issues 15-minute certificates dated, as Fabric CA does, from its own start unless the
 * request names a NotBefore.
 */
class FabricSigningCertificatesTest {

    private static final String CA_NAME = "ca-land";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Instant CA_START = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    /** One token for the class: SoftHSM2's test tokens are a pool of the JVM's (SoftHsmTokens), each test its own names. */
    @TempDir
    static Path tokenFiles;
    private static FabricConnectionConfig.Token token;

    private LocalCaServer server;
    private KeyPair caKey;
    private X509Certificate caCert;
    private FabricConnections connections;
    private FabricSigningCertificates certificates;
    /** The stand-in's answer to a re-enrolment: 0 issues a certificate, else this status with a refusal. */
    private volatile int reenrolRefusal;

    @BeforeEach
    void tokenWithThreeIdentities() throws Exception {
        caKey = ecKeyPair();
        caCert = selfSigned(caKey, "CN=ca-land", true, null);
        server = LocalCaServer.start(Files.createDirectories(dir.resolve("ca")).resolve("tls.pem"), "/api/v1/enroll", this::enroll);
        server.serve("/api/v1/reenroll", this::reenroll);
        if (token == null) {
            token = SoftHsmTokens.newToken("LandMSP", tokenFiles);
        }
        for (String name : List.of("land.clerk", "land.registrar", "anna")) {
            new FabricCaEnrolment(server.url(), CA_NAME, server.tlsRoot()).enrol(Pkcs11Tokens.open(token), name, "pw".toCharArray());
        }
        Path file = Files.writeString(dir.resolve("connection.json"), """
                {"channel": "registry",
                 "peers": {"LandMSP": {"endpoint": "localhost:1", "tlsCaCert": "%s"}},
                 "identities": {"land.clerk": {"mspId": "LandMSP", "certificate": "/x/c.pem", "privateKey": "/x/k.pem"}},
                 "tokens": {"LandMSP": {"config": "%s", "pinFile": "%s"}},
                 "authorities": {"LandMSP": {"url": "%s", "caName": "%s", "tlsCaCert": "%s", "registrar": "land.registrar"}}}
                """.formatted(server.tlsRoot(), token.config(), token.pinFile(), server.url(), CA_NAME, server.tlsRoot()));
        connections = new FabricConnections(file);
        certificates = new FabricSigningCertificates(connections, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        connections.close();
        server.stop();
    }

    @Test
    void theConnectionFilesIdentitiesAndItsRegistrarAreRequiredAStaffMembersIsNot() {
        Map<String, Boolean> required = certificates.current().stream()
                .collect(Collectors.toMap(SigningCertificate::identity, SigningCertificate::required));
        assertEquals(Map.of("land.clerk", true, "land.registrar", true, "anna", false), required);
    }

    @Test
    void aRenewedCertificateIsWhatTheTokenHoldsAfterwardsDatedFromTheRenewal() {
        SigningCertificate before = byName("anna");
        assertEquals(CA_START, before.notBefore(), "enrolled as Fabric CA dates it: from the CA's own start");

        Renewal renewal = certificates.renew(before);

        Renewal.Renewed renewed = assertInstanceOf(Renewal.Renewed.class, renewal);
        SigningCertificate after = byName("anna");
        assertEquals(renewed.notAfter(), after.notAfter());
        assertTrue(after.notAfter().isAfter(before.notAfter()));
        assertTrue(Duration.between(after.notBefore(), Instant.now()).compareTo(Duration.ofMinutes(2)) < 0,
                "the renewal asked for a NotBefore of about now: " + after.notBefore());
        assertTrue(!after.dueForRenewal(Instant.now()), "not due again at once");
    }

    @Test
    void aRefusalIsRefusedAndACaThatFailsInsideIsUnreachable() {
        reenrolRefusal = 401;
        Renewal refused = certificates.renew(byName("anna"));
        assertTrue(assertInstanceOf(Renewal.Refused.class, refused).reason().contains("revoked"), refused.toString());

        reenrolRefusal = 500;
        assertInstanceOf(Renewal.Unreachable.class, certificates.renew(byName("anna")));
    }

    @Test
    void aCaThatIsNotThereIsUnreachable() {
        SigningCertificate anna = byName("anna");
        server.stop();
        assertInstanceOf(Renewal.Unreachable.class, certificates.renew(anna));
    }

    private SigningCertificate byName(String name) {
        return certificates.current().stream().filter(c -> c.identity().equals(name))
                .min(Comparator.comparing(SigningCertificate::notAfter)).orElseThrow();
    }

    // ---- the stand-in CA ----

    private void enroll(HttpExchange exchange) throws IOException {
        issue(exchange, false);
    }

    private void reenroll(HttpExchange exchange) throws IOException {
        if (reenrolRefusal != 0) {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                answer(exchange, reenrolRefusal, failure(28, "The certificate in the authorization header is a revoked certificate"));
            }
            return;
        }
        issue(exchange, true);
    }

    private void issue(HttpExchange exchange, boolean honourNotBefore) throws IOException {
        try (exchange) {
            JsonObject request = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            PKCS10CertificationRequest csr;
            try (PEMParser parser = new PEMParser(new StringReader(request.get("certificate_request").getAsString()))) {
                csr = (PKCS10CertificationRequest) parser.readObject();
            }
            PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            String cn = IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant notBefore = honourNotBefore && request.has("NotBefore") ? Instant.parse(request.get("NotBefore").getAsString())
                    : CA_START;
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), new BigInteger(64, new SecureRandom()),
                    Date.from(notBefore), Date.from(now.plus(LIFETIME).plusSeconds(honourNotBefore ? 60 : 0)),
                    new X500Name("CN=" + cn), key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
            answer(exchange, 201, LocalCaServer.enrolled(certificate, caCert, CA_NAME));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
