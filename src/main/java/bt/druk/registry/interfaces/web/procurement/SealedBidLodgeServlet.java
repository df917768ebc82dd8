package bt.druk.registry.interfaces.web.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.security.CurrentSupplier;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a supplier's browser lodges the envelope it sealed: {@code POST /supplier/lodge?ocid=…} with
 * the envelope's canonical JSON as an {@code application/json} body (web.xml admits only the supplier
 * role under /supplier/*). A JSON body cannot be sent from another site without a CORS preflight,
 * which this portal never grants, and a cross-site fetch is refused by its {@code Sec-Fetch-Site}
 * header too. The size is checked before the body is read to its end, and nothing is stored unless
 * the envelope is sealed to this tender's keys. Lodging is throttled per supplier and per address
 * ({@link LodgingThrottle}). Answers JSON: 201 with the receipt, 422 with the refusals, 403, 413,
 * 415, 429 (with Retry-After) or 503, never a stack trace.
 */
@WebServlet("/supplier/lodge")
public class SealedBidLodgeServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SealedBidLodgeServlet.class.getName());

    @Inject
    transient SealedBids sealedBids;

    @Inject
    transient CurrentSupplier currentSupplier;

    @Inject
    transient LodgingThrottle throttle;

    @Inject
    transient ClientConnections clients;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, error("", "sealedBid.crossSite", "Bids are lodged from this portal's own pages"));
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            answer(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    error("envelope", "sealedBid.envelope.type", "A sealed bid is sent as application/json"));
            return;
        }
        String who = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        long wait = throttle.admit(who, clients.address(request));
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            answer(response, 429, error("", "sealedBid.throttled", "Too many bids lodged just now; try again in " + wait + " s"));
            return;
        }
        if (request.getContentLengthLong() > SealedBids.MAX_ENVELOPE_CHARS) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        String text = readLimited(request.getInputStream());
        if (text == null) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        try {
            Supplier supplier = currentSupplier.require();
            SubmissionAck ack = sealedBids.lodge(supplier.registrationNumber().value(), supplier.businessName(),
                    request.getParameter("ocid"), text);
            answer(response, HttpServletResponse.SC_CREATED, JSON.createObjectBuilder()
                    .add("recordKey", ack.recordKey())
                    .add("envelopeSha256", ack.hash())
                    .add("ledgerState", ack.ledgerState().name())
                    .add("bidPage", request.getContextPath() + "/tenders/bid.xhtml?key=" + ack.recordKey())
                    .build());
        } catch (ValidationException e) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            for (FieldError f : e.errors()) {
                errors.add(JSON.createObjectBuilder().add("field", f.field()).add("code", f.code()).add("message", f.message()));
            }
            answer(response, 422, JSON.createObjectBuilder().add("errors", errors).build());
        } catch (AccessDeniedException e) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, error("", "sealedBid.supplierOnly", "Sign in as a supplier to lodge a bid"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lodging a sealed bid failed", e);
            boolean databaseDown = DatabaseOutage.causedBy(e);
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, error("", "sealedBid.unavailable", databaseDown
                    ? "The register's database cannot be reached; your bid was not lodged. Try again in a minute"
                    : "Your bid could not be lodged just now and nothing was kept; try again in a minute"));
        }
    }

    /** The body as UTF-8 text, or null when it is longer than an envelope may be (reading stops there). */
    static String readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > SealedBids.MAX_ENVELOPE_CHARS) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }

    private static JsonObject tooLarge() {
        return error("envelope", "sealedBid.envelope.size", "The sealed bid is over " + SealedBids.MAX_ENVELOPE_CHARS / (1024 * 1024)
                + " MiB; attach smaller documents");
    }

    private static JsonObject error(String field, String code, String message) {
        return JSON.createObjectBuilder().add("errors", JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("field", field).add("code", code).add("message", message))).build();
    }

    private static void answer(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }
}
