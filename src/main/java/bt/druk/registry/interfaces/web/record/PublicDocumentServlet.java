package bt.druk.registry.interfaces.web.record;

import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.RecordQueryService.PublicDocument;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /records/documents/<sha256>.json}: the exact bytes whose SHA-256 the ledger holds for
 * a record version, so that anyone can recompute the hash with their own tools. Kept in
 * {@link PublicPageCache} once read: the text behind a hash never changes.
 */
@WebServlet(urlPatterns = "/records/documents/*")
public class PublicDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{64})\\.json");

    @Inject
    RecordQueryService records;

    @Inject
    PublicPageCache cache;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String hash = m.group(1);
        // A hash names exactly one text, so its entity tag is the hash and a copy never goes stale.
        String tag = "\"" + hash + "\"";
        if (PublicPageFilter.matches(request.getHeader("If-None-Match"), tag)) {
            response.setHeader("ETag", tag);
            response.setHeader("Cache-Control", IMMUTABLE);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String key = "document " + hash;
        Optional<PublicPageCache.Page> page = cache.get(key, tag);
        if (page.isEmpty()) {
            Optional<PublicDocument> document = records.publicDocument(hash);
            if (document.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String fileName = document.get().recordKey().replaceAll("[^A-Za-z0-9-]", "-") + "-v" + document.get().version() + ".json";
            page = Optional.of(new PublicPageCache.Page(tag, document.get().canonicalJson().getBytes(StandardCharsets.UTF_8),
                    "application/json;charset=UTF-8", "inline; filename=\"" + fileName + "\"", null, null));
            cache.put(key, page.get());
        }
        byte[] body = page.get().body();
        response.setContentType(page.get().contentType());
        response.setHeader("Content-Disposition", page.get().disposition());
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", IMMUTABLE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
}
