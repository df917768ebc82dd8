package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.infrastructure.fabric.LocalCaServer.answer;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.failure;
import static bt.druk.registry.infrastructure.fabric.LocalCaServer.success;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.ecKeyPair;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.pem;
import static bt.druk.registry.infrastructure.fabric.TestCertificates.selfSigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
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
 * Enrolment into a SoftHSM2 token against a stand-in for Fabric CA's {@code POST /api/v1/enroll}
 * (HTTPS with a self-signed certificate for localhost), which answers as fabric-ca-server does: the
 * cfssl envelope {@code {"success", "result": {"Cert": base64(PEM), "ServerInfo": {...}}, "errors",
 * "messages"}}, and HTTP 401 with error code 20 for a wrong secret.
 */
class FabricCaEnrolmentTest {

    private static final String CA_NAME = "ca-land";
    private static final String SECRET = "clerkpw-" + SoftHsmTokens.random();

    @TempDir
    Path dir;

    private LocalCaServer server;
    private KeyPair caKey;
    private X509Certificate caCert;
    private Path tlsCaCert;
    private URI caUrl;
    private final List<String> caComplaints = new CopyOnWriteArrayList<>();
    private final List<String> csrSubjects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void fakeCa() throws Exception {
        caKey = ecKeyPair();
        caCert = selfSigned(caKey, "CN=ca-land,O=Land Registry", true, null);
        Path caDir = Files.createDirectories(dir.resolve("ca"));
        server = LocalCaServer.start(caDir.resolve("tls-ca-cert.pem"), "/api/v1/enroll", this::enroll);
        tlsCaCert = server.tlsRoot();
        caUrl = server.url();
    }

    @AfterEach
    void stopCa() {
        server.stop();
    }

    @Test
    void theKeyIsMadeInTheTokenAndTheCertificateStoredBesideItNothingElseOnDisk() throws Exception {
        Path tokenFiles = Files.createDirectories(dir.resolve("token"));
        FabricConnectionConfig.Token token = SoftHsmTokens.newToken("LandMSP", tokenFiles);
        String name = "land.clerk-" + SoftHsmTokens.random();
        Instant start = Instant.now().minusSeconds(1);

        X509Certificate certificate = new FabricCaEnrolment(caUrl, CA_NAME, tlsCaCert)
                .enrol(Pkcs11Tokens.open(token), name, SECRET.toCharArray());
        assertEquals(List.of(), caComplaints);
        assertEquals(List.of("CN=" + name), csrSubjects);
        assertEquals(caCert.getSubjectX500Principal(), certificate.getIssuerX500Principal());

        // As the portal finds it: a token opened afresh, the key and certificate under the identity's name.
        SigningCredentials credentials = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name);
        assertEquals(certificate, credentials.certificate());
        assertNull(credentials.key().getEncoded(), "the key stays in the token");
        TestCertificates.assertSignsFor(credentials, certificate.getPublicKey());
        assertEquals(Set.of(name), aliases(token));

        // Nothing outside the token's directory holds the identity (CSR, certificate, key): only our inputs are in dir.
        assertEquals(Set.of("LandMSP.pkcs11.cfg", "LandMSP.pin"), names(tokenFiles));
        assertEquals(Set.of("tls-ca-cert.pem"), names(dir.resolve("ca")));
        Path canary = Files.writeString(dir.resolve("canary"), "the search finds " + name);
        assertEquals(List.of(canary.toRealPath()), leaks(name, start), "the search for leaks finds a planted file");
        Files.delete(canary);
        assertEquals(List.of(), leaks(name, start), "files written outside the token directory that mention " + name);

