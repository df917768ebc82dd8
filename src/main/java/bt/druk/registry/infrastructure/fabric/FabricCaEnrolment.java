package bt.druk.registry.infrastructure.fabric;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Enrols a Fabric identity into a PKCS#11 token: the EC P-256 key pair is generated inside the token
 * (private key sensitive, not extractable), the CSR (subject CN = the identity's name) is signed by
 * the token, and Fabric CA's REST API issues the certificate ({@code POST <ca>/api/v1/enroll}, HTTP
 * Basic with the enrolment id and secret, over TLS trusting only the CA's TLS root). The certificate
 * is stored in the token beside the key, under the identity's name. Nothing is written to disk: the
 * CSR and the answer stay in memory, and the secret is wiped after use.
 *
 * <p>An older entry of the same name stays usable until the new certificate has arrived; if the CA
 * refuses, the new key pair is deleted again. The replacement itself (the token deletes the old
 * entry, then labels the new key and stores its certificate) is not atomic: should the process die
 * between the two, the identity has to be enrolled again (see docs/hsm.md).
 *
 * <p>Run from {@code network.sh} as {@code java -cp <classes>:<lib>/* ...FabricCaEnrolment --token-config
 * F --pin-file F --ca-url https://localhost:P --ca-name N --tls-ca-cert F --name N --secret-file F}; SoftHSM2
 * needs {@code SOFTHSM2_CONF} in the environment.
 */
public final class FabricCaEnrolment {

    /** Fabric CA answered with an error (wrong secret, unknown identity, enrolment limit reached...). */
    public static final class CaRefusal extends IOException {
        private final int status;

        CaRefusal(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The HTTP status of the CA's answer. */
        public int status() {
            return status;
        }
    }

    private final URI enrollUri;
    private final String caName;
    private final HttpClient http;

    /**
     * @param caUrl     the CA's base address, e.g. {@code https://localhost:7054}
     * @param caName    the CA's name in the server ({@code --caname}), e.g. {@code ca-land}
     * @param tlsCaCert PEM file of the CA's TLS root certificate(s); no other root is trusted
     */
    public FabricCaEnrolment(URI caUrl, String caName, Path tlsCaCert) throws IOException, GeneralSecurityException {
        if (!"https".equalsIgnoreCase(caUrl.getScheme())) {
            throw new IllegalArgumentException("the CA is reached over TLS only, not " + caUrl);
        }
        String base = caUrl.toString().replaceAll("/+$", "");
        this.enrollUri = URI.create(base + "/api/v1/enroll");
        this.caName = caName;
        this.http = HttpClient.newBuilder().sslContext(trusting(tlsCaCert)).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Generates the identity's key pair in the token, has the CA certify it, and stores the
     * certificate beside the key under {@code name}.
     *
     * @return the certificate the CA issued
     */
    public X509Certificate enrol(Pkcs11Tokens.OpenToken token, String name, char[] secret)
            throws IOException, GeneralSecurityException {
        Provider p11 = token.provider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", p11);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        boolean stored = false;
        try {
            String csr = csrPem(pair, name, p11);
            X509Certificate certificate = post(name, secret, csr);
            if (!Arrays.equals(certificate.getPublicKey().getEncoded(), pair.getPublic().getEncoded())) {
                throw new GeneralSecurityException("the CA's certificate for '" + name + "' is not for the key in the token");
            }
            KeyStore store = token.keyStore();
            synchronized (token) {
                if (store.containsAlias(name)) {
                    store.deleteEntry(name);
                }
                store.setKeyEntry(name, pair.getPrivate(), null, new Certificate[] {certificate});
            }
            stored = true;
            return certificate;
        } finally {
            if (!stored) {
                discard(token, pair);
            }
        }
    }

    /** The PKCS#10 request in PEM, signed inside the token. */
    static String csrPem(KeyPair pair, String name, Provider p11) throws IOException, GeneralSecurityException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                .build(signer(pair, p11));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter out = new JcaPEMWriter(pem)) {
            out.writeObject(csr);
        }
        return pem.toString();
    }

    private X509Certificate post(String name, char[] secret, String csrPem) throws IOException, GeneralSecurityException {
        JsonObject body = new JsonObject();
        body.addProperty("certificate_request", csrPem);
        // The Go client sends the field as "CAName" (no JSON tag); Go's decoder matches names case-insensitively.
        body.addProperty("CAName", caName);
        HttpRequest request = HttpRequest.newBuilder(enrollUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(name, secret))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while enrolling '" + name + "' at " + enrollUri, e);
        }
        JsonObject answer;
        try {
            JsonElement parsed = JsonParser.parseString(response.body());
            answer = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            answer = new JsonObject();
        }
        boolean success = answer.has("success") && answer.get("success").isJsonPrimitive() && answer.get("success").getAsBoolean();
        if (response.statusCode() / 100 != 2 || !success) {
            throw new CaRefusal("Fabric CA " + caName + " at " + enrollUri + " refused to enrol '" + name + "': HTTP "
                    + response.statusCode() + ": " + errors(answer, response.body()), response.statusCode());
        }
        JsonElement result = answer.get("result");
        JsonElement cert = result != null && result.isJsonObject() ? result.getAsJsonObject().get("Cert") : null;
        if (cert == null || !cert.isJsonPrimitive()) {
            throw new IOException("Fabric CA " + caName + " answered without result.Cert: " + abbreviate(response.body()));
        }
        byte[] pem;
        try {
            pem = Base64.getDecoder().decode(cert.getAsString());
        } catch (IllegalArgumentException e) {
            throw new IOException("Fabric CA " + caName + " answered with a result.Cert that is not base64", e);
        }
        try (InputStream in = new ByteArrayInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The CA's error messages ({@code errors[].message}, with their codes), else the start of its answer. */
    static String errors(JsonObject answer, String body) {
        JsonElement errors = answer.get("errors");
        if (errors != null && errors.isJsonArray() && !errors.getAsJsonArray().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (JsonElement error : (JsonArray) errors) {
                if (!text.isEmpty()) {
                    text.append("; ");
                }
                if (error.isJsonObject()) {
                    JsonObject e = error.getAsJsonObject();
                    text.append(e.has("message") ? e.get("message").getAsString() : e.toString());
                    if (e.has("code")) {
                        text.append(" (code ").append(e.get("code").getAsString()).append(')');
                    }
                } else {
                    text.append(error);
                }
            }
            return text.toString();
        }
        return abbreviate(body);
    }

    static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "(empty answer)" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** {@code Basic base64(name:secret)}; the intermediate bytes are wiped. */
    private static String basic(String name, char[] secret) {
        byte[] user = (name + ":").getBytes(StandardCharsets.UTF_8);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] credentials = new byte[user.length + encoded.remaining()];
        System.arraycopy(user, 0, credentials, 0, user.length);
        encoded.get(credentials, user.length, encoded.remaining());
        try {
            return "Basic " + Base64.getEncoder().encodeToString(credentials);
        } finally {
            Arrays.fill(credentials, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    static SSLContext trusting(Path tlsCaCert) throws IOException, GeneralSecurityException {
        KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
        roots.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(tlsCaCert)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                roots.setCertificateEntry("ca-tls-" + i++, certificate);
            }
        }
        if (i == 0) {
            throw new GeneralSecurityException("no certificate in " + tlsCaCert);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }

    /**
     * Removes a key pair the CA did not certify: the token's key store can only delete entries, so the
     * key is given a throw-away self-signed certificate under a temporary name, and that entry deleted.
     * (A public-key object the token made beside it, if its configuration makes public keys token
     * objects, may remain; it holds nothing secret.)
     */
    private static void discard(Pkcs11Tokens.OpenToken token, KeyPair pair) {
        String alias = "druk-discard-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try {
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, alias).build();
            X509Certificate throwAway = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    subject, BigInteger.ONE, Date.from(now), Date.from(now.plusSeconds(60)), subject, pair.getPublic())
                    .build(signer(pair, token.provider())));
            synchronized (token) {
                token.keyStore().setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {throwAway});
                token.keyStore().deleteEntry(alias);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            System.getLogger(FabricCaEnrolment.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete an uncertified key pair from the token " + token.token().config() + ": " + e);
        }
    }

    private static ContentSigner signer(KeyPair pair, Provider p11) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(p11).build(pair.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("the token cannot sign: " + e.getMessage(), e);
        }
    }

    // ---- command line ----

    private static final String USAGE = "usage: FabricCaEnrolment --token-config <SunPKCS11 cfg> --pin-file <file>"
            + " --ca-url https://host:port --ca-name <name> --tls-ca-cert <PEM> --names <id,id,...> --secret-dir <dir>";

    /**
     * Enrols identities into one token (one JVM for all of an organisation's, which {@code network.sh}
     * runs once per organisation); each one's enrolment secret is the file of its name in the secret
     * directory. Exit status 0, else 1 with the reasons on stderr (2: bad arguments).
     */
    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"token-config", "pin-file", "ca-url", "ca-name", "tls-ca-cert", "names", "secret-dir"}) {
            if (!options.containsKey(required)) {
                System.err.println("missing --" + required + "\n" + USAGE);
                System.exit(2);
            }
        }
        int status = 0;
        try {
            Pkcs11Tokens.OpenToken token = Pkcs11Tokens.open(new FabricConnectionConfig.Token("",
                    Path.of(options.get("token-config")), Path.of(options.get("pin-file"))));
            FabricCaEnrolment ca = new FabricCaEnrolment(URI.create(options.get("ca-url")), options.get("ca-name"),
                    Path.of(options.get("tls-ca-cert")));
            for (String name : options.get("names").split(",")) {
                char[] secret = null;
                try {
                    secret = Pkcs11Tokens.readSecret(Path.of(options.get("secret-dir")).resolve(name));
                    X509Certificate certificate = ca.enrol(token, name, secret);
                    System.out.println("enrolled " + name + " into the token of " + options.get("token-config") + ": "
                            + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16)
                            + ", issued by " + certificate.getIssuerX500Principal().getName());
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    System.err.println("enrolment of " + name + " failed: " + e.getMessage());
                    status = 1;
                } finally {
                    if (secret != null) {
                        Arrays.fill(secret, '\0');
                    }
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            System.err.println("enrolment failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }
}
