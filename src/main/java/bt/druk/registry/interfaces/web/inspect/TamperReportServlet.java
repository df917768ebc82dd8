package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.TamperReport;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.certificate.TamperReportRenderer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /inspect/tamper-report.csv} and {@code .pdf} ({@code ?run=<id>}, else the latest
 * finished run): the kept run's report as a download. Inspectors and admins only (web.xml guards
 * {@code /inspect/*}); 404 for an unknown, unfinished or malformed run.
 */
@WebServlet(urlPatterns = {TamperReportServlet.CSV, TamperReportServlet.PDF})
public class TamperReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TamperReportServlet.class.getName());
    static final String CSV = "/inspect/tamper-report.csv";
    static final String PDF = "/inspect/tamper-report.pdf";

    @Inject
    TamperReport report;

    @Inject
    Messages messages;

    private final TamperReportRenderer renderer = new TamperReportRenderer();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole("inspector") && !request.isUserInRole("admin")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<ReconciliationRun> run = run(request.getParameter("run"));
        if (run.isEmpty() || !run.get().isFinished()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<ReconciliationFinding> findings = report.findings(run.get().id());
        String name = "tamper-report-run-" + run.get().id();
        byte[] body;
        if (PDF.equals(request.getServletPath())) {
            try {
                body = renderer.render(run.get(), findings, k -> messages.text("tamper.kind." + k.name()), Clock.systemUTC().instant());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "tamper report rendering failed for run " + run.get().id(), e);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                return;
            }
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
        } else {
            body = TamperReportCsv.of(run.get(), findings, k -> messages.text("tamper.kind." + k.name()))
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Optional<ReconciliationRun> run(String id) {
        if (id == null || id.isBlank()) {
            return report.latestFinished();
        }
        if (!id.trim().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return report.run(Long.parseLong(id.trim()));
    }
}
