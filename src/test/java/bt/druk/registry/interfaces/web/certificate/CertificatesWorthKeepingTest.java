package bt.druk.registry.interfaces.web.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.ReceiptView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every kind of certificate (lagthram, public extract, notarial certificate, bid-opening report) is
 * PDF/A-1b and signed, as its servlet hands it out: rendered, then sealed. Outside judges: veraPDF validates PDF/A; the signature is checked by PDFBox
 * (which did not make it: OpenPDF did) with Bouncy Castle over the bytes PDFBox names, and by
 * Poppler's {@code pdfsig} (NSS), which is what a PDF reader does. {@code pdftotext} gives the
 * Dzongkha headings back. Debian: poppler-utils (.ci/run installs it).
 */
class CertificatesWorthKeepingTest {

    private static final Instant ISSUED = Instant.parse("2026-05-02T08:00:00Z");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ReceiptView RECEIPT = new ReceiptView("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", 17,
            Instant.parse("2026-05-01T10:15:30Z"), List.of("AuditMSP", "LandMSP"));

    private static CertificateSigner signer;
    private static CertificateSeal seal;

    @BeforeAll
    static void key() {
        signer = CertificateSeal.temporary("National Land Commission (test)");
        seal = new CertificateSeal(signer, Clock.fixed(ISSUED, ZoneOffset.UTC));
        VeraGreenfieldFoundryProvider.initialise();
    }

    static LandCertificate land(boolean full) {
        return new LandCertificate(full, "CHA2-0315", "THR-315", "Thimphu", "Chang", "0.25 acres", "Dry land (Kamzhing)",
                "Registered", List.of(new LandCertificate.Owner(full ? "ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo" : "ཀུན་**** Ki**** Wa****",
                        full ? "10101000123" : null, "1", "000102030405060708090a0b0c0d0e0f")),
                List.of("Mortgage to Bank of Bhutan, Nu. 1,200,000"), null, "land-title:CHA2-0315", 2, HASH, HASH.replace('9', '8'),
                RECEIPT, "http://127.0.0.1:8080/records/land.xhtml?pin=CHA2-0315", ISSUED, full ? "land.clerk (THIMPHU)" : null);
    }

    static NotarialCertificate notarial() {
        return new NotarialCertificate("2026-000001", "Power of attorney", "Thimphu notary office", LocalDate.of(2026, 4, 30),
                "Notarised", null, null, HASH, "application/pdf", 48_213, 2, "notarisation:2026-000001", 1, HASH, RECEIPT,
                "http://127.0.0.1:8080/verify.xhtml?hash=" + HASH, "http://127.0.0.1:8080/notary/notarisation.xhtml?id=2026-000001",
                ISSUED);
    }

    static BidOpeningReport bidOpening() {
        ReceiptView opened = new ReceiptView(HASH.replace('a', 'b'), 55, Instant.parse("2026-03-15T06:30:05Z"),
                List.of("AuditMSP", "ProcurementMSP"));
        BidOpeningReport.Bid valid = new BidOpeningReport.Bid(1, HASH, Instant.parse("2026-03-10T10:00:00Z"), opened,
                null, true, "ཀུན་ལེགས་ Construction", "CDB-4471", new BigDecimal("11800000.00"), opened, "opened", null);
        BidOpeningReport.Bid invalid = new BidOpeningReport.Bid(2, HASH.replace('0', '1'), Instant.parse("2026-03-11T10:00:00Z"),
                opened, null, false, "Yangphel Construction", "CDB-4472", null, opened, "invalid", "malformed");
        return new BidOpeningReport("DES/2026/007", "ocds-drk001-2026-0007", "Dochula road resurfacing", "Department of Engineering Services",
                "Open", "Works", new BigDecimal("12500000.00"), Instant.parse("2026-03-15T06:00:00Z"), "Awarded", opened,
                List.of(valid, invalid), new BidOpeningReport.Award(1, "ཀུན་ལེགས་ Construction", "CDB-4471", new BigDecimal("11800000.00"), opened),
                "tender:ocds-drk001-2026-0007", 4, HASH, "http://127.0.0.1:8080/tenders/tender.xhtml?ocid=ocds-drk001-2026-0007", ISSUED,
                List.of(new BidOpeningReport.OpeningLine("bid:ocds-drk001-2026-0007:1 valid 11800000.00 BTN", "ཀུན་ལེགས་ Construction"),
                        new BidOpeningReport.OpeningLine("bid:ocds-drk001-2026-0007:2 invalid malformed", "Yangphel Construction")));
    }

    private static List<Arguments> certificates;

    /** Each certificate type as its servlet hands it out, with the Dzongkha and English title it must carry (made once). */
    static synchronized Stream<Arguments> certificates() {
        if (certificates == null) {
            certificates = render();
        }
        return certificates.stream();
    }

