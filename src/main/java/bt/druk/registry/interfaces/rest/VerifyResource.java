package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.verify.DocumentVerification;
import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.application.verify.VerificationStep;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/verify/<sha256>}: what the verify page says about a hash, as JSON (the same
 * {@link DocumentVerifier}, so the same findings and steps). Public and without a session.
 */
@Path("verify")
@RequestScoped
public class VerifyResource {

    @Inject
    DocumentVerifier verifier;

    @GET
    @Path("{sha256}")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response verify(@PathParam("sha256") String sha256) {
        DocumentVerification verification = verifier.verify(sha256);
        boolean notFound = verification.matches().isEmpty() && verification.steps().stream()
                .anyMatch(s -> s.kind() == VerificationStep.Kind.FOUND_AS && s.failed());
        // The ledger is read afresh for each answer; a few seconds of reuse bound that cost under load.
        return Response.status(notFound ? 404 : 200).type(ApiJson.JSON)
                .header(HttpHeaders.CACHE_CONTROL, notFound ? "no-cache" : "public, max-age=10")
                .entity(ApiJson.verification(verification).toString()).build();
    }
}
