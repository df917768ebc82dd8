package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.interfaces.web.Labels;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code GET /tenders/opening-report?ocid=<ocid>}: the tender's bid-opening report (PDF) for anyone,
 * once its bids are opened and the ledger has committed the opening. 404 for an unknown tender and
 * for one whose bids are not opened (before the opening there is nothing to report, and a report
 * would suggest otherwise); 409 while the opening awaits the ledger.
 */
@WebServlet(urlPatterns = "/tenders/opening-report")
public class BidOpeningReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BidOpeningReportServlet.class.getName());
    /** OCIDs are {@code ocds-<prefix>-<id>}; anything else is simply not found. */
    static final Pattern OCID = Pattern.compile("ocds-[a-z0-9]{6}-[A-Za-z0-9.-]{1,100}");

    @Inject
    ProcurementQueries queries;

    @Inject
    Labels labels;

    @Inject
    CertificateSeal seal;

    private final BidOpeningReportRenderer renderer = new BidOpeningReportRenderer();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ocid = request.getParameter("ocid");
        if (ocid == null || !OCID.matcher(ocid.trim()).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<TenderView> view = queries.tender(ocid.trim());
        Optional<VersionView> opening = view.flatMap(BidOpeningReports::openingVersion);
        if (opening.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (opening.get().ledgerState() != LedgerState.COMMITTED) {
            request.setAttribute("druk.error.key", "report.notCommitted");
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        String tenderOcid = view.get().tender().ocid();
        String verifyUrl = PublicBaseUrl.of(request) + "/tenders/tender.xhtml?ocid="
                + URLEncoder.encode(tenderOcid, StandardCharsets.UTF_8);
        BidOpeningReport report = BidOpeningReports.of(view.get(), labels::status, verifyUrl, Instant.now(Clock.systemUTC()))
                .orElseThrow();
        byte[] pdf;
        try {
            pdf = seal.seal(renderer.render(report), "Bid-opening report of tender " + report.tenderNumber()
                    + " (" + tenderOcid + "), version " + report.version() + " on the Druk Registry ledger");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bid-opening report rendering failed for " + tenderOcid, e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        String fileName = "bid-opening-" + tenderOcid.replaceAll("[^A-Za-z0-9-]", "-") + "-v" + report.version() + ".pdf";
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        // Public, but it changes as bids are opened and with the award.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