    private static List<Arguments> render() {
        return List.of(
                Arguments.of("lagthram", seal.seal(new LandCertificateRenderer().render(land(true)), "Lagthram"),
                        "ལག་ཐམ།", "Lagthram"),
                Arguments.of("public-extract", seal.seal(new LandCertificateRenderer().render(land(false)), "Public extract"),
                        "མི་མང་གི་ཐོ་ཚིག", "Public Extract"),
                Arguments.of("notarial", seal.seal(new NotarialCertificateRenderer().render(notarial()), "Notarial certificate"),
                        "བདེན་དཔང་ལག་ཁྱེར།", "Notarial Certificate"),
                Arguments.of("bid-opening", seal.seal(new BidOpeningReportRenderer().render(bidOpening()), "Bid-opening report"),
                        "རིན་འབུལ་ཁ་ཕྱེ་བའི་སྙན་ཞུ།", "Bid-Opening Report"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void eachCertificateIsPdfA1bByVeraPdf(String name, byte[] pdf, String dzongkha, String english) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                    .distinct().toList();
            assertTrue(result.isCompliant(), name + " fails PDF/A-1b: " + failed);
            assertEquals(PDFAFlavour.PDFA_1_B, result.getPDFAFlavour());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void eachCertificateCarriesOnePadesSignatureOverTheWholeFileThatPdfBoxAndBouncyCastleVerify(String name, byte[] pdf,
            String dzongkha, String english) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size(), name);
            PDSignature signature = signatures.get(0);
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            int[] range = signature.getByteRange();
            assertEquals(0, range[0], "signed from the first byte");
            assertEquals(pdf.length, range[2] + range[3], "signed to the last byte: nothing was appended after signing");

            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), signature.getContents(pdf));
            SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signerInfo.getSID());
            X509Certificate embedded = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(matches.iterator().next().getEncoded()));
            assertArrayEquals(signer.certificate().getEncoded(), embedded.getEncoded(), "the agency's certificate is in the signature");
            assertTrue(signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(embedded)), name + ": the signature verifies");
            assertTrue(signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null,
                    "PAdES binds the signer's certificate (signing-certificate-v2)");
            assertEquals(null, signerInfo.getSignedAttributes().get(CMSAttributes.signingTime),
                    "PAdES takes the signing time from the dictionary, not the CMS");
            assertEquals(ISSUED, signature.getSignDate().toInstant());

            byte[] changed = pdf.clone();
            int inside = range[1] / 2;
            changed[inside] = (byte) (changed[inside] ^ 0x20);
            SignerInformation again = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(changed)),
                    signature.getContents(pdf)).getSignerInfos().getSigners().iterator().next();
            assertFalse(verifies(again, embedded), name + ": one changed byte breaks the signature");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void popplersPdfsigFindsTheSignatureValidAndTheDocumentUnchanged(String name, byte[] pdf, String dzongkha, String english)
            throws Exception {
        Path file = write(name + "-signed.pdf", pdf);
        String out = run("pdfsig", file.toString());
        assertTrue(out.contains("Signature Validation: Signature is Valid."), out);
        assertTrue(out.contains("Signer Certificate Common Name: National Land Commission (test)"), out);
        assertTrue(out.contains("The signature form field is signed") || out.contains("Total document signed"), out);
        assertTrue(out.contains("ETSI.CAdES.detached") || out.contains("PAdES"), out);

        byte[] changed = pdf.clone();
        int at = indexOf(changed, "/Creator") + 1;
        changed[at] = 'c';
        String broken = run("pdfsig", write(name + "-changed.pdf", changed).toString());
        assertFalse(broken.contains("Signature Validation: Signature is Valid."), broken);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void theTitleIsPrintedInDzongkhaAndEnglishAndPdftotextGivesBothBack(String name, byte[] pdf, String dzongkha, String english)
            throws Exception {
        String text = run("pdftotext", "-enc", "UTF-8", write(name + "-signed.pdf", pdf).toString(), "-");
        assertTrue(text.contains(dzongkha), text);
        assertTrue(text.contains(english), text);
        assertTrue(text.contains("འབྲུག་རྒྱལ་ཁབ།"), "Kingdom of Bhutan in Dzongkha: " + text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(document).contains(dzongkha), "PDFBox reads it too");
        }
    }

    private static boolean verifies(SignerInformation info, X509Certificate certificate) {
        try {
            return info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (Exception e) {
            return false;
        }
    }

    private static int indexOf(byte[] data, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        Path file = Path.of(System.getProperty("druk.build.dir", "target"), "certificates", name).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        return file;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(Arrays.asList(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        return new String(out, StandardCharsets.UTF_8);
    }
}
