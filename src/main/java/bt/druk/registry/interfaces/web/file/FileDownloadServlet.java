package bt.druk.registry.interfaces.web.file;

import bt.druk.registry.domain.file.FileContent;
import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.PublicFilePolicy;
import bt.druk.registry.domain.file.StoredFile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /files/<sha256>}: a stored file, as an attachment, if some register says it is public
 * ({@link PublicFilePolicy}); otherwise 404, exactly as for a hash that is not stored, so the answer
 * does not tell whether a private file exists.
 *
 * <p>The answer has the content type decided from the bytes when stored (never the uploader's),
 * {@code X-Content-Type-Options: nosniff} and a sandboxing {@code Content-Security-Policy} so no
 * browser runs it as a page, {@code Content-Length}, and a year of immutable caching: a hash names
 * exactly one content. The download name comes from the register, or from the hash, and always
 * ends in the extension of the file's real kind.
 */
@WebServlet(urlPatterns = "/files/*")
public class FileDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FileDownloadServlet.class.getName());
    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{64})");

    @Inject
    transient FileStore files;

    @Inject
    @Any
    transient Instance<PublicFilePolicy> policies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, files, policies);
    }

    static void serve(HttpServletRequest request, HttpServletResponse response, FileStore files,
                      Iterable<PublicFilePolicy> policies) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<String> name = m.matches() ? publicName(m.group(1), policies) : Optional.empty();
        Optional<FileContent> opened = name.isPresent() ? files.open(m.group(1)) : Optional.empty();
        if (opened.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (FileContent file = opened.get()) {
            String etag = "\"" + file.sha256() + "\"";
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            response.setHeader("ETag", etag);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            if (etag.equals(request.getHeader("If-None-Match"))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentType(file.type().mediaType());
            response.setHeader("Content-Disposition", contentDisposition(downloadName(name.get(), file.type(), file.sha256())));
            response.setContentLengthLong(file.size());
            file.content().transferTo(response.getOutputStream());
        }
    }

    /**
     * The download name if some policy says the file is public ("" when none offers a name); empty
     * when none does. A policy that fails counts as a no: the file is not served because of an error.
     */
    static Optional<String> publicName(String sha256, Iterable<PublicFilePolicy> policies) {
        Optional<String> answer = Optional.empty();
        for (PublicFilePolicy policy : policies) {
            try {
                if (policy.isPublic(sha256)) {
                    Optional<String> offered = policy.downloadName(sha256).filter(n -> !n.isBlank());
                    if (offered.isPresent()) {
                        return offered;
                    }
                    answer = Optional.of("");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "file " + sha256 + ": public file policy " + policy.getClass().getName() + " failed", e);
            }
        }
        return answer;
    }

    /** The offered name (or one made from the hash), ending in the extension of the file's real kind. */
    static String downloadName(String offered, FileType type, String sha256) {
        String base = offered.isBlank() ? "document-" + sha256.substring(0, 12) : StoredFile.cleanName(offered);
        String lower = base.toLowerCase(Locale.ROOT);
        for (String extension : type.extensions()) {
            if (lower.endsWith("." + extension) && lower.length() > extension.length() + 1) {
                return base;
            }
        }
        return base + "." + type.extensions().get(0);
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 form (UTF-8, e.g. Dzongkha). */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != ';' ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
