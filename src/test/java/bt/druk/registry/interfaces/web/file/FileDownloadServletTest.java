package bt.druk.registry.interfaces.web.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bt.druk.registry.domain.file.FileContent;
import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.PublicFilePolicy;
import bt.druk.registry.domain.file.StoredFile;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code GET /files/<sha256>} answers, decided without a server. */
class FileDownloadServletTest {

    static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String TENDER_DOC = "ab12".repeat(16);
    static final String NOTARISED_DOC = "cd34".repeat(16);

    final OneFileStore files = new OneFileStore(Set.of(TENDER_DOC, NOTARISED_DOC));
    final PublicFilePolicy tenders = sha -> sha.equals(TENDER_DOC);
    final PublicFilePolicy notarisations = sha -> false;

    @Test
    void aFileSomeRegisterSaysIsPublicIsServedAsAnImmutableAttachmentOfItsRealType() throws Exception {
        Answer answer = get("/" + TENDER_DOC, null, List.of(notarisations, tenders));

        assertEquals(200, answer.status);
        assertArrayEquals(PDF, answer.body.toByteArray());
        assertEquals("application/pdf", answer.contentType);
        assertEquals(PDF.length, answer.contentLength);
        assertEquals("nosniff", answer.headers.get("X-Content-Type-Options"));
        assertEquals("public, max-age=31536000, immutable", answer.headers.get("Cache-Control"));
        assertEquals("\"" + TENDER_DOC + "\"", answer.headers.get("ETag"));
        assertEquals("attachment; filename=\"document-ab12ab12ab12.pdf\"; filename*=UTF-8''document-ab12ab12ab12.pdf",
                answer.headers.get("Content-Disposition"));
        assertEquals(List.of(), files.stillOpen);
    }

    @Test
    void aStoredFileNoRegisterVouchesForIsNotFoundJustLikeAHashThatIsNotStored() throws Exception {
        assertEquals(404, get("/" + NOTARISED_DOC, null, List.of(notarisations, tenders)).status);
        assertEquals(404, get("/" + "3".repeat(64), null, List.of(sha -> true)).status);
        assertEquals(404, get("/" + TENDER_DOC, null, List.of()).status, "no register installed: nothing is public");
        assertEquals(List.of(), files.opened, "a private file is never even opened");
    }

    @Test
    void anythingButALowercaseHashIsNotFound() throws Exception {
        List<PublicFilePolicy> everythingPublic = List.of(sha -> true);
        for (String path : new String[] {null, "/", "/" + TENDER_DOC.toUpperCase(), "/" + TENDER_DOC + ".pdf", "/../" + TENDER_DOC,
                "/" + TENDER_DOC.substring(1)}) {
            assertEquals(404, get(path, null, everythingPublic).status, String.valueOf(path));
        }
    }

    @Test
    void aPolicyThatFailsCountsAsNoAndTheOthersAreStillAsked() throws Exception {
        PublicFilePolicy broken = sha -> {
            throw new IllegalStateException("database down");
        };
        assertEquals(404, get("/" + TENDER_DOC, null, List.of(broken)).status);
        assertEquals(200, get("/" + TENDER_DOC, null, List.of(broken, tenders)).status);
    }

    @Test
    void theRegistersNameIsOfferedWithTheExtensionOfTheRealKind() throws Exception {
        PublicFilePolicy named = new PublicFilePolicy() {
            @Override
            public boolean isPublic(String sha256) {
                return true;
            }

            @Override
            public Optional<String> downloadName(String sha256) {
                return Optional.of("བཀོད་རྒྱ \"tender\".html");
            }
        };
        Answer answer = get("/" + TENDER_DOC, null, List.of(named));
        assertEquals("attachment; filename=\"________ _tender_.html.pdf\"; "
                        + "filename*=UTF-8''%E0%BD%96%E0%BD%80%E0%BD%BC%E0%BD%91%E0%BC%8B%E0%BD%A2%E0%BE%92%E0%BE%B1%20%22tender%22.html.pdf",
                answer.headers.get("Content-Disposition"));
        assertEquals("Tender.PDF", FileDownloadServlet.downloadName("Tender.PDF", FileType.PDF, TENDER_DOC));
        assertEquals("scan.jpeg", FileDownloadServlet.downloadName("scan.jpeg", FileType.JPEG, TENDER_DOC));
        assertEquals("scan.png.jpg", FileDownloadServlet.downloadName("scan.png", FileType.JPEG, TENDER_DOC));
    }

    @Test
    void aBrowserThatHasTheFileAlreadyGetsNotModified() throws Exception {
        Answer answer = get("/" + TENDER_DOC, "\"" + TENDER_DOC + "\"", List.of(tenders));
        assertEquals(304, answer.status);
        assertEquals(0, answer.body.size());
        assertNull(answer.contentType);
        assertEquals(List.of(), files.stillOpen);
    }

    Answer get(String pathInfo, String ifNoneMatch, List<PublicFilePolicy> policies) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> "If-None-Match".equalsIgnoreCase((String) args[0]) ? ifNoneMatch : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Answer answer = new Answer();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendError", "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setContentLengthLong" -> answer.contentLength = (Long) args[0];
                        case "getOutputStream" -> {
                            return answer.output();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        FileDownloadServlet.serve(request, response, files, policies);
        return answer;
    }

    static final class Answer {
        int status = 200;
        String contentType;
        long contentLength = -1;
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

    /** A store holding the same PDF under the given hashes; remembers what was opened and not closed. */
    static final class OneFileStore implements FileStore {
        final Set<String> stored;
        final List<String> opened = new java.util.ArrayList<>();
        final List<String> stillOpen = new java.util.ArrayList<>();

        OneFileStore(Set<String> stored) {
            this.stored = stored;
        }

        @Override
        public StoredFile store(InputStream content, String declaredName, String field) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<FileContent> open(String sha256) {
            if (!stored.contains(sha256)) {
                return Optional.empty();
            }
            opened.add(sha256);
            stillOpen.add(sha256);
            return Optional.of(new FileContent(sha256, PDF.length, FileType.PDF, new ByteArrayInputStream(PDF) {
                @Override
                public void close() {
                    stillOpen.remove(sha256);
                }
            }));
        }

        @Override
        public boolean exists(String sha256) {
            return stored.contains(sha256);
        }

        @Override
        public FileRules rules() {
            return FileRules.defaults();
        }
    }
}
