package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.AuditQueries;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /inspect/audit.csv?register=&office=&user=&from=&to=}: the audit view's receipts as
 * CSV, newest first, with the page's filter. Inspectors and admins only; 400 for a malformed filter.
 */
@WebServlet(urlPatterns = "/inspect/audit.csv")
public class AuditCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuditCsvServlet.class.getName());

    @Inject
    AuditQueries queries;

    @Inject
    CurrentStaff currentStaff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaffMember inspector = currentStaff.member().orElse(null);
        if (inspector == null || (!request.isUserInRole("inspector") && !request.isUserInRole("admin"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        AuditFilters filters;
        try {
            filters = AuditFilters.parse(request.getParameter("register"), request.getParameter("office"),
                    request.getParameter("user"), request.getParameter("from"), request.getParameter("to"));
        } catch (IllegalArgumentException e) {
            filters = null;
        }
        if (filters == null || !filters.problems().isEmpty()) {
            request.setAttribute("druk.error.key", "audit.error.csvFilter");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        try {
            out.write(AuditCsv.HEADER);
            queries.forEach(inspector, filters.toFilter(), entry -> {
                try {
                    out.write(AuditCsv.row(entry));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (UncheckedIOException e) {
            LOG.log(Level.FINE, "audit CSV download broken off", e);
        }
    }
}
