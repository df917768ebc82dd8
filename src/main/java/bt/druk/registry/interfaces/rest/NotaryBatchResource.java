package bt.druk.registry.interfaces.rest;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.notary.BatchMembers;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Batch notarisation: {@code POST /api/notary/batch} queues document hashes for a notary clerk
 * ({@link BatchAnchorService#enqueue}); {@code GET /api/notary/batch/<sha256>} says where one
 * stands and, once anchored, gives its inclusion proof. That answer is public, as on the verify
 * page (only hashes, offices and times).
 */
@Path("notary/batch")
@RequestScoped
@Tag(name = "notary", description = "Merkle-batched notarisation of document hashes")
public class NotaryBatchResource {

    @Inject
    BatchAnchorService batches;

    @Inject
    BatchMembers members;

    @Inject
    CurrentStaff staff;

    @POST
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Queue documents for the notary clerk's next batch: {documents: [<sha256>, ...]} (HTTP Basic)")
    @SecurityRequirement(name = "staff")
    @APIResponse(responseCode = "202", description = "Queued; each document's state")
    @APIResponse(responseCode = "400", description = "Not a list of SHA-256 hashes; see errors")
    @APIResponse(responseCode = "401", description = "No or wrong staff credentials (HTTP Basic)")
    @APIResponse(responseCode = "403", description = "The caller is not a notary clerk")
    public Response enqueue(String body) {
        StaffMember actor = StaffCaller.require(staff);
        List<BatchMember> states = batches.enqueue(actor, documents(JsonBody.object(body)));
        JsonArrayBuilder documents = JSON.createArrayBuilder();
        states.forEach(m -> documents.add(ApiJson.member(m)));
        return Response.accepted(JSON.createObjectBuilder().add("documents", documents).build().toString())
                .type(ApiJson.JSON).build();
    }

    /**
     * Where many documents stand, for an issuer collecting the proofs of a whole batch in one
     * request instead of one per document. A POST only because a list of thousands of hashes does
     * not fit in an address; it changes nothing.
     */
    @POST
    @Path("states")
    @RateLimited
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Where many queued documents stand: {documents: [<sha256>, ...]}; once anchored, each with its inclusion proof")
    @APIResponse(responseCode = "200", description = "Each queued document's state, in the order given, and the hashes never queued")
    @APIResponse(responseCode = "400", description = "Not a list of SHA-256 hashes; see errors")
    @APIResponse(responseCode = "429", description = "Too many costly requests from this address; see Retry-After")
    public Response states(String body) {
        List<String> asked = documents(JsonBody.object(body));
        Map<String, BatchMember> found = members.statesOf(asked);
        JsonArrayBuilder documents = JSON.createArrayBuilder();
        found.values().forEach(m -> documents.add(ApiJson.member(m)));
        JsonArrayBuilder notQueued = JSON.createArrayBuilder();
        asked.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).distinct().filter(h -> !found.containsKey(h)).forEach(notQueued::add);
        return Response.ok(JSON.createObjectBuilder().add("documents", documents).add("notQueued", notQueued).build().toString(), ApiJson.JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    @GET
    @Path("{sha256}")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Where a queued document stands; once anchored, its inclusion proof and proof file")
    @APIResponse(responseCode = "200", description = "The document's state")
    @APIResponse(responseCode = "400", description = "Not a SHA-256 hash")
    @APIResponse(responseCode = "404", description = "Never queued")
    public Response document(@PathParam("sha256") String sha256) {
        String sha = sha256.strip().toLowerCase(Locale.ROOT);
        if (!CanonicalJson.isSha256Hex(sha)) {
            throw ValidationException.of("hash", "hash.format", "A SHA-256 hash has 64 hexadecimal characters (0-9, a-f)");
        }
        BatchMember member = members.find(sha)
                .orElseThrow(() -> ApiProblem.notFound("No document with SHA-256 " + sha + " was queued for a notary batch"));
        // An anchored document's proof never changes; until then its state does, within seconds.
        String cache = member.state() == BatchMember.State.ANCHORED ? "public, max-age=60" : "no-cache";
        return Response.ok(ApiJson.member(member).toString(), ApiJson.JSON).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }

    /** {@code {"documents": ["<sha256>", ...]}}; the hashes themselves are checked by the service. */
    static List<String> documents(JsonObject json) {
        JsonValue given = json.get("documents");
        if (given == null || given.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ValidationException.of("documents", "type", "Give documents as a JSON array of SHA-256 hashes");
        }
        List<String> hashes = new ArrayList<>();
        for (JsonValue value : given.asJsonArray()) {
            if (!(value instanceof JsonString s)) {
                throw ValidationException.of("documents", "type", "Give each document as its SHA-256 in a JSON string");
            }
            hashes.add(s.getString());
        }
        return hashes;
    }
}
