package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.land.ParcelBoundaries;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.Wgs84Reprojection;
import bt.druk.registry.domain.shared.JsonProviders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
 * A parcel's surveyed boundary as a GeoJSON Feature, for maps: by default reprojected to WGS 84
 * (RFC 7946, {@code [longitude, latitude]}, {@code application/geo+json}); with
 * {@code ?crs=surveyed} the coordinates as surveyed, {@code [easting, northing]} in metres, the
 * geometry naming its CRS in a {@code crs} member as a first registration takes it (RFC 7946 has no
 * CRS other than WGS 84, so that answer is plain {@code application/json}). The Feature's properties
 * are the PIN, the CRS surveyed in and the area; nothing about owners.
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

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