        // Enrolling again replaces the entry: a new key and certificate, still one entry of that name.
        X509Certificate renewed = new FabricCaEnrolment(caUrl, CA_NAME, tlsCaCert)
                .enrol(Pkcs11Tokens.open(token), name, SECRET.toCharArray());
        assertNotEquals(certificate.getPublicKey(), renewed.getPublicKey());
        assertEquals(Set.of(name), aliases(token));
        SigningCredentials again = new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name);
        assertEquals(renewed, again.certificate());
        TestCertificates.assertSignsFor(again, renewed.getPublicKey());
    }

    @Test
    void aWrongSecretIsTheCasErrorAndLeavesTheOldEntryAlone() throws Exception {
        FabricConnectionConfig.Token token = SoftHsmTokens.newToken("LandMSP", Files.createDirectories(dir.resolve("token")));
        String name = "land.clerk-" + SoftHsmTokens.random();
        X509Certificate first = new FabricCaEnrolment(caUrl, CA_NAME, tlsCaCert)
                .enrol(Pkcs11Tokens.open(token), name, SECRET.toCharArray());

        FabricCaEnrolment.CaRefusal refusal = assertThrows(FabricCaEnrolment.CaRefusal.class, () ->
                new FabricCaEnrolment(caUrl, CA_NAME, tlsCaCert).enrol(Pkcs11Tokens.open(token), name, "guess".toCharArray()));
        assertEquals(401, refusal.status());
        assertTrue(refusal.getMessage().contains("Authentication failure") && refusal.getMessage().contains(CA_NAME)
                && refusal.getMessage().contains("'" + name + "'"), refusal.getMessage());

        assertEquals(Set.of(name), aliases(token), "the uncertified key is gone, the old entry stays");
        assertEquals(first, new Pkcs11Tokens(Map.of("LandMSP", token)).credentials("LandMSP", name).certificate());
    }

    @Test
    void onlyTheCasOwnTlsRootIsTrusted() throws Exception {
        Path other = dir.resolve("other-root.pem");
        Files.writeString(other, pem(selfSigned(ecKeyPair(), "CN=localhost", false, null)));
        FabricConnectionConfig.Token token = SoftHsmTokens.newToken("LandMSP", Files.createDirectories(dir.resolve("token")));
        IOException e = assertThrows(IOException.class, () ->
                new FabricCaEnrolment(caUrl, CA_NAME, other).enrol(Pkcs11Tokens.open(token), "land.clerk", SECRET.toCharArray()));
        assertTrue(String.valueOf(e).contains("SSL") || e instanceof javax.net.ssl.SSLException, String.valueOf(e));
        assertEquals(Set.of(), aliases(token));
    }

    // ---- the stand-in CA ----

    private void enroll(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (exchange.getRequestHeaders().getFirst("Authorization") == null ? "" : basicUser(exchange) + ":" + SECRET)
                            .getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(exchange.getRequestMethod())
                    || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, failure(20, "Authentication failure"));
                return;
            }
            JsonObject request = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            String caName = request.keySet().stream().filter("caname"::equalsIgnoreCase).findFirst()
                    .map(k -> request.get(k).getAsString()).orElse("");
            if (!CA_NAME.equals(caName)) {
                answer(exchange, 404, failure(19, "CA '" + caName + "' does not exist"));
                return;
            }
            PKCS10CertificationRequest csr;
            try (PEMParser parser = new PEMParser(new StringReader(request.get("certificate_request").getAsString()))) {
                csr = (PKCS10CertificationRequest) parser.readObject();
            }
            PublicKey publicKey = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            String cn = IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
            csrSubjects.add(csr.getSubject().toString());
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
                caComplaints.add("CSR signature does not verify");
            }
            if (!cn.equals(basicUser(exchange))) {
                caComplaints.add("CSR CN " + cn + " is not the enrolment id " + basicUser(exchange));
            }
            if (!caComplaints.isEmpty()) {
                answer(exchange, 400, failure(0, String.join("; ", caComplaints)));
                return;
            }
            Instant now = Instant.now();
            X509Certificate issued = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    caCert, new BigInteger(64, new SecureRandom()), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86400)),
                    new X500Name("CN=" + cn + ",OU=client"), publicKey)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
            JsonObject serverInfo = new JsonObject();
            serverInfo.addProperty("CAName", CA_NAME);
            serverInfo.addProperty("CAChain", b64(pem(caCert)));
            serverInfo.addProperty("IssuerPublicKey", "");
            serverInfo.addProperty("IssuerRevocationPublicKey", "");
            serverInfo.addProperty("Version", "1.5.18");
            JsonObject result = new JsonObject();
            result.addProperty("Cert", b64(pem(issued)));
            result.add("ServerInfo", serverInfo);
            answer(exchange, 201, success(result));
        } catch (Exception e) {
            caComplaints.add(e.toString());
            throw new IOException(e);
        }
    }

    private static String basicUser(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return "";
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.substring(0, Math.max(0, decoded.indexOf(':')));
    }

    // ---- helpers ----

    private static Set<String> aliases(FabricConnectionConfig.Token token) throws Exception {
        return Set.copyOf(Collections.list(Pkcs11Tokens.open(token).keyStore().aliases()));
    }

    private static Set<String> names(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** Files changed since start in the temporary directory or the project, outside SoftHSM2's token directory, that mention text. */
    private static List<Path> leaks(String text, Instant start) throws Exception {
        List<Path> leaks = new ArrayList<>();
        Path tokenDir = SoftHsmTokens.tokenDir().toRealPath();
        for (Path root : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of(System.getProperty("user.dir")))) {
            leaks.addAll(filesMentioning(root.toRealPath(), text, start, tokenDir));
        }
        return leaks;
    }

    /** Regular files under root changed since start, outside skip, whose bytes contain text. */
    private static List<Path> filesMentioning(Path root, String text, Instant start, Path skip) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), 8, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                return d.startsWith(skip) || d.endsWith(".git") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isAfter(start)
                        && attributes.size() < 10_000_000) {
                    try {
                        byte[] bytes = Files.readAllBytes(file);
                        if (indexOf(bytes, needle) >= 0) {
                            found.add(file);
                        }
                    } catch (IOException e) {
                        // not ours to read
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
