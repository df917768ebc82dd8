package bt.druk.registry.interfaces.web.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /clerk/opening-envelopes?ocid=…}: for the signed-in opening key holder of a sealed
 * tender past its deadline, every bid to open with its envelope as the holder's browser needs it
 * ({@link HolderSharesJson#forHolder}), {@code {"ocid", "holder", "bids": [{"bidKey", "envelope"}]}};
 * an envelope missing from the store or unreadable is {@code null} with a {@code problem}. Staff
 * only (web.xml guards /clerk/*) and holders only; it changes nothing, so a GET without a form
 * token is safe. Refusals are JSON {@code {"status", "error"}}: 400 without an OCID, 403 for a
 * member who is not a holder, 409 before the deadline or for a tender that is not sealed.
 */
@WebServlet(urlPatterns = "/clerk/opening-envelopes")
public class OpeningEnvelopesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentStaff currentStaff;

    @Inject
    transient SealedBids sealedBids;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ocid = request.getParameter("ocid");
        if (!OcidLinks.isOcid(ocid)) {
            write(response, HttpServletResponse.SC_BAD_REQUEST, error(HttpServletResponse.SC_BAD_REQUEST, "Name the tender: ?ocid=…"));
            return;
        }
        Optional<StaffMember> member = currentStaff.member();
        if (member.isEmpty()) {
            write(response, HttpServletResponse.SC_FORBIDDEN, error(HttpServletResponse.SC_FORBIDDEN, "Sign in as staff"));
            return;
        }
        int status = HttpServletResponse.SC_OK;
        JsonObject body;
        try {
            body = envelopes(member.get(), ocid.trim());
            if (body.containsKey("error")) {
                status = body.getInt("status");
            }
        } catch (ValidationException e) {
            status = "bid.tender.unknown".equals(e.errors().get(0).code()) ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_CONFLICT;
            body = error(status, e.errors().get(0).message());
        } catch (UncheckedIOException e) {
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            body = error(status, "The envelope store cannot be read now; try again in a minute");
        }
        write(response, status, body);
    }

    private JsonObject envelopes(StaffMember member, String ocid) {
        Optional<TenderOpening.Holder> holder = sealedBids.holderOf(member, ocid);
        if (holder.isEmpty()) {
            return error(HttpServletResponse.SC_FORBIDDEN, "You are not one of this tender's opening key holders"
                    + " (or your opening key changed since it was published)");
        }
        JsonArrayBuilder bids = JSON.createArrayBuilder();
        for (Map.Entry<String, String> e : sealedBids.envelopesToOpen(ocid).entrySet()) {
            JsonObjectBuilder bid = JSON.createObjectBuilder().add("bidKey", e.getKey());
            JsonObject envelope = e.getValue() == null ? null : HolderSharesJson.forHolder(e.getValue());
            if (envelope != null) {
                bid.add("envelope", envelope);
            } else {
                bid.addNull("envelope").add("problem", e.getValue() == null ? "missing" : "malformed");
            }
            bids.add(bid);
        }
        return JSON.createObjectBuilder().add("ocid", ocid).add("holder", holder.get().index()).add("bids", bids).build();
    }

    private static JsonObject error(int status, String message) {
        return JSON.createObjectBuilder().add("status", status).add("error", message).build();
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
