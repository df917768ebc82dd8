package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandCertificateRendererTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String PREVIOUS = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final String URL = "http://127.0.0.1:18080/druk-registry/records/land.xhtml?pin=TH-1001";

    private static LandCertificate certificate(boolean full) {
        List<LandCertificate.Owner> owners = full
                ? List.of(new LandCertificate.Owner("Karma Wangchuk", "10101000123", "1/2", "000102030405060708090a0b0c0d0e0f"),
                        new LandCertificate.Owner("Pema Choden", "10101000456", "1/2", "ffeeddccbbaa99887766554433221100"))
                : List.of(new LandCertificate.Owner("Ka*** Wa******", null, "1/2", null),
                        new LandCertificate.Owner("Pe** Ch****", null, "1/2", null));
        return new LandCertificate(full, "TH-1001", "THR-77", "Thimphu", "Chang", "0.25 acres", "Dry land (Kamzhing)",
                "Registered", owners, List.of("Mortgage M-1 in favour of Bank of Bhutan, registered 1 May 2026"), null,
                "land-title:TH-1001", 2, HASH, PREVIOUS,
                new ReceiptView("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", 17,
                        Instant.parse("2026-05-01T10:15:30Z"), List.of("AuditMSP", "LandMSP")),
                URL, Instant.parse("2026-05-02T08:00:00Z"), full ? "land.clerk (THIMPHU)" : null);
    }

    @Test
    void lagthramPrintsParcelOwnersHashAndReceipt() throws Exception {
        byte[] pdf = new LandCertificateRenderer().render(certificate(true));
        java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("druk.build.dir", "target"), "certificate-sample.pdf");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, pdf);

        assertTrue(PdfProbe.isPdf(pdf));
        assertEquals(1, PdfProbe.pages(pdf), "a certificate fits on one page");
        String text = PdfProbe.text(pdf);
        assertTrue(text.contains("Lagthram"), text);
        assertTrue(text.contains("TH-1001"));
        assertTrue(text.contains("Karma Wangchuk"));
        assertTrue(text.contains("10101000123"), "the owner's lagthram carries the CID");
        assertTrue(text.contains("000102030405060708090a0b0c0d0e0f"), "and the owner's proof salt");
        String compact = text.replaceAll("\\s+", "");
        assertTrue(compact.contains(HASH), "long hashes may wrap inside their cell");
        assertTrue(compact.contains(PREVIOUS));
        assertTrue(text.contains("AuditMSP, LandMSP"));
        assertTrue(text.contains("Bank of Bhutan"));
    }

    @Test
    void publicExtractHasMaskedNamesAndNoCid() throws Exception {
        byte[] pdf = new LandCertificateRenderer().render(certificate(false));
        String text = PdfProbe.text(pdf);
        assertTrue(text.contains("Public Extract"));
        assertTrue(text.contains("Ka*** Wa******"));
        assertFalse(text.contains("10101000123"));
        assertFalse(text.contains("salt"), "no owner proof on a public extract");
        assertFalse(text.contains("Karma Wangchuk"));
        assertFalse(text.contains("CID\n"), "no CID column on a public extract");
    }

    @Test
    void qrCodeOpensThePublicRecordPage() throws Exception {
        byte[] pdf = new LandCertificateRenderer().render(certificate(true));
        assertEquals(URL, PdfProbe.qrText(pdf));
    }
}
