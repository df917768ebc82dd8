package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.PublicTitleView;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.Labels;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /certificates/land/<PIN>.pdf}: the land certificate of the title's current version,
 * which must be committed on the ledger (the certificate prints its receipt).
 *
 * <p>Who gets what: land clerks, inspectors and admins get the owner's <b>lagthram</b> with full
 * owner names and CIDs (it is the owner's document, handed over by the registry). Everyone else,
 * including staff who add {@code ?extract=public}, gets a <b>public extract</b> with the same
 * parcel, encumbrance and ledger data but masked names and no CIDs — the same data as the public
 * record page. Both carry a QR code that opens the public record page.
 */
@WebServlet(urlPatterns = "/certificates/land/*")
public class LandCertificateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LandCertificateServlet.class.getName());
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9-]{0,63})\\.pdf");

    @Inject
    LandTitleService titles;

    @Inject
    LandPublicService publicService;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Labels labels;

    @Inject
    StaffActivity activity;

    @Inject
    CertificateSeal seal;

    @Inject
    ClientConnections clients;

    private final LandCertificateRenderer renderer = new LandCertificateRenderer();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String pin = m.group(1);
        boolean wantsExtract = "public".equals(request.getParameter("extract"));
        Instant now = Instant.now(Clock.systemUTC());
        LandCertificate certificate;
        if (currentStaff.isLandStaff() && !wantsExtract) {
            StaffMember staff = currentStaff.require();
            Optional<LandTitleStaffView> view = titles.findForStaff(staff, pin);
            if (view.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (view.get().ledgerState() != LedgerState.COMMITTED) {
                notCommitted(request, response);
                return;
            }
            certificate = LandCertificates.full(view.get(), labels, verifyUrl(request, view.get().title().parcel().pin()),
                    staff.username() + (staff.office() == null ? "" : " (" + staff.office() + ")"), now);
            activity.downloaded(staff, clients.address(request), "lagthram " + view.get().title().parcel().pin()
                    + " v" + view.get().currentVersion(), "full owner names and CIDs");
        } else {
            Optional<PublicTitleView> view = publicService.publicView(pin);
            if (view.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (view.get().ledgerState() != LedgerState.COMMITTED) {
                notCommitted(request, response);
                return;
            }
            certificate = LandCertificates.extract(view.get(), labels, verifyUrl(request, view.get().pin()), now);
        }
        byte[] pdf;
        try {
            pdf = seal.seal(renderer.render(certificate), (certificate.fullOwnerDetails() ? "Lagthram " : "Public extract ")
                    + certificate.pin() + ", version " + certificate.version() + " on the Druk Registry ledger");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "certificate rendering failed for " + pin, e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        String fileName = (certificate.fullOwnerDetails() ? "lagthram-" : "land-extract-") + certificate.pin()
                + "-v" + certificate.version() + ".pdf";
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", certificate.fullOwnerDetails() ? "private, no-store" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private void notCommitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute("druk.error.key", "certificate.notCommitted");
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    /**
     * Absolute URL of the public record page. From {@code druk.public.base-url} when set (behind a
     * proxy), else from the request.
     */
    private String verifyUrl(HttpServletRequest request, String pin) {
        return PublicBaseUrl.of(request) + "/records/land.xhtml?pin=" + URLEncoder.encode(pin, StandardCharsets.UTF_8);
    }
}
