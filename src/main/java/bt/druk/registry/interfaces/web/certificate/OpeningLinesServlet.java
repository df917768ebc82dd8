package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.TenderView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /tenders/opening-lines?ocid=<ocid>}: a sealed tender's opening verdicts as plain text,
 * one {@code BidVerdict.line()} per opened bid in bid-key string order, exactly the lines
 * {@code druk-verify open-tender} prints, so an auditor can {@code diff} the two. 404 for an unknown
 * tender and one published before sealed opening; 409, with the reason as text, until every bid not withdrawn has
 * its verdict (half a list would read as a complete one).
 */
@WebServlet(urlPatterns = "/tenders/opening-lines")
public class OpeningLinesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ProcurementQueries queries;

    /** What to answer: a status and a plain-text body. */
    record Answer(int status, String body) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ocid = request.getParameter("ocid");
        Answer answer = ocid == null || !BidOpeningReportServlet.OCID.matcher(ocid.trim()).matches()
                ? answer(Optional.empty()) : answer(queries.tender(ocid.trim()));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("text/plain;charset=UTF-8");
        // Public, but it changes as the opening proceeds.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static Answer answer(Optional<TenderView> view) {
        if (view.isEmpty() || !view.get().tender().isSealed()) {
            return new Answer(HttpServletResponse.SC_NOT_FOUND, "No sealed tender with this OCID.\n");
        }
        TenderView t = view.get();
        if (!t.openingComplete()) {
            long waiting = t.bids().stream().filter(b -> !b.withdrawn() && !b.opened()).count();
            return new Answer(HttpServletResponse.SC_CONFLICT, "The bids of " + t.tender().ocid() + " are not all opened yet ("
                    + waiting + " bid(s) without a verdict); the opening lines are published once every bid not withdrawn"
                    + " is opened or found invalid.\n");
        }
        StringBuilder text = new StringBuilder();
        t.openingLines().forEach(line -> text.append(line).append('\n'));
        return new Answer(HttpServletResponse.SC_OK, text.toString());
    }
}
