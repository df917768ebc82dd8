package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.ParcelSearch;
import bt.druk.registry.application.land.ParcelSummary;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.RecordQueryService.PublicDocument;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public reads of records under {@code /api/records}: a record's current version, its history with
 * ledger receipts, its public document, and the land search of the public search page. Versions
 * hold no personal data (people only as commitments), so all of this is public; answered without a
 * session, with an ETag so that a client polling for the commit gets 304 until something changed.
 */
@Path("records")
@RequestScoped
@Tag(name = "records", description = "Public records: versions, ledger receipts, documents, search")
public class RecordResource {

    /** Results per page of a search. */
    static final int PAGE_SIZE = 20;
    /** Short: a pending version becomes committed within seconds; the ETag makes rechecking cheap. */
    private static final String SHORT_CACHE = "public, max-age=5";

    @Inject
    RecordQueryService queries;

    @Inject
    LandPublicService land;

    @GET
    @Path("{recordKey}")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "A record's current version and its chain of versions")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not a record key (kind:id)")
    @APIResponse(responseCode = "404", description = "No such record")
    public Response record(@PathParam("recordKey") @Parameter(example = "land-title:KAW1-1108") String recordKey,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return tagged(ApiJson.record(recordKey, versionsOf(recordKey)).toString(), ifNoneMatch);
    }

    @GET
    @Path("{recordKey}/history")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Every version of a record, oldest first, each with its ledger state and receipt "
            + "(transaction id, block, time, endorsing organisations)")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such record")
    public Response history(@PathParam("recordKey") String recordKey, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return tagged(ApiJson.history(recordKey, versionsOf(recordKey)).toString(), ifNoneMatch);
    }

    /**
     * The exact bytes whose SHA-256 the version's {@code documentHash} is, as
     * {@code /records/documents/<hash>.json} serves them; {@code Repr-Digest} (RFC 9530) carries
     * that hash so a client can check what it got.
     */
    @GET
    @Path("{recordKey}/document")
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "The public document (canonical JSON) of a record's current version, or of ?version=n")
    @APIResponse(responseCode = "200", description = "The document; its SHA-256 is the version's documentHash")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "version is not a whole number")
    @APIResponse(responseCode = "404", description = "No such record or version")
    public Response document(@PathParam("recordKey") String recordKey, @QueryParam("version") String version,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        List<VersionView> versions = versionsOf(recordKey);
        VersionView chosen = versions.get(versions.size() - 1);
        if (version != null) {
            int wanted = wholeNumber("version", version);
            chosen = versions.stream().filter(v -> v.version() == wanted).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("Record " + recordKey + " has no version " + wanted));
        }
        PublicDocument document = queries.publicDocument(chosen.documentHash())
                .orElseThrow(() -> ApiProblem.notFound("This portal holds no document for " + recordKey));
        EntityTag tag = new EntityTag(chosen.documentHash());
        // A version's document never changes; "the current one" does when a new version is saved.
        String cache = version != null ? "public, max-age=31536000, immutable" : SHORT_CACHE;
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        byte[] body = document.canonicalJson().getBytes(StandardCharsets.UTF_8);
        String fileName = document.recordKey().replaceAll("[^A-Za-z0-9-]", "-") + "-v" + document.version() + ".json";
        return Response.ok(body, ApiJson.JSON + ";charset=UTF-8").tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, cache)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(chosen.documentHash())) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * The public search page's land search: {@code q} is a PIN or a thram number (exact, as on the
     * page), narrowed by {@code dzongkhag} and {@code gewog}; at least one criterion. Pages of
     * {@value #PAGE_SIZE}, from 1.
     */
    @GET
    @RateLimited
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Search land titles by PIN or thram number (q), dzongkhag and gewog, as the public search page does")
    @APIResponse(responseCode = "200", description = "A page of results (an empty list when nothing matches)")
    @APIResponse(responseCode = "400", description = "No criterion, an unknown kind or a bad page number; see errors")
    @APIResponse(responseCode = "429", description = "Too many costly requests from this address; see Retry-After")
    public Response search(@QueryParam("kind") @Parameter(description = "land-title (the only kind searchable so far)") String kind,
                           @QueryParam("q") @Parameter(description = "a PIN or a thram number", example = "KAW1-1108") String q,
                           @QueryParam("dzongkhag") String dzongkhag, @QueryParam("gewog") String gewog,
                           @QueryParam("page") @Parameter(description = "from 1") String page,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (kind != null && !kind.isBlank() && !kind.strip().equals(LandTitle.KIND)) {
            errors.add("kind", "kind.unsearchable", "Only " + LandTitle.KIND + " records can be searched");
        }
        int pageNo = 1;
        if (page != null) {
            try {
                pageNo = wholeNumber("page", page);
            } catch (ValidationException e) {
                e.errors().forEach(err -> errors.add(err.field(), err.code(), err.message()));
            }
        }
        errors.throwIfAny();
        String query = blankToNull(q);
        List<ParcelSummary> hits = land.search(new ParcelSearch(query, null, blankToNull(dzongkhag), blankToNull(gewog)));
        if (query != null && hits.isEmpty()) {
            hits = land.search(new ParcelSearch(null, query, blankToNull(dzongkhag), blankToNull(gewog)));
        }
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("kind", LandTitle.KIND);
        criteria.put("q", query);
        criteria.put("dzongkhag", blankToNull(dzongkhag));
        criteria.put("gewog", blankToNull(gewog));
        int from = Math.min(hits.size(), (pageNo - 1) * PAGE_SIZE);
        List<ParcelSummary> onPage = new ArrayList<>(hits.subList(from, Math.min(hits.size(), from + PAGE_SIZE)));
        return tagged(ApiJson.searchPage(criteria, pageNo, PAGE_SIZE, hits.size(), onPage).toString(), ifNoneMatch);
    }

    private List<VersionView> versionsOf(String recordKey) {
        try {
            RecordKey.parse(recordKey);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("A record key is kind:id, e.g. land-title:KAW1-1108");
        }
        List<VersionView> versions = queries.versions(recordKey);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("This portal holds no record " + recordKey);
        }
        return versions;
    }

    /** A JSON answer with a weak validator of its own text: 304 when the client holds the same. */
    private static Response tagged(String body, String ifNoneMatch) {
        EntityTag tag = new EntityTag(CanonicalJson.sha256Hex(body).substring(0, 32));
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, SHORT_CACHE).build();
        }
        return Response.ok(body, ApiJson.JSON).tag(tag).header(HttpHeaders.CACHE_CONTROL, SHORT_CACHE).build();
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        return ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(tag.toString()));
    }

    private static int wholeNumber(String field, String text) {
        String s = text.strip();
        if (!s.matches("[0-9]{1,9}") || Integer.parseInt(s) < 1) {
            throw ValidationException.of(field, "number", "Give " + field + " as a whole number from 1");
        }
        return Integer.parseInt(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
