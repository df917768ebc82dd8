package bt.druk.registry.interfaces.web.ocds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.ocds.OcdsExport;
import bt.druk.registry.application.procurement.ocds.OcdsLinks;
import bt.druk.registry.infrastructure.config.Setting;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the OCDS URLs answer, decided without a server: JSON, ETag on the content, 404s in JSON, never a session. */
class OcdsServletTest {

    static final String OCID = "ocds-drk001-2026-0007";

    /** Answers for one known tender, echoing the base URL it was given. */
    final List<String> asked = new ArrayList<>();
    String bulkTag = "ab".repeat(32);
    boolean bulkPublished = true;
    final OcdsExport export = new OcdsExport() {
        @Override
        public Optional<JsonObject> releasePackage(String ocid, OcdsLinks links) {
            asked.add("releases " + ocid);
            return known(ocid, links.releasePackage(ocid));
        }

        @Override
        public Optional<JsonObject> recordPackage(String ocid, OcdsLinks links) {
            asked.add("record " + ocid);
            return known(ocid, links.recordPackage(ocid));
        }

        @Override
        public String bulkTag(OcdsLinks links) {
            asked.add("bulk tag");
            return bulkTag;
        }

        @Override
        public Optional<StreamedPackage> bulkReleasePackage(OcdsLinks links) {
            asked.add("bulk");
            return bulkPublished ? Optional.of(out -> {
                out.write(OcdsServlet.bytes(Json.createObjectBuilder().add("uri", links.bulkReleasePackage()).build()));
                out.close();
            }) : Optional.empty();
        }

        private Optional<JsonObject> known(String ocid, String uri) {
            return OCID.equals(ocid) ? Optional.of(Json.createObjectBuilder().add("uri", uri).add("ocid", "ཀ " + ocid).build())
                    : Optional.empty();
        }
    };

    @Test
    void aTendersReleasePackageIsJsonWithAnEtagOnItsBytesAndPublicCaching() throws Exception {
        Answer answer = get("/ocds/releases", "/" + OCID + ".json", null);

        assertEquals(200, answer.status);
        assertEquals("application/json", answer.contentType);
        assertEquals("UTF-8", answer.encoding);
        JsonObject body = answer.json();
        assertEquals("http://10.0.0.7:8080/druk/ocds/releases/" + OCID + ".json", body.getString("uri"));
        assertEquals("ཀ " + OCID, body.getString("ocid"), "UTF-8 bytes");
        assertEquals(answer.body.size(), answer.contentLength);
        assertEquals("\"" + sha256(answer.body.toByteArray()) + "\"", answer.headers.get("ETag"));
        assertEquals("public, max-age=60", answer.headers.get("Cache-Control"));
        assertEquals("*", answer.headers.get("Access-Control-Allow-Origin"));
        assertEquals("nosniff", answer.headers.get("X-Content-Type-Options"));
        assertEquals(List.of("releases " + OCID), asked);
    }

    @Test
    void theRecordPackageAndTheBulkPackageHaveTheirOwnUrls() throws Exception {
        assertEquals("http://10.0.0.7:8080/druk/ocds/records/" + OCID + ".json",
                get("/ocds/records", "/" + OCID + ".json", null).json().getString("uri"));
        assertEquals("http://10.0.0.7:8080/druk/ocds/releases.json", get("/ocds/releases.json", null, null).json().getString("uri"));
        assertEquals(List.of("record " + OCID, "bulk tag", "bulk"), asked);
    }

    @Test
    void theBulkPackageIsStreamedUnderTheTagTheRegisterGivesIt() throws Exception {
        Answer answer = get("/ocds/releases.json", null, null);

        assertEquals(200, answer.status);
        assertEquals("application/json", answer.contentType);
        assertEquals("UTF-8", answer.encoding);
        assertEquals(-1, answer.contentLength, "not known before it is written");
        assertEquals("\"" + bulkTag + "\"", answer.headers.get("ETag"));
        assertEquals("public, max-age=60", answer.headers.get("Cache-Control"));
        assertEquals("*", answer.headers.get("Access-Control-Allow-Origin"));
        assertEquals("nosniff", answer.headers.get("X-Content-Type-Options"));
    }

    @Test
    void aClientWithTheBulkPackagesTagGetsNotModifiedAndNothingIsRead() throws Exception {
        Answer again = get("/ocds/releases.json", null, "W/\"" + bulkTag + "\"");

        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        assertEquals("\"" + bulkTag + "\"", again.headers.get("ETag"));
        assertEquals(List.of("bulk tag"), asked, "no release is read for a 304");
        bulkTag = "cd".repeat(32);
        assertEquals(200, get("/ocds/releases.json", null, "\"" + "ab".repeat(32) + "\"").status, "a version changed since");
    }

