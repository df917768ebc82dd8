package bt.druk.registry.domain.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tender version as the register data of its hashed record. Amounts and quantities are decimal
 * strings and times ISO-8601 UTC strings, so the canonical JSON never depends on number formatting.
 * No personal data: a tender names only the procuring agency and its clerk's user name.
 */
public final class TenderJson {

    private TenderJson() {
    }

    public static JsonObject toJson(Tender t) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (TenderItem item : t.items()) {
            items.add(JSON.createObjectBuilder()
                    .add("description", item.description())
                    .add("quantity", item.quantity().toPlainString())
                    .add("unit", item.unit()));
        }
        JsonArrayBuilder documents = JSON.createArrayBuilder();
        for (TenderDocument d : t.documents()) {
            documents.add(JSON.createObjectBuilder()
                    .add("title", d.title())
                    .add("documentType", d.documentType())
                    .add("fileName", d.fileName())
                    .add("mediaType", d.mediaType())
                    .add("size", d.size())
                    .add("sha256", d.sha256()));
        }
        TenderEvent e = t.event();
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("operation", e.operation().name())
                .add("at", e.at().toString())
                .add("by", e.by())
                .add("office", e.office());
        nullable(event, "reason", e.reason());
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("ocid", t.ocid())
                .add("tenderNumber", t.tenderNumber())
                .add("title", t.title())
                .add("description", t.description())
                .add("procuringEntity", JSON.createObjectBuilder()
                        .add("code", t.procuringEntity().code())
                        .add("name", t.procuringEntity().name()))
                .add("procurementMethod", t.method().code())
                .add("mainProcurementCategory", t.category().code())
                .add("estimatedValue", JSON.createObjectBuilder()
                        .add("amount", t.estimatedValue().toPlainString())
                        .add("currency", Tender.CURRENCY))
                .add("bidDeadline", t.bidDeadline().toString())
                .add("items", items)
                .add("documents", documents)
                .add("status", t.status().ledgerCode())
                .add("published", t.published().toString())
                .add("event", event);
        nullable(json, "enquiryPeriodEnd", t.enquiryPeriodEnd() == null ? null : t.enquiryPeriodEnd().toString());
        nullable(json, "awardedBid", t.awardedBidKey());
        nullable(json, "statusReason", t.statusReason());
        // A tender published before sealed opening has no such member, and its document (and hash) stays as it was.
        if (t.opening() != null) {
            json.add("opening", t.opening().toJson());
        }
        return json.build();
    }

    public static Tender fromJson(JsonObject json) {
        List<TenderItem> items = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("items")) {
            JsonObject item = v.asJsonObject();
            items.add(new TenderItem(item.getString("description"), new BigDecimal(item.getString("quantity")), item.getString("unit")));
        }
        List<TenderDocument> documents = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("documents")) {
            JsonObject d = v.asJsonObject();
            documents.add(new TenderDocument(d.getString("title"), d.getString("documentType"), d.getString("fileName"),
                    d.getString("mediaType"), d.getJsonNumber("size").longValueExact(), d.getString("sha256")));
        }
        JsonObject entity = json.getJsonObject("procuringEntity");
        JsonObject e = json.getJsonObject("event");
        TenderEvent event = new TenderEvent(TenderOperation.valueOf(e.getString("operation")), string(e, "reason"),
                Instant.parse(e.getString("at")), e.getString("by"), e.getString("office"));
        String enquiryEnd = string(json, "enquiryPeriodEnd");
        return new Tender(json.getString("ocid"), json.getString("tenderNumber"), json.getString("title"),
                json.getString("description"), new ProcuringEntity(entity.getString("code"), entity.getString("name")),
                ProcurementMethod.fromCode(json.getString("procurementMethod")),
                MainCategory.fromCode(json.getString("mainProcurementCategory")),
                new BigDecimal(json.getJsonObject("estimatedValue").getString("amount")),
                enquiryEnd == null ? null : Instant.parse(enquiryEnd), Instant.parse(json.getString("bidDeadline")),
                items, documents, TenderStatus.fromLedgerCode(json.getString("status")), string(json, "awardedBid"),
                string(json, "statusReason"), Instant.parse(json.getString("published")), event,
                json.containsKey("opening") ? TenderOpening.fromJson(json.getJsonObject("opening")) : null);
    }

    private static void nullable(JsonObjectBuilder builder, String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.containsKey(name) && !json.isNull(name) ? json.getString(name) : null;
    }
}
