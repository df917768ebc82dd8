package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.verify.DocumentVerification;
import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.interfaces.web.LedgerChecks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/verify/<sha256>}: what the verify page says about a hash, as JSON (the same
 * {@link DocumentVerifier}, so the same findings and steps), answered from the portal's own index of
 * what the ledger committed, without a ledger call. {@code GET /api/verify/<sha256>/ledger} checks
 * against the ledger read now (reused a few seconds, rate-limited per client by {@link LedgerChecks}).
 * An index answer is kept up to a second ({@link VerifyAnswers}).
 * Public and without a session.
 */
@Path("verify")
@RequestScoped
public class VerifyResource {

    @Inject
    DocumentVerifier verifier;

    @Inject
    LedgerChecks ledgerChecks;

    @Inject
    VerifyAnswers answers;

    @GET
    @Path("{sha256}")
    @Operation(summary = "Where a SHA-256 is found and its steps, from the portal's index of what the ledger committed"
            + " (an answer that found it is sent again for up to a second)")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response verify(@PathParam("sha256") String sha256) {
        String sha = DocumentVerifier.normalise(sha256);
        return response(answers.of(sha, () -> answer(verifier.verifyFromIndex(sha))), VerifyAnswers.CACHE_CONTROL);
    }

    @GET
    @Path("{sha256}/ledger")
    @Operation(summary = "The same, checked against the ledger read now (reused a few seconds, rate-limited: 429)")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response verifyOnLedger(@PathParam("sha256") String sha256) {
        String sha = DocumentVerifier.normalise(sha256);
        LedgerChecks.Outcome<DocumentVerification> outcome = ledgerChecks.documentNow(sha);
        if (outcome instanceof LedgerChecks.Checked<DocumentVerification> checked) {
            return response(answer(checked.answer()), "no-cache");
        }
        if (outcome instanceof LedgerChecks.Limited<DocumentVerification> limited) {
            throw ApiProblem.tooManyRequests(limited.retryAfterSeconds());
        }
        throw new ApiProblem(503, "The ledger could not be read just now; try again in a moment");
    }

    private static VerifyAnswers.Answer answer(DocumentVerification verification) {
        boolean notFound = verification.matches().isEmpty() && verification.steps().stream()
                .anyMatch(s -> s.kind() == VerificationStep.Kind.FOUND_AS && s.failed());
        return new VerifyAnswers.Answer(notFound ? 404 : 200, ApiJson.verification(verification).toString());
    }

    private static Response response(VerifyAnswers.Answer answer, String cacheControl) {
        return Response.status(answer.status()).type(ApiJson.JSON)
                .header(HttpHeaders.CACHE_CONTROL, answer.status() == 404 ? "no-cache" : cacheControl)
                .entity(answer.json()).build();
    }
}
