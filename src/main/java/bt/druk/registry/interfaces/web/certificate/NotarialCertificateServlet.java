package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.notary.NotarisationView;
import bt.druk.registry.application.notary.NotaryQueries;
import bt.druk.registry.domain.notary.NotaryRules;
import bt.druk.registry.interfaces.web.Labels;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /certificates/notary/<number>.pdf}: the notarial certificate of a notarisation's
 * current version, which must be committed on the ledger (the certificate prints its receipt). It
 * holds no personal data, so anyone may download it; its QR code opens the public verify page for
 * the document's hash.
 */
@WebServlet(urlPatterns = "/certificates/notary/*")
public class NotarialCertificateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(NotarialCertificateServlet.class.getName());
    private static final Pattern PATH = Pattern.compile("/(" + NotaryRules.ID.pattern() + ")\\.pdf");

    @Inject
    transient NotaryQueries queries;

    @Inject
    transient Labels labels;

    @Inject
    transient CertificateSeal seal;

    @Inject
    transient Clock clock;

    private final NotarialCertificateRenderer renderer = new NotarialCertificateRenderer();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<NotarisationView> view = m.matches() ? queries.notarisation(m.group(1)) : Optional.empty();
        if (view.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!view.get().committed()) {
            request.setAttribute("druk.error.key", "certificate.notCommitted");
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        NotarialCertificate certificate = NotarialCertificates.of(view.get(),
                labels.status(view.get().notarisation().status()), PublicBaseUrl.of(request), clock.instant());
        byte[] pdf;
        try {
            pdf = seal.seal(renderer.render(certificate), "Notarial certificate " + certificate.number()
                    + ", version " + certificate.version() + " on the Druk Registry ledger");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "notarial certificate rendering failed for " + certificate.number(), e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"notarial-certificate-" + certificate.number()
                + "-v" + certificate.version() + ".pdf\"");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
