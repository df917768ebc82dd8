package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.verify.DocumentVerification;
import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.interfaces.web.LedgerChecks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/verify/<sha256>}: what the verify page says about a hash, as JSON (the same
 * {@link DocumentVerifier}, so the same findings and steps), answered from the portal's own index of
 * what the ledger committed, without a ledger call. {@code GET /api/verify/<sha256>/ledger} checks
 * against the ledger read now (reused a few seconds, rate-limited per client by {@link LedgerChecks}).
 * Public and without a session.
 */
@Path("verify")
@RequestScoped
public class VerifyResource {

    @Inject
    DocumentVerifier verifier;

    @Inject
    LedgerChecks ledgerChecks;

    @GET
    @Path("{sha256}")
    @Operation(summary = "Where a SHA-256 is found and its steps, from the portal's index of what the ledger committed")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response verify(@PathParam("sha256") String sha256) {
        return answer(verifier.verifyFromIndex(sha256), "public, max-age=10");
    }

    @GET
    @Path("{sha256}/ledger")
    @Operation(summary = "The same, checked against the ledger read now (reused a few seconds, rate-limited: 429)")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response verifyOnLedger(@PathParam("sha256") String sha256) {
        String sha = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!CanonicalJson.isSha256Hex(sha)) {
            verifier.verifyFromIndex(sha256); // the same 400 as the index answer gives
        }
        LedgerChecks.Outcome<DocumentVerification> outcome = ledgerChecks.documentNow(sha);
        if (outcome instanceof LedgerChecks.Checked<DocumentVerification> checked) {
            return answer(checked.answer(), "no-cache");
        }
        if (outcome instanceof LedgerChecks.Limited<DocumentVerification> limited) {
            throw ApiProblem.tooManyRequests(limited.retryAfterSeconds());
        }
        throw new ApiProblem(503, "The ledger could not be read just now; try again in a moment");
    }

    private static Response answer(DocumentVerification verification, String cacheControl) {
        boolean notFound = verification.matches().isEmpty() && verification.steps().stream()
                .anyMatch(s -> s.kind() == VerificationStep.Kind.FOUND_AS && s.failed());
        return Response.status(notFound ? 404 : 200).type(ApiJson.JSON)
                .header(HttpHeaders.CACHE_CONTROL, notFound ? "no-cache" : cacheControl)
                .entity(ApiJson.verification(verification).toString()).build();
    }
}
