package bt.druk.registry.infrastructure.fabric;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** P-256 keys and X.509 certificates, as Fabric uses them, for the stand-in CAs of the tests. */
final class TestCertificates {

    private TestCertificates() {
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A certificate valid from a minute ago for a day, with subject alternative names if altNames is not null. */
    static X509Certificate certificate(KeyPair subjectKey, String subject, KeyPair issuerKey, String issuer, boolean ca,
            GeneralNames altNames) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(64, new SecureRandom()), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86400)),
                new X500Name(subject), subjectKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }

    static X509Certificate selfSigned(KeyPair key, String subject, boolean ca, GeneralNames altNames) throws Exception {
        return certificate(key, subject, key, subject, ca, altNames);
    }

    /** A certificate, CRL or key in PEM, as Fabric's files and the CA's answers hold them. */
    static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter out = new JcaPEMWriter(text)) {
            out.writeObject(object);
        }
        return text.toString();
    }

    /** Signs a proposal's digest as the gateway would, and checks the signature with {@code publicKey} (a certificate's). */
    static void assertSignsFor(SigningCredentials credentials, PublicKey publicKey) throws Exception {
        byte[] proposal = "a proposal".getBytes(StandardCharsets.UTF_8);
        byte[] signature = credentials.signer().sign(MessageDigest.getInstance("SHA-256").digest(proposal));
        Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        verifier.initVerify(publicKey);
        verifier.update(proposal);
        org.junit.jupiter.api.Assertions.assertTrue(verifier.verify(signature),
                "the token's signature verifies with the certificate's key");
    }
}
