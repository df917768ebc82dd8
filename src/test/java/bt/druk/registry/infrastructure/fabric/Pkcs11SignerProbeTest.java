package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 item 3 groundwork: an EC P-256 key generated inside a SoftHSM2 token (never on disk in
 * the clear, never extractable), a CSR for it made in Java, and Fabric digests signed with it through
 * the JDK's SunPKCS11 provider. Needs Debian's softhsm2; surefire sets SOFTHSM2_CONF (the library
 * reads it from the process environment, so the test cannot set it itself).
 */
class Pkcs11SignerProbeTest {

    private static final String ALIAS = "land.clerk";

    @TempDir
    Path tmp;

    @Test
    void aKeyGeneratedInTheTokenSignsFabricDigestsWithLowS() throws Exception {
        String conf = SoftHsmTokens.conf();
        SoftHsmTokens.Slot fresh = SoftHsmTokens.take();
        String pin = fresh.pin();
        Provider p11 = Security.getProvider("SunPKCS11").configure("--" + SoftHsmTokens.pkcs11Config("DrukProbe", fresh.id()));
        KeyStore token = KeyStore.getInstance("PKCS11", p11);
        token.load(null, pin.toCharArray());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", p11);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        PublicKey publicKey = pair.getPublic();

        // The CSR that goes to Fabric CA, signed inside the token.
        ContentSigner csrSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(p11).build(pair.getPrivate());
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
                new X500Principal("CN=" + ALIAS + ",OU=client,O=Land Registry"), publicKey).build(csrSigner);
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey)), "CSR signature");
        Path csrFile = tmp.resolve("land.clerk.csr");
        try (JcaPEMWriter out = new JcaPEMWriter(Files.newBufferedWriter(csrFile))) {
            out.writeObject(csr);
        }
        String verified = SoftHsmTokens.run(Map.of(), "openssl", "req", "-in", csrFile.toString(), "-verify", "-noout");
        System.out.println("[hsm] openssl on the CSR made over the token key: " + verified.strip());

        // Stand-in for the certificate Fabric CA returns: stored in the token beside its key (same CKA_ID).
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Principal("CN=" + ALIAS), BigInteger.ONE, Date.from(Instant.now()),
                Date.from(Instant.now().plus(1, ChronoUnit.DAYS)), new X500Principal("CN=" + ALIAS), publicKey)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(p11).build(pair.getPrivate())));
        token.setKeyEntry(ALIAS, pair.getPrivate(), null, new Certificate[] {certificate});

        // What the portal would do at start: open the token, log in, find the identity by its name.
        KeyStore reopened = KeyStore.getInstance("PKCS11", p11);
        reopened.load(null, pin.toCharArray());
        PrivateKey key = (PrivateKey) reopened.getKey(ALIAS, null);
        assertNotNull(key, "the key under its alias in the token");
        assertEquals(certificate, reopened.getCertificate(ALIAS));
        assertNull(key.getEncoded(), "a token key has no encoding to leave the token in");
        System.out.println("[hsm] token key: " + key.getClass().getName() + ", algorithm " + key.getAlgorithm()
                + ", encoded " + key.getEncoded() + ", instanceof ECPrivateKey " + (key instanceof java.security.interfaces.ECPrivateKey));
        System.out.println("[hsm] token objects: " + SoftHsmTokens.run(Map.of("SOFTHSM2_CONF", conf), "softhsm2-util", "--show-slots")
                .lines().filter(l -> l.contains("Label") || l.contains("Slot ")).toList());

        byte[] digest = sha256("probe");
        Exception gatewaySigner = assertThrows(Exception.class, () -> Signers.newPrivateKeySigner(key).sign(digest),
                "fabric-gateway's own signer cannot use a token key; if it now can, drop HsmSigner");
        System.out.println("[hsm] Signers.newPrivateKeySigner(token key): " + gatewaySigner);

        Signer signer = new HsmSigner(key, p11);
        BigInteger halfOrder = HsmSigner.P256_ORDER.shiftRight(1);
        int normalised = 0;
        for (int i = 0; i < 40; i++) {
            String message = "proposal " + i;
            byte[] signature = signer.sign(sha256(message));
            BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(signature).getObjectAt(1)).getValue();
            assertTrue(s.compareTo(halfOrder) <= 0, "low S");
            // as a peer checks it: SHA256withECDSA over the message, with the certificate's public key
            Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            assertTrue(verifier.verify(signature), "signature " + i + " verifies");
            Signature raw = Signature.getInstance("NONEwithECDSA", p11);
            raw.initSign(key);
            raw.update(sha256(message));
            BigInteger rawS = ASN1Integer.getInstance(ASN1Sequence.getInstance(raw.sign()).getObjectAt(1)).getValue();
            normalised += rawS.compareTo(halfOrder) > 0 ? 1 : 0;
        }
        System.out.println("[hsm] HsmSigner: 40 of 40 signatures verify (SHA256withECDSA, SunEC) with S <= n/2; "
                + normalised + " of 40 raw token signatures had a high S that needed normalising");
        assertTrue(normalised > 0, "the token itself does not normalise S (some of 40 raw signatures are high-S)");
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
