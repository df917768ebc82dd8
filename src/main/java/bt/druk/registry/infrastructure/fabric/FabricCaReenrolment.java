package bt.druk.registry.infrastructure.fabric;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Renews an identity's certificate in its PKCS#11 token with the key it already has: Fabric CA's
 * {@code POST /api/v1/reenroll} ({@code reenrollHandler} in fabric-ca's {@code lib/serverenroll.go}),
 * authorised by the token header signed with the identity's own current certificate and key
 * ({@link FabricCaRequests}), with a CSR (CN = the identity's name, as the CA requires) signed inside
 * the token by the existing key. The key never leaves the token and the public key stays the same.
 * A re-enrolment does not count against the identity's enrolment limit (only enrolment with the
 * secret does), and the CA puts the identity's registered ecert attributes into the new certificate
 * as it did at enrolment. The CA refuses a revoked or expired current certificate with its generic
 * {@code Authentication failure} (HTTP 401, code 20: a {@link FabricCaAdmin.CaRefusal}); only its own
 * log names the reason (code 28 revoked, 27 expired).
 *
 * <p>The request names the new certificate's {@code NotBefore} (now, less a minute for clocks that
 * differ): otherwise Fabric CA gives every enrolment certificate its own CA certificate's NotBefore,
 * and a certificate's lifetime could not be read from it.
 *
 * <p>Before anything is stored, the new certificate must be for the same public key, the same name
 * and the same issuer as the current one, signed by the CA certificate of the answer's chain that
 * also verifies the current certificate (so the CA the channel already trusts issued it), and end
 * after the current one (a CA whose own certificate ends first cannot give a longer one).
 *
 * <p>Storing: SunPKCS11's key store replaces the certificate of an existing key entry when
 * {@code setKeyEntry} is given that entry's own token key and a certificate for the same public key
 * ({@code P11KeyStore.engineSetEntry} finds the entry by public key and calls {@code updatePkey}): it
 * destroys the old certificate object and writes the new one under the same label, and the key
 * object is kept (only its CKA_ID is set to the alias it already had). The two writes are not one
 * transaction: should the process die between them, the key is left without a certificate and the
 * identity has to be enrolled again (docs/hsm.md), as after an interrupted enrolment. That window is
 * two PKCS#11 calls; deleting the entry and storing it anew instead would destroy the key.
 */
public final class FabricCaReenrolment {

    /** The new certificate is valid from this much before now, for a CA or peer whose clock is a little behind. */
    static final Duration BACKDATE = Duration.ofMinutes(1);

    /** The CA's certificate, or what it answered, cannot be used: asking again gives the same. */
    public static final class UnusableCertificate extends GeneralSecurityException {
        UnusableCertificate(String message) {
            super(message);
        }
    }

    private final URI caUrl;
    private final String caName;
    private final Path tlsCaCert;
    private final Clock clock;

    /**
     * @param caUrl     the CA's base address, e.g. {@code https://localhost:7054}
     * @param caName    the CA's name in the server, e.g. {@code ca-land}
     * @param tlsCaCert PEM file of the CA's TLS root certificate(s); no other root is trusted
     */
    public FabricCaReenrolment(URI caUrl, String caName, Path tlsCaCert, Clock clock) {
        this.caUrl = caUrl;
        this.caName = caName;
        this.tlsCaCert = tlsCaCert;
        this.clock = clock;
    }

