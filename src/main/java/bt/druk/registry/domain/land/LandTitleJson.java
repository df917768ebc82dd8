package bt.druk.registry.domain.land;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.Party;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of a land title version (the {@code data} of the hashed record document). Decimals
 * and shares are strings so that they stay exact; times are ISO-8601 UTC with millisecond precision.
 * People appear only as their {@link Party#commitment() commitments}, so the document holds no
 * personal data and can be published; reading it back needs the parties that the portal keeps.
 */
public final class LandTitleJson {

    private LandTitleJson() {
    }

    public static JsonObject toJson(LandTitle title) {
        Parcel p = title.parcel();
        JsonObjectBuilder parcel = JSON.createObjectBuilder()
                .add("pin", p.pin())
                .add("thramNo", p.thramNo())
                .add("dzongkhag", p.dzongkhag())
                .add("gewog", p.gewog())
                .add("areaAcres", p.areaAcres().toPlainString())
                .add("landType", p.landType().name());
        if (p.boundary() != null) {
            // Only when present: the documents (and hashes) of titles without a boundary stay as they were.
            parcel.add("boundary", boundary(p.boundary()));
        }
        JsonArrayBuilder mortgages = JSON.createArrayBuilder();
        title.mortgages().forEach(m -> mortgages.add(JSON.createObjectBuilder()
                .add("ref", m.ref()).add("lender", m.lender()).add("registeredAt", time(m.registeredAt()))));
        JsonArrayBuilder caveats = JSON.createArrayBuilder();
        title.caveats().forEach(c -> caveats.add(JSON.createObjectBuilder()
                .add("ref", c.ref()).add("reason", c.reason()).add("lodgedAt", time(c.lodgedAt()))));
        JsonObjectBuilder details = JSON.createObjectBuilder();
        title.event().details().forEach(details::add);
        JsonObjectBuilder eventParties = JSON.createObjectBuilder();
        title.event().parties().forEach((role, party) -> eventParties.add(role, party.commitment()));
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("operation", title.event().operation().name())
                .add("recordedAt", time(title.event().recordedAt()))
                .add("recordedBy", title.event().recordedBy())
                .add("office", title.event().office())
                .add("details", details)
                .add("parties", eventParties);
        JsonObjectBuilder root = JSON.createObjectBuilder()
                .add("parcel", parcel)
                .add("owners", owners(title.owners()))
                .add("mortgages", mortgages)
                .add("caveats", caveats)
                .add("status", title.status().ledgerCode())
                .add("event", event);
        if (!title.lineage().isEmpty()) {
            // Only when there is one: the documents (and hashes) of every other title stay as they were.
            root.add("lineage", JSON.createObjectBuilder()
                    .add("cameFrom", JSON.createArrayBuilder(title.lineage().cameFrom()))
                    .add("wentInto", JSON.createArrayBuilder(title.lineage().wentInto())));
        }
        PendingTransfer t = title.pendingTransfer();
        if (t == null) {
            root.addNull("pendingTransfer");
        } else {
            root.add("pendingTransfer", JSON.createObjectBuilder()
                    .add("transferType", t.transferType().name())
                    .add("newOwners", owners(t.newOwners()))
                    .add("lodgedAt", time(t.lodgedAt()))
                    .add("noticeEndsAt", time(t.noticeEndsAt())));
        }
        return root.build();
    }

    /**
     * @param parties the party for each commitment in the document
     * @throws IllegalStateException if a commitment has no party
     */
    public static LandTitle fromJson(JsonObject json, Function<String, Optional<Party>> parties) {
        JsonObject p = json.getJsonObject("parcel");
        Parcel parcel = new Parcel(p.getString("pin"), p.getString("thramNo"), p.getString("dzongkhag"),
                p.getString("gewog"), new BigDecimal(p.getString("areaAcres")), LandType.valueOf(p.getString("landType")),
                p.containsKey("boundary") ? Boundary.fromGeoJson(null, p.getJsonObject("boundary").toString()) : null);
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
            pending = new PendingTransfer(TransferType.valueOf(t.getString("transferType")), owners(t.getJsonArray("newOwners"), parties),
                    Instant.parse(t.getString("lodgedAt")), Instant.parse(t.getString("noticeEndsAt")));
        }
        JsonObject e = json.getJsonObject("event");
        Map<String, String> details = new LinkedHashMap<>();
        e.getJsonObject("details").forEach((k, v) -> details.put(k, ((JsonString) v).getString()));
        Map<String, Party> eventParties = new LinkedHashMap<>();
        e.getJsonObject("parties").forEach((role, v) -> eventParties.put(role, party(((JsonString) v).getString(), parties)));
        TitleEvent event = new TitleEvent(TitleOperation.valueOf(e.getString("operation")), Instant.parse(e.getString("recordedAt")),
                e.getString("recordedBy"), e.getString("office"), details, eventParties);
        Lineage lineage = Lineage.NONE;
        if (json.containsKey("lineage")) {
            JsonObject l = json.getJsonObject("lineage");
            lineage = new Lineage(strings(l.getJsonArray("cameFrom")), strings(l.getJsonArray("wentInto")));
        }
        return new LandTitle(parcel, owners(json.getJsonArray("owners"), parties), mortgages, caveats, pending,
                TitleStatus.fromLedgerCode(json.getString("status")), event, lineage);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * A boundary as its {@link Boundary#canonicalJson() canonical JSON} object. The record hash is
     * taken over RFC 8785 canonical JSON of the whole document, which orders the members by name and
     * writes 214000.000 as 214000; the boundary's own normalisation (millimetres, ring direction and
     * start vertex) is what makes one polygon always hash the same.
     */
    private static JsonObject boundary(Boundary boundary) {
        try (JsonReader reader = JSON.createReader(new StringReader(boundary.canonicalJson()))) {
            return reader.readObject();
        }
    }

    /** Times are kept to the millisecond so that the JSON round-trips exactly. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String time(Instant instant) {
        return truncate(instant).toString();
    }

    private static JsonArrayBuilder owners(List<Owner> owners) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        owners.forEach(o -> array.add(JSON.createObjectBuilder()
                .add("party", o.party().commitment()).add("share", o.share().toString())));
        return array;
    }

    private static List<Owner> owners(JsonArray array, Function<String, Optional<Party>> parties) {
        List<Owner> owners = new ArrayList<>();
        for (JsonValue v : array) {
            JsonObject o = v.asJsonObject();
            owners.add(new Owner(party(o.getString("party"), parties), Share.parse(o.getString("share"))));
        }
        return owners;
    }

    private static Party party(String commitment, Function<String, Optional<Party>> parties) {
        return parties.apply(commitment)
                .orElseThrow(() -> new IllegalStateException("No party is stored for commitment " + commitment));
    }

    /** The commitments a land title document names (owners, incoming owners, event parties). */
    public static Set<String> commitmentsIn(JsonObject json) {
        Set<String> commitments = new LinkedHashSet<>();
        json.getJsonArray("owners").forEach(o -> commitments.add(o.asJsonObject().getString("party")));
        if (!json.isNull("pendingTransfer")) {
            json.getJsonObject("pendingTransfer").getJsonArray("newOwners")
                    .forEach(o -> commitments.add(o.asJsonObject().getString("party")));
        }
        json.getJsonObject("event").getJsonObject("parties").values().forEach(v -> commitments.add(((JsonString) v).getString()));
        return commitments;
    }
}
