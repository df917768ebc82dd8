package bt.druk.registry.interfaces.web.certificate;

import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.infrastructure.config.Setting;
import bt.druk.registry.interfaces.web.BundleMessages;
import bt.druk.registry.interfaces.web.Labels;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import bt.druk.registry.testing.PortalHarness;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The notarial certificate from a notarisation on the harness's fake ledger, through the servlet. */
class NotarialCertificateTest {

    static final String BASE = "http://127.0.0.1:18080/druk-registry";
    static final CertificateSigner SIGNER = CertificateSeal.temporary("Notary register (test)");

    final PortalHarness h = new PortalHarness();
    final StoredFile file = stored("%PDF-1.4 power of attorney, Paro");

    static StoredFile stored(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new StoredFile(CanonicalJson.sha256Hex(content), bytes.length, FileType.PDF, "poa-kinley-wangmo.pdf");
    }

    String register(StoredFile f) {
        SubmissionAck ack = h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.POWER_OF_ATTORNEY,
                LocalDate.of(2025, 10, 30), List.of(new PartyText("Kinley Wangmo", "10705001234"),
                        new PartyText("Druk Trading Pvt. Ltd.", null))), f.sha256(), f);
        return ack.recordKey().substring("notarisation:".length());
    }

    @Test
    void theCertificatePrintsTheDocumentHashTheReceiptAndNoPersonalData() throws Exception {
        String id = register(file);
        h.submitter.submitDue();
        Answer answer = get("/" + id + ".pdf");
        assertEquals(200, answer.status);
        assertEquals("application/pdf", answer.contentType);
        byte[] pdf = answer.body.toByteArray();
        assertTrue(PdfProbe.isPdf(pdf));
        assertEquals(1, PdfProbe.pages(pdf), "a certificate fits on one page");
        try (PDDocument signed = Loader.loadPDF(pdf)) {
            assertEquals(1, signed.getSignatureDictionaries().size(), "the servlet hands it out signed");
            assertEquals("Notary register (test)", signed.getSignatureDictionaries().get(0).getName());
        }
        String text = PdfProbe.text(pdf);
        String compact = text.replaceAll("\\s+", "");
        assertTrue(text.contains("Notarial Certificate"), text);
        assertTrue(text.contains(id) && text.contains("Power of attorney") && text.contains("THIMPHU") && text.contains("2025-10-30"), text);
        assertTrue(compact.contains(file.sha256()), "the document's SHA-256 (long hashes may wrap): " + text);
        assertTrue(text.contains("Registered"), text);
        var receipt = h.notaryQueries.notarisation(id).orElseThrow().versions().get(0).receipt();
        assertTrue(compact.contains(receipt.txId()), "the transaction id: " + text);
        assertTrue(text.contains(String.join(", ", receipt.endorsingMspIds())), "the endorsing organisations: " + text);
        assertFalse(text.contains("Kinley") || text.contains("10705001234") || text.contains("poa-kinley"),
                "no party names, CIDs or the file's name: " + text);
        assertTrue(text.contains("Parties") && text.contains("2 (named in the registry"), text);
    }

    @Test
    void theQrCodeOpensThePublicVerifyPageForTheDocumentHash() throws Exception {
        String id = register(file);
        h.submitter.submitDue();
        byte[] pdf = get("/" + id + ".pdf").body.toByteArray();
        assertEquals(BASE + "/verify.xhtml?hash=" + file.sha256(), PdfProbe.qrText(pdf));
    }

    @Test
    void aRevokedNotarisationsCertificateSaysSoWithTheReason() throws Exception {
        String id = register(file);
        h.submitter.submitDue();
        h.notary.revoke(NOTARY_CLERK, id, 1, "Signed under a mistaken identity of the notary");
        h.submitter.submitDue();
        String text = PdfProbe.text(get("/" + id + ".pdf").body.toByteArray());
        assertTrue(text.contains("Revoked: Signed under a mistaken identity of the notary"), text);
    }

    @Test
    void notYetOnTheLedgerIsAConflictAndUnknownOrMalformedNumbersAreNotFound() throws Exception {
        String id = register(file);
        assertEquals(409, get("/" + id + ".pdf").status, "the certificate prints a receipt");
        assertEquals(404, get("/2025-999999.pdf").status);
        for (String path : new String[] {null, "/", "/" + id, "/../" + id + ".pdf", "/2025-1.pdf", "/" + id + ".pdf/x"}) {
            assertEquals(404, get(path).status, String.valueOf(path));
        }
    }

    Answer get(String pathInfo) throws Exception {
        NotarialCertificateServlet servlet = new NotarialCertificateServlet();
        servlet.queries = h.notaryQueries;
        servlet.clock = h.clock;
        servlet.seal = new CertificateSeal(SIGNER, h.clock);
        Labels labels = new Labels();
        var field = Labels.class.getDeclaredField("messages");
        field.setAccessible(true);
        field.set(labels, new BundleMessages());
        servlet.labels = labels;
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Answer answer = new Answer();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendError", "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setContentLength" -> answer.contentLength = (Integer) args[0];
                        case "getOutputStream" -> {
                            return answer.output();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        System.setProperty(Setting.PUBLIC_BASE_URL.key(), BASE + "/");
        try {
            servlet.doGet(request, response);
        } finally {
            System.clearProperty(Setting.PUBLIC_BASE_URL.key());
        }
        if (answer.status == 409) {
            assertEquals("certificate.notCommitted", attributes.get("druk.error.key"));
        }
        return answer;
    }

    static final class Answer {
        int status = 200;
        String contentType;
        int contentLength = -1;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        ServletOutputStream output() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
        }
    }
}
