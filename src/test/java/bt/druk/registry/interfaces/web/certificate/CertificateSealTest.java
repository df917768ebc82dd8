package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key comes from a PKCS #12 keystore made the way {@code deploy/up.sh} makes the demo
 * one (the JDK's keytool); a keystore that cannot be used stops with a message that names it.
 */
class CertificateSealTest {

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void demoKeyAsUpShMakesIt() throws Exception {
        keystore = dir.resolve("certificate-signing.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-noprompt", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "s3cret-demo", "-alias", "druk-certificates",
                "-keyalg", "RSA", "-keysize", "3072", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-ext", "KeyUsage=digitalSignature,nonRepudiation",
                "-dname", "CN=Druk Registry demo certificate key, O=Druk Registry demo (not a government key), C=BT")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), out);
    }

    @Test
    void aConfiguredKeystoreSignsWithItsKeyAndNamesItsHolder() throws Exception {
        CertificateSigner signer = CertificateSeal.load(keystore.toString(), "s3cret-demo", null);
        assertEquals("Druk Registry demo certificate key", signer.signerName());

        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        CertificateSeal seal = new CertificateSeal(signer, Clock.fixed(now, ZoneOffset.UTC));
        byte[] pdf = seal.seal(new NotarialCertificateRenderer().render(CertificatesWorthKeepingTest.notarial()), "Notarial certificate 2026-000001");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size());
            assertEquals("Druk Registry demo certificate key", signatures.get(0).getName());
            assertEquals("Notarial certificate 2026-000001", signatures.get(0).getReason());
            assertEquals(now, signatures.get(0).getSignDate().toInstant());
        }
    }

    @Test
    void theAliasPicksTheKeyAndAnUnknownOneIsNamed() {
        assertEquals("Druk Registry demo certificate key",
                CertificateSeal.load(keystore.toString(), "s3cret-demo", "druk-certificates").signerName());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CertificateSeal.load(keystore.toString(), "s3cret-demo", "someone-else"));
        assertTrue(e.getMessage().contains("someone-else") && e.getMessage().contains(keystore.toString()), e.getMessage());
    }

    @Test
    void aWrongPasswordOrAMissingFileStopsWithTheKeystoresName() throws Exception {
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> CertificateSeal.load(keystore.toString(), "not-the-password", null));
        assertTrue(wrong.getMessage().startsWith("the certificate keystore " + keystore + " cannot be read"), wrong.getMessage());

        Path missing = dir.resolve("absent.p12");
        assertTrue(Files.notExists(missing));
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> CertificateSeal.load(missing.toString(), "x", null));
        assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());
    }

    @Test
    void withoutAKeystoreTheSignerSaysItsKeyIsTemporary() {
        assertEquals("Druk Registry (temporary key, not configured)", CertificateSeal.load(null, "", null).signerName());
        assertEquals("Druk Registry (temporary key, not configured)", CertificateSeal.load("  ", "", null).signerName());
    }
}