    @Test
    void noPublishedReleaseIsA404InJsonWithoutATag() throws Exception {
        bulkPublished = false;
        Answer answer = get("/ocds/releases.json", null, null);
        assertEquals(404, answer.status);
        assertEquals("No release is published yet", answer.json().getString("error"));
        assertEquals(null, answer.headers.get("ETag"));
        assertEquals("no-cache", answer.headers.get("Cache-Control"));
    }

    @Test
    void theConfiguredPublicBaseUrlWinsOverTheRequest() throws Exception {
        System.setProperty(Setting.PUBLIC_BASE_URL.key(), "https://registry.example.bt/");
        try {
            assertEquals("https://registry.example.bt/ocds/releases/" + OCID + ".json",
                    get(servlet(), "/ocds/releases", "/" + OCID + ".json", null).json().getString("uri"));
        } finally {
            System.clearProperty(Setting.PUBLIC_BASE_URL.key());
        }
    }

    @Test
    void aClientThatHasTheSameBytesGetsNotModified() throws Exception {
        String etag = get("/ocds/releases", "/" + OCID + ".json", null).headers.get("ETag");
        Answer again = get("/ocds/releases", "/" + OCID + ".json", etag);
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        assertEquals(etag, again.headers.get("ETag"));
        assertEquals(200, get("/ocds/releases", "/" + OCID + ".json", "\"" + "0".repeat(64) + "\"").status);
    }

    @Test
    void anUnknownOcidIsA404InJsonNotTheHtmlErrorPage() throws Exception {
        Answer answer = get("/ocds/releases", "/ocds-drk001-2026-9999.json", null);
        assertEquals(404, answer.status);
        assertEquals("application/json", answer.contentType);
        assertEquals("No published tender has the OCID ocds-drk001-2026-9999", answer.json().getString("error"));
        assertEquals(404, get("/ocds/records", "/ocds-drk001-2026-9999.json", null).status);
    }

    @Test
    void pathsThatAreNoOcidAreNotFoundWithoutAskingTheRegister() throws Exception {
        for (String path : new String[] {null, "/", "/" + OCID, "/" + OCID + ".xml", "/../" + OCID + ".json", "/a/" + OCID + ".json",
                "/.json", "/-x.json"}) {
            assertEquals(404, get("/ocds/releases", path, null).status, String.valueOf(path));
            assertEquals(404, get("/ocds/records", path, null).status, String.valueOf(path));
        }
        assertEquals(List.of(), asked);
    }

    @Test
    void theLedgerExtensionIsServedWithItsSchemaPatchAndDocumentation() throws Exception {
        Answer extension = get("/ocds/extensions", "/druk-ledger/extension.json", null);
        assertEquals(200, extension.status);
        assertEquals("http://10.0.0.7:8080/druk/ocds/extensions/druk-ledger/README.md",
                extension.json().getJsonObject("documentationUrl").getString("en"));
        Answer schema = get("/ocds/extensions", "/druk-ledger/release-schema.json", null);
        assertEquals("application/json", schema.contentType);
        try (InputStream in = getClass().getResourceAsStream("/bt/druk/registry/ocds/druk-ledger/release-schema.json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), schema.body.toString(StandardCharsets.UTF_8));
        }
        Answer readme = get("/ocds/extensions", "/druk-ledger/README.md", null);
        assertEquals("text/markdown", readme.contentType);
        assertTrue(readme.body.toString(StandardCharsets.UTF_8).contains("drukLedger"));
        for (String path : new String[] {"/druk-ledger/", "/druk-ledger/../ocds/druk-ledger/README.md", "/bids/extension.json",
                "/druk-ledger/other.json"}) {
            assertEquals(404, get("/ocds/extensions", path, null).status, path);
        }
    }

    OcdsServlet servlet() {
        OcdsServlet servlet = new OcdsServlet();
        servlet.export = export;
        return servlet;
    }

    Answer get(String servletPath, String pathInfo, String ifNoneMatch) throws Exception {
        return get(servlet(), servletPath, pathInfo, ifNoneMatch);
    }

    Answer get(OcdsServlet servlet, String servletPath, String pathInfo, String ifNoneMatch) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> "If-None-Match".equalsIgnoreCase((String) args[0]) ? ifNoneMatch : null;
                    // The Host header a client sent: never in a link (the address the request arrived at is).
                    case "getScheme" -> "http";
                    case "getServerName" -> "forged.example";
                    case "getServerPort" -> 8080;
                    case "isSecure" -> false;
                    case "getLocalAddr" -> "10.0.0.7";
                    case "getLocalPort" -> 8080;
                    case "getContextPath" -> "/druk";
                    case "getSession" -> throw new AssertionError("open data needs no session");
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
        servlet.doGet(request, response);
        return answer;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static final class Answer {
        int status = 200;
        String contentType;
        String encoding;
        long contentLength = -1;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body.toString(StandardCharsets.UTF_8)))) {
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
