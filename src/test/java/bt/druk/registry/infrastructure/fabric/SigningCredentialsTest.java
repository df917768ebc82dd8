package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningCredentialsTest {

    @TempDir
    static Path dir;
    static Path connection;

    /** A PKCS#12 store made by the JDK's keytool, as deploy/network.sh makes the portal's, and a connection file naming it. */
    @BeforeAll
    static void keyStore() throws Exception {
        Path store = dir.resolve("portal-keys.p12");
        Path passwordFile = dir.resolve("portal-keys.pass");
        Files.writeString(passwordFile, "s3cret-for-test\n");
        for (String alias : new String[] {"land.clerk", "inspector"}) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", alias, "-dname", "CN=" + alias,
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "s3cret-for-test", "-validity", "2")
                    .redirectErrorStream(true).start();
            assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        connection = dir.resolve("connection.json");
        Files.writeString(connection, """
                {"channel": "registry",
                 "keyStore": {"path": "%s", "type": "PKCS12", "passwordFile": "%s"},
                 "peers": {},
                 "identities": {"land.clerk": {"mspId": "LandMSP", "certificate": "/nowhere/cert.pem", "privateKey": "/nowhere/key.pem"}}}
                """.formatted(store, passwordFile));
    }

    @Test
    void theKeyOfAnIdentityComesFromTheKeyStoreUnderItsNameAndSignsForItsCertificate() throws Exception {
        FabricConnectionConfig config = FabricConnectionConfig.read(connection);
        SigningCredentials clerk = SigningCredentials.fromKeyStore(config.keyStore().orElseThrow(), "land.clerk");
        assertEquals("CN=land.clerk", clerk.certificate().getSubjectX500Principal().getName());

        byte[] proposal = "a proposal".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(clerk.key());
        signer.update(proposal);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(clerk.certificate());
        verifier.update(proposal);
        assertTrue(verifier.verify(signature), "the stored key belongs to the stored certificate");
    }

    @Test
    void anIdentityMissingFromTheStoreIsAClearError() throws Exception {
        FabricConnectionConfig config = FabricConnectionConfig.read(connection);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> SigningCredentials.fromKeyStore(config.keyStore().orElseThrow(), "notary.clerk"));
        assertTrue(e.getMessage().contains("'notary.clerk'"), e.getMessage());
    }

    @Test
    void aWrongPasswordDoesNotOpenTheStore() throws Exception {
        FabricConnectionConfig.KeyStoreFile store = FabricConnectionConfig.read(connection).keyStore().orElseThrow();
        Path wrong = dir.resolve("wrong.pass");
        Files.writeString(wrong, "guess");
        assertThrows(java.io.IOException.class, () -> SigningCredentials.fromKeyStore(
                new FabricConnectionConfig.KeyStoreFile(store.path(), store.type(), wrong), "land.clerk"));
    }
}
