package bt.druk.registry.verifier;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ledger held in maps, answering as the chaincode and qscc would: the writes of each key, oldest first. */
final class FakeLedgerReader implements LedgerReader {

    static final String CHANNEL = "registry";
    static final String CHAINCODE = "registry";

    private final Map<String, List<JsonObject>> writes = new HashMap<>();
    private final Map<String, LedgerTransaction> transactions = new HashMap<>();
    private final Map<String, List<JsonObject>> openingShares = new HashMap<>();
    RuntimeException failure;
    boolean closed;
    final List<String> calls = new ArrayList<>();

    /** Writes a ledger entry (the kind's fields in {@code fields}) and commits its transaction in {@code block}. */
    JsonObject write(String key, String kind, int version, String hash, String status, String txId, Instant txTime,
                     long block, List<String> endorsers, JsonObject fields) {
        JsonObjectBuilder entry = Json.createObjectBuilder(fields)
                .add("key", key)
                .add("kind", kind)
                .add("version", version)
                .add("hash", hash)
                .add("status", status)
                .add("office", "THIMPHU")
                .add("submitter", Json.createObjectBuilder().add("mspId", "JusticeMSP").add("subject", "notary.clerk"))
                .add("txId", txId)
                .add("txTime", txTime.toString());
        List<JsonObject> history = writes.computeIfAbsent(key, k -> new ArrayList<>());
        entry.add("previousHash", history.isEmpty() ? JsonValue.NULL
                : Json.createValue(history.get(history.size() - 1).getJsonObject("value").getString("hash")));
        JsonObject built = entry.build();
        history.add(Json.createObjectBuilder().add("isDelete", false).add("timestamp", txTime.toString())
                .add("txId", txId).add("value", built).build());
        transactions.put(txId, new LedgerTransaction(txId, block, "VALID", CHANNEL, CHAINCODE, txTime, endorsers));
        return built;
    }

    /** Posts a holder's share record of a sealed tender, as {@code PostOpeningShares} stores it (holders in the order posted). */
    void postShares(String tenderKey, JsonObject shareRecord) {
        openingShares.computeIfAbsent(tenderKey, k -> new ArrayList<>()).add(shareRecord);
    }

    void replaceTransaction(LedgerTransaction transaction) {
        transactions.put(transaction.txId(), transaction);
    }

    @Override
    public String source() {
        return "the fake peer";
    }

    @Override
    public Optional<String> history(String key) {
        calls.add("GetHistory " + key);
        failIfAsked();
        List<JsonObject> history = writes.get(key);
        if (history == null) {
            return Optional.empty();
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        history.forEach(array::add);
        return Optional.of(array.build().toString());
    }

    @Override
    public Optional<String> record(String key) {
        calls.add("GetRecord " + key);
        failIfAsked();
        List<JsonObject> history = writes.get(key);
        return history == null ? Optional.empty()
                : Optional.of(history.get(history.size() - 1).getJsonObject("value").toString());
    }

    @Override
    public Optional<String> openingShares(String tenderKey) {
        calls.add("GetOpeningShares " + tenderKey);
        failIfAsked();
        if (!writes.containsKey(tenderKey)) {
            return Optional.empty();
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        openingShares.getOrDefault(tenderKey, List.of()).stream()
                .sorted(Comparator.comparingInt(r -> r.getInt("holderIndex"))).forEach(array::add);
        return Optional.of(array.build().toString());
    }

    @Override
    public Optional<LedgerTransaction> transaction(String txId) {
        calls.add("transaction " + txId);
        failIfAsked();
        return Optional.ofNullable(transactions.get(txId));
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
