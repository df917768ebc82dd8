package bt.druk.registry.interfaces.web.verify;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.infrastructure.config.Setting;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code /verify/proof/<sha256>.json} answers, decided without a server: a download, or a JSON error with its status. */
class ProofFileServletTest {

    final PortalHarness h = new PortalHarness();
    String publicBaseUrl;

    RecordVersion registered(String pin) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "t-42", "Thimphu", "Kawang", new BigDecimal("1.2500"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        h.submitter.submitDue();
        return h.pipeline.current("land-title:" + pin).orElseThrow();
    }

    @Test
    void aCommittedDocumentsProofIsAJsonDownloadThatReadsBackAsAProofReceipt() throws Exception {
        RecordVersion v1 = registered("PRF-1");
        Answer answer = get("/" + v1.hash() + ".json");

        assertEquals(200, answer.status);
        assertEquals("application/json", answer.contentType);
        assertEquals("UTF-8", answer.encoding);
        assertEquals("attachment; filename=\"druk-proof-" + v1.hash().substring(0, 16) + ".json\"", answer.headers.get("Content-Disposition"));
        assertEquals("no-store", answer.headers.get("Cache-Control"));
        assertEquals(answer.body.size(), answer.contentLength);
        ProofReceipt proof = ProofReceipt.parse(answer.text());
        assertEquals(v1.hash(), proof.sha256());
        assertEquals("land-title:PRF-1", proof.recordKey());
        assertEquals(v1.receipt().txId(), proof.txId());
        assertEquals("registry", proof.channel(), "the connection file's channel, or its default without one");
        assertEquals("http://10.0.0.7:8080/druk", proof.issuer());
        assertTrue(proof.offlineCheck().ok());
    }

    @Test
    void theConfiguredPublicBaseUrlIsTheIssuerAndUpperCaseHexIsAccepted() throws Exception {
        RecordVersion v1 = registered("PRF-2");
        publicBaseUrl = "https://registry.example.bt/";
        Answer answer = get("/" + v1.hash().toUpperCase() + ".json");
        assertEquals(200, answer.status);
        assertEquals("https://registry.example.bt", ProofReceipt.parse(answer.text()).issuer());
    }

    @Test
    void anUnknownDocumentIsA404AndOneWaitingForTheLedgerA409BothInJson() throws Exception {
        Answer unknown = get("/" + "ab".repeat(32) + ".json");
        assertEquals(404, unknown.status);
        assertEquals("application/json", unknown.contentType);
        assertEquals(404, unknown.json().getInt("status"));
        assertTrue(unknown.json().getString("error").contains("holds no document with SHA-256 " + "ab".repeat(32)));

        h.ledger.setDown(true);
        RecordVersion pending = registered("PRF-3");
        Answer waiting = get("/" + pending.hash() + ".json");
        assertEquals(409, waiting.status);
        assertEquals("application/json", waiting.contentType);
        assertTrue(waiting.json().getString("error").contains("still waiting for the ledger"), waiting.text());
    }

    @Test
    void pathsThatNameNoSha256AreA404InJson() throws Exception {
        for (String path : new String[] {null, "/", "/abc.json", "/" + "ab".repeat(32), "/" + "ab".repeat(32) + ".xml",
                "/../" + "ab".repeat(32) + ".json", "/" + "g".repeat(64) + ".json"}) {
            Answer answer = get(path);
            assertEquals(404, answer.status, String.valueOf(path));
            assertTrue(answer.json().getString("error").contains("/verify/proof/"), answer.text());
        }
    }

    Answer get(String pathInfo) throws Exception {
        ProofFileServlet servlet = new ProofFileServlet();
        servlet.verifier = h.documentVerifier;
        servlet.portalLedger = new PortalLedger();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    // The Host header a client sent: never in a link (the address the request arrived at is).
                    case "getScheme" -> "http";
                    case "getServerName" -> "forged.example";
                    case "getServerPort" -> 8080;
                    case "isSecure" -> false;
                    case "getLocalAddr" -> "10.0.0.7";
                    case "getLocalPort" -> 8080;
                    case "getContextPath" -> "/druk";
                    case "getSession" -> throw new AssertionError("a proof file needs no session");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Answer answer = new Answer();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setCharacterEncoding" -> answer.encoding = (String) args[0];
                        case "setContentLength" -> answer.contentLength = (Integer) args[0];
                        case "getOutputStream" -> {
                            return answer.output();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        if (publicBaseUrl != null) {
            System.setProperty(Setting.PUBLIC_BASE_URL.key(), publicBaseUrl);
        }
        try {
            servlet.doGet(request, response);
        } finally {
            System.clearProperty(Setting.PUBLIC_BASE_URL.key());
        }
        return answer;
    }

    static final class Answer {
        int status = 200;
        String contentType;
        String encoding;
        long contentLength = -1;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }

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
