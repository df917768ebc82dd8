package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /api/records/<kind:id>}: a record's current version (hash, ledger state, receipt) and
 * its chain of versions. Versions hold no personal data (people only as commitments), so this is
 * public; answered without a session, with an ETag so that a client polling for the commit gets
 * 304 until something changed.
 */
@Path("records")
@RequestScoped
public class RecordResource {

    @Inject
    RecordQueryService queries;

    @GET
    @Path("{recordKey}")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response record(@PathParam("recordKey") String recordKey, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        try {
            RecordKey.parse(recordKey);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("A record key is kind:id, e.g. land-title:KAW1-1108");
        }
        List<VersionView> versions = queries.versions(recordKey);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("This portal holds no record " + recordKey);
        }
        String body = ApiJson.record(recordKey, versions).toString();
        EntityTag tag = new EntityTag(CanonicalJson.sha256Hex(body).substring(0, 32));
        // Short: a pending version becomes committed within seconds; the ETag makes rechecking cheap.
        String cache = "public, max-age=5";
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(tag.toString()))) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return Response.ok(body, ApiJson.JSON).tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }
}
