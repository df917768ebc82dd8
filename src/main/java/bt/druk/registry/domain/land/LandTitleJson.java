package bt.druk.registry.domain.land;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a land title version (the {@code data} of the hashed record document). Decimals
 * and shares are strings so that they stay exact; times are ISO-8601 UTC with millisecond precision.
 */
public final class LandTitleJson {

    private LandTitleJson() {
    }

    public static JsonObject toJson(LandTitle title) {
        Parcel p = title.parcel();
        JsonObjectBuilder parcel = Json.createObjectBuilder()
                .add("pin", p.pin())
                .add("thramNo", p.thramNo())
                .add("dzongkhag", p.dzongkhag())
                .add("gewog", p.gewog())
                .add("areaAcres", p.areaAcres().toPlainString())
                .add("landType", p.landType().name());
        JsonArrayBuilder mortgages = Json.createArrayBuilder();
        title.mortgages().forEach(m -> mortgages.add(Json.createObjectBuilder()
                .add("ref", m.ref()).add("lender", m.lender()).add("registeredAt", time(m.registeredAt()))));
        JsonArrayBuilder caveats = Json.createArrayBuilder();
        title.caveats().forEach(c -> caveats.add(Json.createObjectBuilder()
                .add("ref", c.ref()).add("reason", c.reason()).add("lodgedAt", time(c.lodgedAt()))));
        JsonObjectBuilder details = Json.createObjectBuilder();
        title.event().details().forEach(details::add);
        JsonObjectBuilder event = Json.createObjectBuilder()
                .add("operation", title.event().operation().name())
                .add("recordedAt", time(title.event().recordedAt()))
                .add("recordedBy", title.event().recordedBy())
                .add("office", title.event().office())
                .add("details", details);
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("parcel", parcel)
                .add("owners", owners(title.owners()))
                .add("mortgages", mortgages)
                .add("caveats", caveats)
                .add("status", title.status().ledgerCode())
                .add("event", event);
        PendingTransfer t = title.pendingTransfer();
        if (t == null) {
            root.addNull("pendingTransfer");
        } else {
            root.add("pendingTransfer", Json.createObjectBuilder()
                    .add("transferType", t.transferType().name())
                    .add("newOwners", owners(t.newOwners()))
                    .add("lodgedAt", time(t.lodgedAt()))
                    .add("noticeEndsAt", time(t.noticeEndsAt())));
        }
        return root.build();
    }

    public static LandTitle fromJson(JsonObject json) {
        JsonObject p = json.getJsonObject("parcel");
        Parcel parcel = new Parcel(p.getString("pin"), p.getString("thramNo"), p.getString("dzongkhag"),
                p.getString("gewog"), new BigDecimal(p.getString("areaAcres")), LandType.valueOf(p.getString("landType")));
        List<Mortgage> mortgages = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("mortgages")) {
            JsonObject m = v.asJsonObject();
            mortgages.add(new Mortgage(m.getString("ref"), m.getString("lender"), Instant.parse(m.getString("registeredAt"))));
        }
        List<Caveat> caveats = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("caveats")) {
            JsonObject c = v.asJsonObject();
            caveats.add(new Caveat(c.getString("ref"), c.getString("reason"), Instant.parse(c.getString("lodgedAt"))));
        }
        PendingTransfer pending = null;
        if (!json.isNull("pendingTransfer")) {
            JsonObject t = json.getJsonObject("pendingTransfer");
            pending = new PendingTransfer(TransferType.valueOf(t.getString("transferType")), owners(t.getJsonArray("newOwners")),
                    Instant.parse(t.getString("lodgedAt")), Instant.parse(t.getString("noticeEndsAt")));
        }
        JsonObject e = json.getJsonObject("event");
        Map<String, String> details = new LinkedHashMap<>();
        e.getJsonObject("details").forEach((k, v) -> details.put(k, ((jakarta.json.JsonString) v).getString()));
        TitleEvent event = new TitleEvent(TitleOperation.valueOf(e.getString("operation")), Instant.parse(e.getString("recordedAt")),
                e.getString("recordedBy"), e.getString("office"), details);
        return new LandTitle(parcel, owners(json.getJsonArray("owners")), mortgages, caveats, pending,
                TitleStatus.fromLedgerCode(json.getString("status")), event);
    }

    /** Times are kept to the millisecond so that the JSON round-trips exactly. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String time(Instant instant) {
        return truncate(instant).toString();
    }

    private static JsonArrayBuilder owners(List<Owner> owners) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        owners.forEach(o -> array.add(Json.createObjectBuilder()
                .add("name", o.name()).add("cid", o.cid()).add("share", o.share().toString())));
        return array;
    }

    private static List<Owner> owners(JsonArray array) {
        List<Owner> owners = new ArrayList<>();
        for (JsonValue v : array) {
            JsonObject o = v.asJsonObject();
            owners.add(new Owner(o.getString("name"), o.getString("cid"), Share.parse(o.getString("share"))));
        }
        return owners;
    }
}
