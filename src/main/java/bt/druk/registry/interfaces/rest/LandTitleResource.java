package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/land/titles}: first registration of a land title by a land clerk, the same
 * command and service as the clerk's form. Answers 202 once the version and its ledger submission
 * are stored; the ledger's verdict follows at {@code Location} ({@code GET /api/records/<key>}).
 */
@Path("land/titles")
@RequestScoped
public class LandTitleResource {

    @Inject
    LandTitleService titles;

    @Inject
    CurrentStaff staff;

    @POST
    @Consumes(ApiJson.JSON)
    @Produces({ApiJson.JSON, ApiJson.PROBLEM})
    public Response register(String body) {
        StaffMember actor = StaffCaller.require(staff);
        SubmissionAck ack = titles.registerFirstTitle(actor, command(JsonBody.object(body)));
        return Response.accepted(ApiJson.accepted(ack).toString()).type(ApiJson.JSON)
                .location(UriBuilder.fromPath("records/{key}").build(ack.recordKey())).build();
    }

    /**
     * The form's fields by the command's names; {@code landType} by its code ({@code DRY_LAND}), owners
     * as {@code [{"name", "cid", "share"}]}. Wrong JSON types are field errors; the rest is the service's.
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
        List<OwnerInput> owners = new ArrayList<>();
        JsonValue given = json.get("owners");
        if (given != null && given != JsonValue.NULL && given.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add("owners", "type", "Give owners as a JSON array of {name, cid, share}");
        } else if (given != null && given != JsonValue.NULL) {
            var list = given.asJsonArray();
            for (int i = 0; i < list.size(); i++) {
                String field = "owners[" + i + "]";
                if (!(list.get(i) instanceof JsonObject owner)) {
                    errors.add(field, "type", "Give each owner as a JSON object {name, cid, share}");
                    continue;
                }
                owners.add(new OwnerInput(JsonBody.string(owner, "name", field + ".name", errors),
                        JsonBody.string(owner, "cid", field + ".cid", errors), JsonBody.text(owner, "share", field + ".share", errors)));
            }
        }
        errors.throwIfAny();
        return new FirstRegistrationCommand(pin, thramNo, dzongkhag, gewog, area, landType, owners);
    }
}
