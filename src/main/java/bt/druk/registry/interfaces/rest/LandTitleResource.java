package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.land.AdjustBoundaryCommand;
import bt.druk.registry.application.land.CourtOrderTransferCommand;
import bt.druk.registry.application.land.DischargeMortgageCommand;
import bt.druk.registry.application.land.FinaliseTransferCommand;
import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.LodgeTransferCommand;
import bt.druk.registry.application.land.MergeCommand;
import bt.druk.registry.application.land.ObjectToTransferCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.land.ReleaseCaveatCommand;
import bt.druk.registry.application.land.SubdivideCommand;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.JsonProviders;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Land clerks' writes, the same commands and service as the clerk's forms, as the clerk signed in
 * with HTTP Basic (so the ledger identity and the audit trail are the clerk's, as on the forms):
 * {@code POST /api/land/titles} registers a title for the first time; the follow-up transactions
 * of a title's page are {@code POST /api/land/titles/<pin>/<action>}. Each answers 202 once the
 * version and its ledger submission are stored; the ledger's verdict follows at {@code Location}
 * ({@code GET /api/records/<key>}).
 *
 * <p>A change names the version it was based on ({@code expectedVersion}, required here although
 * the command allows none: an API client that skipped it could overwrite a change it never saw);
 * a stale one is a 409.
 */
@Path("land/titles")
@RequestScoped
@Tag(name = "land", description = "Land clerks' registrations and updates (HTTP Basic)")
@SecurityScheme(securitySchemeName = "staff", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityRequirement(name = "staff")
@APIResponse(responseCode = "401", description = "No or wrong staff credentials (HTTP Basic)")
@APIResponse(responseCode = "403", description = "The caller is not a land clerk with an office")
public class LandTitleResource {

    @Inject
    LandTitleService titles;

    @Inject
    ParcelLineageService lineage;

    @Inject
    CurrentStaff staff;

    @POST
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "First registration of a land title: {pin, thramNo, dzongkhag, gewog, areaAcres, landType, "
            + "owners: [{name, cid, share, household?}], boundary?: {crs: \"EPSG:5266\", type: \"Polygon\", coordinates: [[[easting, northing], …]]}, "
            + "areaReason?}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger; Location is the record")
    @APIResponse(responseCode = "400", description = "Invalid fields, with the form's messages in errors")
    public Response register(String body) {
        StaffMember actor = StaffCaller.require(staff);
        return accepted(titles.registerFirstTitle(actor, command(JsonBody.object(body))));
    }

    @POST
    @Path("{pin}/transfers")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Lodge a transfer: {expectedVersion, transferType: SALE|GIFT|INHERITANCE, newOwners: [{name, cid, share, household?}]}; "
            + "it waits through the public notice period; refused (at newOwners[i].household or .cid) where it takes a family "
            + "above the Land Act 2007's ceiling")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger; Location is the record")
    @APIResponse(responseCode = "400", description = "Invalid fields or a rule of the title (field \"\"), with the form's messages")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is no longer the title's latest version")
    public Response lodgeTransfer(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            TransferType type = transferType(json, errors);
            List<OwnerInput> owners = owners(json, "newOwners", errors);
            errors.throwIfAny();
            return actor -> titles.lodgeTransfer(actor, new LodgeTransferCommand(pin, expected, type, owners));
        });
    }

    @POST
    @Path("{pin}/court-orders")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Register a court-ordered transfer the same day: {expectedVersion, court, caseNumber, "
            + "courtOrderSha256, newOwners: [{name, cid, share, household?}]}; no notice period, a pending transfer is void, the order's "
            + "SHA-256 goes to the ledger; registered even where it takes a family above the Land Act 2007's ceiling (the court's "
            + "order outranks it), with those families in warnings")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger; Location is the record; warnings: "
            + "[{field, code, message}] for each family of the new owners above the ceiling")
    @APIResponse(responseCode = "400", description = "Invalid fields (court, caseNumber, courtOrderSha256, newOwners) or the "
            + "parcel is retired (field \"\")")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is no longer the title's latest version")
    public Response transferByCourtOrder(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            String court = JsonBody.string(json, "court", "court", errors);
            String caseNumber = JsonBody.string(json, "caseNumber", "caseNumber", errors);
            String sha = JsonBody.string(json, "courtOrderSha256", "courtOrderSha256", errors);
            List<OwnerInput> owners = owners(json, "newOwners", errors);
            errors.throwIfAny();
            return actor -> titles.transferByCourtOrder(actor, new CourtOrderTransferCommand(pin, expected, court, caseNumber, sha,
                    owners));
        }, (actor, ack) -> titles.familyCeilingWarnings(actor, pin));
    }

    @POST
    @Path("{pin}/transfer-objections")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Object to the pending transfer during its notice period: {expectedVersion, objectorName, reason}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger")
    @APIResponse(responseCode = "400", description = "Invalid fields or no transfer pending")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response objectToTransfer(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            String objector = JsonBody.string(json, "objectorName", "objectorName", errors);
            String reason = JsonBody.string(json, "reason", "reason", errors);
            errors.throwIfAny();
            return actor -> titles.objectToTransfer(actor, new ObjectToTransferCommand(pin, expected, objector, reason));
        });
    }

    @POST
    @Path("{pin}/transfer-finalisations")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Finalise the pending transfer once its notice period is over: {expectedVersion}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger")
    @APIResponse(responseCode = "400", description = "No transfer pending, or its notice period is not over")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response finaliseTransfer(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            errors.throwIfAny();
            return actor -> titles.finaliseTransfer(actor, new FinaliseTransferCommand(pin, expected));
        });
    }

    @POST
    @Path("{pin}/mortgages")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Note a mortgage: {expectedVersion, mortgageRef, lender}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger")
    @APIResponse(responseCode = "400", description = "Invalid fields or a rule of the title")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response registerMortgage(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            String ref = JsonBody.string(json, "mortgageRef", "mortgageRef", errors);
            String lender = JsonBody.string(json, "lender", "lender", errors);
            errors.throwIfAny();
            return actor -> titles.registerMortgage(actor, new RegisterMortgageCommand(pin, expected, ref, lender));
        });
    }

    @POST
    @Path("{pin}/mortgage-discharges")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Discharge an open mortgage: {expectedVersion, mortgageRef}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger")
    @APIResponse(responseCode = "400", description = "Invalid fields or no such open mortgage")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response dischargeMortgage(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            String ref = JsonBody.string(json, "mortgageRef", "mortgageRef", errors);
            errors.throwIfAny();
            return actor -> titles.dischargeMortgage(actor, new DischargeMortgageCommand(pin, expected, ref));
        });
    }

    @POST
    @Path("{pin}/caveats")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Lodge a caveat: {expectedVersion, caveatRef, reason}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger")
    @APIResponse(responseCode = "400", description = "Invalid fields or a rule of the title")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response lodgeCaveat(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            String ref = JsonBody.string(json, "caveatRef", "caveatRef", errors);
            String reason = JsonBody.string(json, "reason", "reason", errors);
            errors.throwIfAny();
            return actor -> titles.lodgeCaveat(actor, new LodgeCaveatCommand(pin, expected, ref, reason));
        });
    }

    @POST
    @Path("{pin}/caveat-releases")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Release an open caveat: {expectedVersion, caveatRef}")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger")
    @APIResponse(responseCode = "400", description = "Invalid fields or no such open caveat")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response releaseCaveat(@PathParam("pin") String pin, String body) {
        return change(body, json -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer expected = expectedVersion(json, errors);
            String ref = JsonBody.string(json, "caveatRef", "caveatRef", errors);
            errors.throwIfAny();
            return actor -> titles.releaseCaveat(actor, new ReleaseCaveatCommand(pin, expected, ref));
        });
    }

    @POST
    @Path("{pin}/subdivisions")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Subdivide the parcel: {expectedVersion, children: [{pin, areaAcres, thramNo?, gewog?, landType?, "
            + "boundary?}]}; one ledger transaction retires it and registers the children with the same owners and every "
            + "open mortgage (docs/parcel-lineage.md)")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger: the parent's acknowledgement with "
            + "children, one per child; Location is the parent's record")
    @APIResponse(responseCode = "400", description = "A child breaks a rule (field children[i].…: minimum plot, wetland, "
            + "overlap naming the PINs) or the parcel cannot be subdivided now (field \"\": caveat, transfer pending, retired)")
    @APIResponse(responseCode = "404", description = "No title with this PIN")
    @APIResponse(responseCode = "409", description = "expectedVersion is stale")
    public Response subdivide(@PathParam("pin") String pin, String body) {
        StaffMember actor = StaffCaller.require(staff);
        JsonObject json = JsonBody.object(body);
        ValidationException.Collector errors = new ValidationException.Collector();
        Integer expected = expectedVersion(json, errors);
        List<SubdivideCommand.Child> children = children(json, errors);
        errors.throwIfAny();
        return acceptedTogether(lineage.subdivide(actor, new SubdivideCommand(pin, expected, children)), "children");
    }

    private static List<SubdivideCommand.Child> children(JsonObject json, ValidationException.Collector errors) {
        JsonValue given = json.get("children");
        if (given == null || given.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add("children", "type", "Give children as a JSON array of {pin, areaAcres, thramNo?, gewog?, landType?, boundary?}");
            return List.of();
        }
        List<SubdivideCommand.Child> children = new ArrayList<>();
        var list = given.asJsonArray();
        for (int i = 0; i < list.size(); i++) {
            String field = "children[" + i + "]";
            if (!(list.get(i) instanceof JsonObject child)) {
                errors.add(field, "type", "Give each child as a JSON object {pin, areaAcres, …}");
                continue;
            }
            children.add(child(child, field, errors));
        }
        return children;
    }

    /** A new parcel {pin, areaAcres, thramNo?, gewog?, landType?, boundary?}; errors named under {@code field}. */
    private static SubdivideCommand.Child child(JsonObject child, String field, ValidationException.Collector errors) {
        LandType landType = null;
        String type = JsonBody.string(child, "landType", field + ".landType", errors);
        if (type != null) {
            try {
                landType = LandType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(field + ".landType", "landType.unknown", "Land type is one of " + List.of(LandType.values()));
            }
        }
        return new SubdivideCommand.Child(JsonBody.string(child, "pin", field + ".pin", errors),
                JsonBody.string(child, "thramNo", field + ".thramNo", errors),
                JsonBody.string(child, "gewog", field + ".gewog", errors),
                JsonBody.decimal(child, "areaAcres", field + ".areaAcres", errors), landType,
                boundary(child, field + ".boundary", errors));
    }

    /** The member {@code boundary} as GeoJSON text, or null where absent; the service reads the polygon and its CRS. */
    private static String boundary(JsonObject json, String field, ValidationException.Collector errors) {
        JsonValue shape = json.get("boundary");
        if (shape == null || shape == JsonValue.NULL) {
            return null;
        }
        if (shape.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(field, "type", "Give boundary as a GeoJSON Polygon object naming its CRS");
            return null;
        }
        return shape.toString();
    }

    @POST
    @Path("{pin}/boundary-adjustments")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Move the boundary between the parcel and a neighbour: {expectedVersion, areaAcres, boundary, "
            + "neighbour: {pin, expectedVersion, areaAcres, boundary}}; one ledger transaction writes a new version of each with "
            + "its new area and boundary, the owners, PINs and mortgages unchanged (docs/parcel-lineage.md)")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger: the parcel's acknowledgement with "
            + "neighbours, the neighbour's; Location is the parcel's record")
    @APIResponse(responseCode = "400", description = "A rule is broken (areas not adding up, minimum plot, wetland, a boundary "
            + "overlapping another parcel naming its PIN, a caveat, a transfer pending, a parcel retired)")
    @APIResponse(responseCode = "404", description = "A PIN has no title")
    @APIResponse(responseCode = "409", description = "An expectedVersion is stale")
    public Response adjustBoundary(@PathParam("pin") String pin, String body) {
        StaffMember actor = StaffCaller.require(staff);
        JsonObject json = JsonBody.object(body);
        ValidationException.Collector errors = new ValidationException.Collector();
        AdjustBoundaryCommand.Side parcel = side(json, pin, "", errors);
        AdjustBoundaryCommand.Side neighbour = null;
        if (!(json.get("neighbour") instanceof JsonObject other)) {
            errors.add("neighbour", "type", "Give neighbour as a JSON object {pin, expectedVersion, areaAcres, boundary}");
        } else {
            neighbour = side(other, JsonBody.string(other, "pin", "neighbour.pin", errors), "neighbour.", errors);
        }
        errors.throwIfAny();
        return acceptedTogether(lineage.adjustBoundary(actor, new AdjustBoundaryCommand(parcel, neighbour)), "neighbours");
    }

    /** One parcel of an adjustment, its errors named under {@code prefix}. */
    private static AdjustBoundaryCommand.Side side(JsonObject json, String pin, String prefix, ValidationException.Collector errors) {
        return new AdjustBoundaryCommand.Side(pin, expectedVersion(json, prefix + "expectedVersion", errors),
                JsonBody.decimal(json, "areaAcres", prefix + "areaAcres", errors), boundary(json, prefix + "boundary", errors));
    }

    @POST
    @Path("mergers")
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    @Operation(summary = "Merge parcels of the same owners: {parents: [{pin, expectedVersion}], child: {pin, areaAcres, thramNo?, "
            + "gewog?, landType?, boundary?}}; one ledger transaction retires the parents and registers the merged parcel with "
            + "every parent's open mortgages (docs/parcel-lineage.md)")
    @APIResponse(responseCode = "202", description = "Stored and waiting for the ledger: the merged parcel's acknowledgement "
            + "with parents, one per parent; Location is the merged parcel's record")
    @APIResponse(responseCode = "400", description = "A rule is broken (other owners or shares, areas, wetland, a caveat, "
            + "a transfer pending, a parcel retired)")
    @APIResponse(responseCode = "404", description = "A parent PIN has no title")
    @APIResponse(responseCode = "409", description = "A parent's expectedVersion is stale")
    public Response merge(String body) {
        StaffMember actor = StaffCaller.require(staff);
        JsonObject json = JsonBody.object(body);
        ValidationException.Collector errors = new ValidationException.Collector();
        List<MergeCommand.Parent> parents = new ArrayList<>();
        JsonValue given = json.get("parents");
        if (given == null || given.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add("parents", "type", "Give parents as a JSON array of {pin, expectedVersion}");
        } else {
            var list = given.asJsonArray();
            for (int i = 0; i < list.size(); i++) {
                String field = "parents[" + i + "]";
                if (!(list.get(i) instanceof JsonObject parent)) {
                    errors.add(field, "type", "Give each parent as a JSON object {pin, expectedVersion}");
                    continue;
                }
                Integer expected = expectedVersion(parent, field + ".expectedVersion", errors);
                parents.add(new MergeCommand.Parent(JsonBody.string(parent, "pin", field + ".pin", errors), expected));
            }
        }
        SubdivideCommand.Child child = null;
        if (!(json.get("child") instanceof JsonObject made)) {
            errors.add("child", "type", "Give child as a JSON object {pin, areaAcres, …}");
        } else {
            child = child(made, "child", errors);
        }
        errors.throwIfAny();
        return acceptedTogether(lineage.merge(actor, new MergeCommand(parents, child)), "parents");
    }

    /**
     * The caller first (a 401 before anything about the body), then the body read into a command,
     * then the service; its refusals reach {@link ApiExceptionMapper}.
     */
    private Response change(String body, Function<JsonObject, Function<StaffMember, SubmissionAck>> command) {
        StaffMember actor = StaffCaller.require(staff);
        return accepted(command.apply(JsonBody.object(body)).apply(actor));
    }

    /** As {@link #change(String, Function)}, the answer with {@code warnings} that {@code warnings} finds once the version is stored. */
    private Response change(String body, Function<JsonObject, Function<StaffMember, SubmissionAck>> command,
                            BiFunction<StaffMember, SubmissionAck, List<FieldError>> warnings) {
        StaffMember actor = StaffCaller.require(staff);
        SubmissionAck ack = command.apply(JsonBody.object(body)).apply(actor);
        return accepted(ack, JsonProviders.JSON.createObjectBuilder(ApiJson.accepted(ack))
                .add("warnings", ApiJson.fieldErrors(warnings.apply(actor, ack))).build());
    }

    /**
     * Versions written by one ledger call: the first one's acknowledgement, the others' under
     * {@code othersName}; {@code Location} is the first one's record.
     */
    private static Response acceptedTogether(List<SubmissionAck> acks, String othersName) {
        JsonArrayBuilder others = JsonProviders.JSON.createArrayBuilder();
        acks.subList(1, acks.size()).forEach(ack -> others.add(ApiJson.accepted(ack)));
        JsonObject answer = JsonProviders.JSON.createObjectBuilder(ApiJson.accepted(acks.get(0))).add(othersName, others).build();
        return Response.accepted(answer.toString()).type(ApiJson.JSON)
                .location(UriBuilder.fromPath("records/{key}").build(acks.get(0).recordKey())).build();
    }

    private static Response accepted(SubmissionAck ack) {
        return accepted(ack, ApiJson.accepted(ack));
    }

    /** 202 with {@code answer}; {@code Location} is the record. */
    private static Response accepted(SubmissionAck ack, JsonObject answer) {
        return Response.accepted(answer.toString()).type(ApiJson.JSON)
                .location(UriBuilder.fromPath("records/{key}").build(ack.recordKey())).build();
    }

    private static TransferType transferType(JsonObject json, ValidationException.Collector errors) {
        String given = JsonBody.string(json, "transferType", "transferType", errors);
        if (given == null) {
            return null; // the service says it is required, in the form's words
        }
        try {
            return TransferType.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("transferType", "transferType.unknown", "Transfer type is one of " + List.of(TransferType.values()));
            return null;
        }
    }

    /** The version the change is based on: a whole JSON number from 1, required. */
    static Integer expectedVersion(JsonObject json, ValidationException.Collector errors) {
        return expectedVersion(json, "expectedVersion", errors);
    }

    /** As {@link #expectedVersion(JsonObject, ValidationException.Collector)}, an error named {@code field}. */
    static Integer expectedVersion(JsonObject json, String field, ValidationException.Collector errors) {
        JsonValue value = json.get("expectedVersion");
        if (value == null || value == JsonValue.NULL) {
            errors.add(field, "required", "Give expectedVersion, the version of the title this change is based on");
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().signum() > 0
                && n.bigIntegerValue().bitLength() < 32) {
            return n.intValue();
        }
        errors.add(field, "type", "Give expectedVersion as a whole number from 1");
        return null;
    }

    /**
     * The form's fields by the command's names; {@code landType} by its code ({@code DRY_LAND}), owners
     * as {@code [{"name", "cid", "share"}]}, the optional {@code boundary} as a GeoJSON Polygon object
     * with a {@code crs} member (the shape {@code GET /api/parcels/<pin>/boundary?crs=surveyed} answers
     * with) and the optional {@code areaReason} text. Wrong JSON types are field errors; the rest is the service's.
     */
    static FirstRegistrationCommand command(JsonObject json) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String pin = JsonBody.string(json, "pin", "pin", errors);
        String thramNo = JsonBody.string(json, "thramNo", "thramNo", errors);
        String dzongkhag = JsonBody.string(json, "dzongkhag", "dzongkhag", errors);
        String gewog = JsonBody.string(json, "gewog", "gewog", errors);
        var area = JsonBody.decimal(json, "areaAcres", errors);
        LandType landType = null;
        String type = JsonBody.string(json, "landType", "landType", errors);
        if (type != null) {
            try {
                landType = LandType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("landType", "landType.unknown", "Land type is one of " + List.of(LandType.values()));
            }
        }
        List<OwnerInput> owners = owners(json, "owners", errors);
        String boundary = null;
        JsonValue given = json.get("boundary");
        if (given != null && given != JsonValue.NULL) {
            if (given.getValueType() == JsonValue.ValueType.OBJECT) {
                boundary = given.toString();
            } else {
                errors.add("boundary", "type", "Give boundary as a GeoJSON Polygon object naming its CRS: "
                        + "{\"crs\": \"EPSG:5266\", \"type\": \"Polygon\", \"coordinates\": [[[easting, northing], …]]}");
            }
        }
        String areaReason = JsonBody.string(json, "areaReason", "areaReason", errors);
        errors.throwIfAny();
        return new FirstRegistrationCommand(pin, thramNo, dzongkhag, gewog, area, landType, owners, boundary, areaReason);
    }

    /**
     * Owners as {@code [{"name", "cid", "share", "household"?}]} under {@code name} ({@code household}: the
     * number on the owner's census record, for the family ceiling); errors named as the service names them.
     */
    private static List<OwnerInput> owners(JsonObject json, String name, ValidationException.Collector errors) {
        List<OwnerInput> owners = new ArrayList<>();
        JsonValue given = json.get(name);
        if (given != null && given != JsonValue.NULL && given.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(name, "type", "Give " + name + " as a JSON array of {name, cid, share}");
        } else if (given != null && given != JsonValue.NULL) {
            var list = given.asJsonArray();
            for (int i = 0; i < list.size(); i++) {
                String field = name + "[" + i + "]";
                if (!(list.get(i) instanceof JsonObject owner)) {
                    errors.add(field, "type", "Give each owner as a JSON object {name, cid, share}");
                    continue;
                }
                owners.add(new OwnerInput(JsonBody.string(owner, "name", field + ".name", errors),
                        JsonBody.string(owner, "cid", field + ".cid", errors), JsonBody.text(owner, "share", field + ".share", errors),
                        JsonBody.text(owner, "household", field + ".household", errors)));
            }
        }
        return owners;
    }
}
