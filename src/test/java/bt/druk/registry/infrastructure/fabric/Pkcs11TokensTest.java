package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's side of issue 26 item 3: identities' keys and certificates taken from their MSP's SoftHSM2 token. */
class Pkcs11TokensTest {

    @TempDir
    Path dir;

    @Test
    void credentialsFromTheTokenSignForTheirCertificate() throws Exception {
        FabricConnectionConfig.Token token = SoftHsmTokens.newToken("LandMSP", dir);
        X509Certificate certificate = keyAndCertificateInToken(token, "land.clerk");

        Pkcs11Tokens tokens = new Pkcs11Tokens(Map.of("LandMSP", token));
        SigningCredentials clerk = tokens.credentials("LandMSP", "land.clerk");
        assertEquals(certificate, clerk.certificate());
        assertNull(clerk.key().getEncoded(), "the key is a handle into the token");
        assertInstanceOf(HsmSigner.class, clerk.signer());
        assertSame(tokens.open("LandMSP"), tokens.open("LandMSP"), "each token is opened once");

        for (int i = 0; i < 10; i++) {
            byte[] proposal = ("proposal " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = clerk.signer().sign(MessageDigest.getInstance("SHA-256").digest(proposal));
            Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(proposal);
            assertTrue(verifier.verify(signature), "signature " + i + " verifies with the certificate's key");
        }

        GeneralSecurityException missing = assertThrows(GeneralSecurityException.class,
                () -> tokens.credentials("LandMSP", "land.registrar"));
        assertTrue(missing.getMessage().contains("'land.registrar'"), missing.getMessage());
        GeneralSecurityException noToken = assertThrows(GeneralSecurityException.class,
                () -> tokens.credentials("NotaryMSP", "notary.clerk"));
        assertTrue(noToken.getMessage().contains("NotaryMSP"), noToken.getMessage());
    }

    @Test
    void aPinFileOthersMayReadIsRefused() throws Exception {
        FabricConnectionConfig.Token token = SoftHsmTokens.newToken("NotaryMSP", dir);
        Files.setPosixFilePermissions(token.pinFile(), PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> new Pkcs11Tokens(Map.of("NotaryMSP", token)).open("NotaryMSP"));
        assertTrue(e.getMessage().contains(token.pinFile().toString()) && e.getMessage().contains("rw-r--r--")
                && e.getMessage().contains("chmod 0400"), e.getMessage());

        Files.setPosixFilePermissions(token.pinFile(), PosixFilePermissions.fromString("rw-------"));
        new Pkcs11Tokens(Map.of("NotaryMSP", token)).open("NotaryMSP");
    }

    /** A key pair generated in the token and a self-signed certificate stored beside it under {@code name}. */
    static X509Certificate keyAndCertificateInToken(FabricConnectionConfig.Token token, String name) throws Exception {
        Pkcs11Tokens.OpenToken open = Pkcs11Tokens.open(token);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", open.provider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Principal subject = new X500Principal("CN=" + name);
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.ONE, Date.from(Instant.now()), Date.from(Instant.now().plusSeconds(86400)), subject,
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(open.provider())
                .build(pair.getPrivate())));
        open.keyStore().setKeyEntry(name, pair.getPrivate(), null, new Certificate[] {certificate});
        return certificate;
    }
}