    /**
     * Has the CA issue a new certificate for the key of {@code name} in the token and stores it there
     * in place of the current one.
     *
     * @return the new certificate
     * @throws FabricCaAdmin.CaRefusal       the CA refused (revoked, expired, unknown identity...)
     * @throws UnusableCertificate          the CA's certificate did not pass the checks; nothing was stored
     * @throws IOException                  the CA could not be reached
     */
    public X509Certificate reenrol(Pkcs11Tokens.OpenToken token, String name) throws IOException, GeneralSecurityException {
        KeyStore store = token.keyStore();
        SigningCredentials credentials = Pkcs11Tokens.credentials(token, name);
        X509Certificate current = credentials.certificate();
        PrivateKey privateKey = credentials.key();
        String csr = FabricCaEnrolment.csrPem(new KeyPair(current.getPublicKey(), privateKey), name, token.provider());
        FabricCaRequests requests = new FabricCaRequests(caUrl, caName, tlsCaCert, current, credentials.signer(), "'" + name + "'");
        Instant notBefore = clock.instant().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        JsonObject result = requests.result(requests.send("re-enrol", name, "POST", "reenroll", request(csr, caName, notBefore)),
                "re-enrol", name);
        X509Certificate renewed = certificates(result.get("Cert"), "the certificate").get(0);
        JsonElement serverInfo = result.get("ServerInfo");
        List<X509Certificate> caChain = certificates(serverInfo != null && serverInfo.isJsonObject()
                ? serverInfo.getAsJsonObject().get("CAChain") : null, "the CA chain");
        check(renewed, current, caChain, name);
        synchronized (token) {
            // An enrolment may have replaced the entry meanwhile: then this certificate is for a key that is gone.
            if (!current.equals(store.getCertificate(name))) {
                throw new GeneralSecurityException("the entry of '" + name + "' changed while it was re-enrolled; not replaced");
            }
            store.setKeyEntry(name, privateKey, null, new Certificate[] {renewed});
            if (!renewed.equals(store.getCertificate(name)) || !store.isKeyEntry(name)) {
                throw new GeneralSecurityException("the token " + token.token().config() + " did not keep the new certificate of '"
                        + name + "' with its key");
            }
        }
        return renewed;
    }

    /** The body fabric-ca's {@code ReenrollmentRequestNet} decodes; Go matches {@code NotBefore} and {@code caname} case-insensitively. */
    static JsonObject request(String csrPem, String caName, Instant notBefore) {
        JsonObject body = new JsonObject();
        body.addProperty("certificate_request", csrPem);
        body.addProperty("caname", caName);
        body.addProperty("NotBefore", notBefore.toString());
        return body;
    }

    /** The checks a new certificate passes before it replaces {@code current}; see the class comment. */
    static void check(X509Certificate renewed, X509Certificate current, List<X509Certificate> caChain, String name)
            throws UnusableCertificate {
        if (!Arrays.equals(renewed.getPublicKey().getEncoded(), current.getPublicKey().getEncoded())) {
            throw new UnusableCertificate("the CA's new certificate for '" + name + "' is not for the key in the token");
        }
        if (!name.equals(commonName(renewed))) {
            throw new UnusableCertificate("the CA's new certificate is for '" + commonName(renewed) + "', not '" + name + "'");
        }
        if (!renewed.getIssuerX500Principal().equals(current.getIssuerX500Principal())) {
            throw new UnusableCertificate("the CA's new certificate for '" + name + "' is issued by "
                    + renewed.getIssuerX500Principal() + ", the current one by " + current.getIssuerX500Principal());
        }
        boolean chained = caChain.stream().anyMatch(ca -> ca.getSubjectX500Principal().equals(renewed.getIssuerX500Principal())
                && verifies(renewed, ca) && verifies(current, ca));
        if (!chained) {
            throw new UnusableCertificate("the CA's new certificate for '" + name
                    + "' is not signed by the CA certificate that signed the current one");
        }
        if (!renewed.getNotAfter().after(current.getNotAfter())) {
            throw new UnusableCertificate("the CA's new certificate for '" + name + "' ends " + renewed.getNotAfter().toInstant()
                    + ", no later than the current one (does the CA's own certificate end then?)");
        }
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String commonName(X509Certificate certificate) {
        RDN[] cn = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? "" : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** The certificates of base64(PEM), as the CA answers {@code Cert} and {@code CAChain}; at least one. */
    private List<X509Certificate> certificates(JsonElement b64pem, String what) throws IOException, UnusableCertificate {
        if (b64pem == null || !b64pem.isJsonPrimitive() || b64pem.getAsString().isEmpty()) {
            throw new UnusableCertificate("Fabric CA " + caName + " answered the re-enrolment without " + what);
        }
        try (InputStream in = new ByteArrayInputStream(Base64.getDecoder().decode(b64pem.getAsString()))) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new UnusableCertificate("Fabric CA " + caName + " answered the re-enrolment with no certificate in " + what);
            }
            return List.copyOf(certificates);
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new UnusableCertificate("Fabric CA " + caName + " answered the re-enrolment with " + what
                    + " that cannot be read: " + e.getMessage());
        }
    }
}
