package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.land.MapParcel;
import bt.druk.registry.application.land.ParcelBoundaries;
import bt.druk.registry.application.land.ParcelMap;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.Wgs84Reprojection;
import bt.druk.registry.domain.shared.JsonProviders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Surveyed boundaries for maps. {@code GET /api/parcels/boundaries[?dzongkhag=…]}: the live parcels
 * that have one, as an RFC 7946 FeatureCollection in WGS 84, each Feature's {@code id} its PIN and
 * its properties where it lies, its recorded area and the link to its public record ({@link ParcelMap},
 * at most {@link ParcelMap#LIMIT} Features, {@code more} when the register has further ones).
 *
 * <p>{@code GET /api/parcels/{pin}/boundary}: one parcel's boundary as a GeoJSON Feature, by default reprojected to WGS 84
 * (RFC 7946, {@code [longitude, latitude]}, {@code application/geo+json}); with
 * {@code ?crs=surveyed} the coordinates as surveyed, {@code [easting, northing]} in metres, the
 * geometry naming its CRS in a {@code crs} member as a first registration takes it (RFC 7946 has no
 * CRS other than WGS 84, so that answer is plain {@code application/json}). The Feature's properties
 * are the PIN, the CRS surveyed in and the area.
 *
 * <p>Neither says anything about owners.
 */
@Path("parcels")
@RequestScoped
@Tag(name = "records", description = "Public records: versions, ledger receipts, documents, search")
public class ParcelBoundaryResource {

    static final String GEO_JSON = "application/geo+json";
    private static final String CACHE = "public, max-age=60";

    @Inject
    ParcelBoundaries boundaries;

    @Inject
    Wgs84Reprojection reprojection;

    @Inject
    ParcelMap map;

    @GET
    @Path("boundaries")
    @Produces({GEO_JSON, ApiJson.JSON, ApiJson.PROBLEM})
    @RateLimited
    @Operation(summary = "The live parcels with a surveyed boundary, in one dzongkhag or in all, as a GeoJSON FeatureCollection in WGS 84")
    @APIResponse(responseCode = "200", description = "At most " + ParcelMap.LIMIT + " parcels, the first by PIN; more says whether there are others")
    @APIResponse(responseCode = "400", description = "dzongkhag is not one of the 20 dzongkhags")
    @APIResponse(responseCode = "429", description = "The address has spent its budget of costly public calls")
    public Response boundaries(@QueryParam("dzongkhag") @Parameter(description = "A dzongkhag's name; all dzongkhags without it",
            example = "Punakha") String dzongkhag) {
        ParcelMap.Layer layer = map.layer(dzongkhag);
        // Written out directly, each outline as the reprojection wrote it: parsing thousands of outlines
        // into JSON objects only to write them again took most of the answer's time (LandGeometryBench).
        StringBuilder out = new StringBuilder(128 + layer.parcels().size() * 400);
        // Foreign members (RFC 7946, 6.1): what was asked and whether the answer was cut at the bound.
        out.append("{\"type\":\"FeatureCollection\",\"dzongkhag\":").append(layer.dzongkhag() == null ? "null" : quoted(layer.dzongkhag()))
                .append(",\"numberReturned\":").append(layer.parcels().size())
                .append(",\"limit\":").append(layer.limit())
                .append(",\"more\":").append(layer.more())
                .append(",\"features\":[");
        for (int i = 0; i < layer.parcels().size(); i++) {
            MapParcel parcel = layer.parcels().get(i);
            out.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(quoted(parcel.pin()))
                    .append(",\"geometry\":").append(parcel.outline().geoJson())
                    .append(",\"properties\":{\"pin\":").append(quoted(parcel.pin()))
                    .append(",\"dzongkhag\":").append(quoted(parcel.dzongkhag()))
                    .append(",\"gewog\":").append(quoted(parcel.gewog()))
                    .append(",\"landType\":").append(quoted(parcel.landType().name()))
                    .append(",\"areaAcres\":").append(parcel.areaAcres().toPlainString())
                    .append(",\"surveyedCrs\":").append(quoted(parcel.surveyedCrs().code()))
                    .append(",\"href\":").append(quoted(parcel.recordPath()))
                    .append("}}");
        }
        out.append("]}");
        return Response.ok(out.toString()).type(GEO_JSON).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    @GET
    @Path("{pin}/boundary")
    @Produces({GEO_JSON, ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "A parcel's surveyed boundary as a GeoJSON Feature, in WGS 84 or (?crs=surveyed) as surveyed")
    @APIResponse(responseCode = "200", description = "The boundary")
    @APIResponse(responseCode = "400", description = "crs is neither wgs84 nor surveyed")
    @APIResponse(responseCode = "404", description = "No parcel with this PIN, or the parcel has no surveyed boundary")
    public Response boundary(@PathParam("pin") @Parameter(example = "KAW1-1108") String pin,
                             @QueryParam("crs") @Parameter(description = "wgs84 (default) or surveyed") String crs) {
        boolean surveyed = surveyed(crs);
        ParcelBoundaries.Lookup lookup = boundaries.boundaryOf(pin);
        if (lookup instanceof ParcelBoundaries.Found found) {
            return Response.ok(feature(found.pin(), found.boundary(), surveyed).toString())
                    .type(surveyed ? ApiJson.JSON : GEO_JSON).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        if (lookup instanceof ParcelBoundaries.NoBoundary none) {
            throw ApiProblem.notFound("Parcel " + none.pin() + " has no surveyed boundary recorded");
        }
        throw ApiProblem.notFound("No parcel with PIN " + ((ParcelBoundaries.NoParcel) lookup).pin());
    }

    private static boolean surveyed(String crs) {
        if (crs == null || crs.isBlank()) {
            return false;
        }
        return switch (crs.strip().toLowerCase(Locale.ROOT)) {
            case "wgs84", "epsg:4326", "crs84" -> false;
            case "surveyed" -> true;
            default -> throw ApiProblem.badRequest("crs is wgs84 (the default) or surveyed, not " + crs.strip());
        };
    }

    private JsonObject feature(String pin, Boundary boundary, boolean surveyed) {
        String geometry = surveyed ? boundary.canonicalJson() : reprojection.toWgs84(boundary).geoJson();
        return JsonProviders.JSON.createObjectBuilder()
                .add("type", "Feature")
                .add("geometry", parse(geometry))
                .add("properties", JsonProviders.JSON.createObjectBuilder()
                        .add("pin", pin)
                        .add("surveyedCrs", boundary.crs().code())
                        .add("surveyedCrsName", boundary.crs().title())
                        .add("coordinates", surveyed ? "surveyed" : "wgs84")
                        .add("areaSquareMetres", boundary.areaSquareMetres().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                        .add("areaAcres", boundary.areaAcres().toPlainString()))
                .build();
    }

    /** A JSON string, quoted and escaped. */
    private static String quoted(String text) {
        return JsonProviders.JSON.createValue(text).toString();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
