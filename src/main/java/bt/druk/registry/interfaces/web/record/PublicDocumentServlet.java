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
 * a record version, so that anyone can recompute the hash with their own tools.
 */
@WebServlet(urlPatterns = "/records/documents/*")
public class PublicDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{64})\\.json");

    @Inject
    RecordQueryService records;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<PublicDocument> document = m.matches() ? records.publicDocument(m.group(1)) : Optional.empty();
        if (document.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = document.get().canonicalJson().getBytes(StandardCharsets.UTF_8);
        String fileName = document.get().recordKey().replaceAll("[^A-Za-z0-9-]", "-") + "-v" + document.get().version() + ".json";
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        // A hash names exactly one document, so the answer never changes.
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
