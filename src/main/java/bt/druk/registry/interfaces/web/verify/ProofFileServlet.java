package bt.druk.registry.interfaces.web.verify;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.application.verify.ProofOutcome;
import bt.druk.registry.interfaces.web.certificate.PublicBaseUrl;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /verify/proof/<sha256>.json}: the proof file (druk-registry-proof/1) of a document the
 * portal holds and the ledger has committed, as a download. Errors are JSON with their status: 404
 * for a path that names no SHA-256 or a document the portal does not hold, 409 for one that is not
 * committed yet.
 */
@WebServlet(urlPatterns = "/verify/proof/*")
public class ProofFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([0-9a-fA-F]{64})\\.json");

    @Inject
    transient DocumentVerifier verifier;

    @Inject
    transient PortalLedger portalLedger;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "A proof file is at /verify/proof/<SHA-256 of the document>.json");
            return;
        }
        String sha = m.group(1).toLowerCase(Locale.ROOT);
        ProofOutcome outcome = verifier.proof(sha, portalLedger.coordinates(), PublicBaseUrl.of(request));
        if (outcome instanceof ProofOutcome.NotFound notFound) {
            error(response, HttpServletResponse.SC_NOT_FOUND, notFound.message());
        } else if (outcome instanceof ProofOutcome.NotCommitted notCommitted) {
            error(response, HttpServletResponse.SC_CONFLICT, notCommitted.message());
        } else if (outcome instanceof ProofOutcome.Issued issued) {
            byte[] body = issued.receipt().toJson().getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"druk-proof-" + sha.substring(0, 16) + ".json\"");
            // Issued now, with the status the record has now: never served from a cache.
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = JSON.createObjectBuilder().add("status", status).add("error", message).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
