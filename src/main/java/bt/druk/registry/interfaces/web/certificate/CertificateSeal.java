package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The issuing agency's signature on every certificate the portal hands out (PAdES, see
 * {@link CertificateSigner}). The key is a PKCS #12 keystore: {@code druk.certificate.keystore}
 * (path), {@code druk.certificate.keystore.password} and, when it holds several keys,
 * {@code druk.certificate.key.alias}; {@code deploy/up.sh} makes a demo one. Without a keystore the
 * portal signs with a key of its own made at start-up, and says so in the log: such signatures are
 * intact but name no agency anyone can look up, and change with every restart.
 */
@ApplicationScoped
public class CertificateSeal {

    private static final Logger LOG = Logger.getLogger(CertificateSeal.class.getName());

    private CertificateSigner signer;
    private Clock clock;

    /** For CDI's proxy. */
    protected CertificateSeal() {
    }

    @Inject
    public CertificateSeal(Clock clock) {
        this(load(Setting.CERTIFICATE_KEYSTORE.configured().orElse(null), Setting.CERTIFICATE_KEYSTORE_PASSWORD.text(),
                Setting.CERTIFICATE_KEY_ALIAS.configured().orElse(null)), clock);
    }

    public CertificateSeal(CertificateSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** The PDF signed now, with the reason a PDF reader shows beside the signature. */
    public byte[] seal(byte[] pdf, String reason) {
        return signer.sign(pdf, reason, clock.instant());
    }

    /** Who signs (the certificate's common name). */
    public String signerName() {
        return signer.signerName();
    }

    static CertificateSigner load(String keystore, String password, String alias) {
        if (keystore == null || keystore.isBlank()) {
            LOG.warning("druk.certificate.keystore is not set: certificates are signed with a key made at start-up, "
                    + "which names no agency and changes with every restart");
            return temporary("Druk Registry (temporary key, not configured)");
        }
        try (InputStream in = Files.newInputStream(Path.of(keystore))) {
            char[] secret = password.toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            String name = alias != null && !alias.isBlank() ? alias : firstKey(store, keystore);
            if (!(store.getKey(name, secret) instanceof PrivateKey key)) {
                throw new IllegalStateException("the certificate keystore " + keystore + " has no private key '" + name + "'");
            }
            Certificate[] chain = store.getCertificateChain(name);
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            CertificateSigner loaded = new CertificateSigner(key, certificates);
            LOG.info("certificates are signed by " + loaded.signerName() + " (key '" + name + "' of " + keystore + ")");
            return loaded;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the certificate keystore " + keystore + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstKey(KeyStore store, String keystore) throws GeneralSecurityException {
        for (String name : Collections.list(store.aliases())) {
            if (store.isKeyEntry(name)) {
                return name;
            }
        }
        throw new IllegalStateException("the certificate keystore " + keystore + " holds no private key");
    }

    /** A self-signed RSA key and certificate for {@code commonName}, valid for a year; tests use it too. */
    public static CertificateSigner temporary(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair pair = generator.generateKeyPair();
            // Built, not parsed: a name with a comma or parenthesis stays one common name.
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.O, "Druk Registry").addRDN(BCStyle.C, "BT").build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new CertificateSigner(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("a temporary signing key could not be made", e);
        }
    }
}
