package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerRecordPage;
import bt.druk.registry.domain.ledger.PostedShares;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Parses the chaincode's read results (GetRecord, GetHistory, FindByHash, ListRecords). */
final class LedgerJson {

    private LedgerJson() {
    }

    static JsonStructure read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    static LedgerEntry entry(JsonObject o) {
        JsonObject submitter = o.containsKey("submitter") && o.get("submitter").getValueType() == JsonValue.ValueType.OBJECT
                ? o.getJsonObject("submitter") : null;
        return new LedgerEntry(
                o.getString("key"),
                o.getString("kind", null),
                o.getInt("version"),
                o.getString("hash"),
                o.isNull("previousHash") ? null : o.getString("previousHash", null),
                o.getString("status", null),
                o.getString("register", null),
                o.getString("office", null),
                submitter == null ? null : submitter.getString("mspId", null),
                submitter == null ? null : submitter.getString("subject", null),
                o.getString("txId", null),
                time(o.getString("txTime", null)),
                o.toString());
    }

    static List<LedgerHistoryItem> history(String json) {
        List<LedgerHistoryItem> items = new ArrayList<>();
        for (JsonValue value : read(json).asJsonArray()) {
            JsonObject item = value.asJsonObject();
            boolean deleted = item.getBoolean("isDelete", false);
            LedgerEntry entry = null;
            if (!deleted && item.containsKey("value") && !item.isNull("value")) {
                JsonValue v = item.get("value");
                // Tolerate the value arriving as an embedded JSON string.
                JsonObject object = v.getValueType() == JsonValue.ValueType.STRING
                        ? read(item.getString("value")).asJsonObject() : v.asJsonObject();
                entry = entry(object);
            }
            items.add(new LedgerHistoryItem(item.getString("txId", null), time(item.getString("timestamp", null)), deleted, entry));
        }
        return items;
    }

    static List<HashIndexHit> hashHits(String json) {
        List<HashIndexHit> hits = new ArrayList<>();
        for (JsonValue value : read(json).asJsonArray()) {
            JsonObject o = value.asJsonObject();
            hits.add(new HashIndexHit(o.getString("key"), o.getInt("version")));
        }
        return hits;
    }

    /** {@code GetOpeningShares}: {@code [{"holderIndex","msp","shares":{bidKey: share|null},"txId",...}, ...]}. */
    static List<PostedShares> postedShares(String json) {
        List<PostedShares> posted = new ArrayList<>();
        for (JsonValue value : read(json).asJsonArray()) {
            JsonObject o = value.asJsonObject();
            java.util.Map<String, String> shares = new java.util.TreeMap<>();
            for (var e : o.getJsonObject("shares").entrySet()) {
                shares.put(e.getKey(), e.getValue().getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) e.getValue()).getString() : null);
            }
            posted.add(new PostedShares(o.getInt("holderIndex"), o.getString("msp"), shares, o.getString("txId", "")));
        }
        return posted;
    }

    /** {@code {"bookmark":"...","records":[entry, ...]}}. */
    static LedgerRecordPage recordPage(String json) {
        JsonObject o = read(json).asJsonObject();
        List<LedgerEntry> records = new ArrayList<>();
        for (JsonValue value : o.getJsonArray("records")) {
            records.add(entry(value.asJsonObject()));
        }
        return new LedgerRecordPage(records, o.getString("bookmark", ""));
    }

    private static Instant time(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
