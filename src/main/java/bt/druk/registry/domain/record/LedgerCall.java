package bt.druk.registry.domain.record;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A chaincode function call: name and string arguments, exactly as sent to the ledger. */
public record LedgerCall(String function, List<String> arguments) {

    /** The chaincode function that writes an earlier ledger's version onto the ledger a database was bound to. */
    public static final String CARRY_OVER = "CarryOver";

    /**
     * {@code original}, committed on ledger {@code fromLedger} (its genesis block hash) as transaction
     * {@code txId} at {@code committedAt}, carried over to another ledger.
     */
    public static LedgerCall carryOver(LedgerCall original, String fromLedger, String txId, Instant committedAt) {
        LedgerCall own = original.carried();
        return of(CARRY_OVER, own.function(), own.argumentsJson(), fromLedger, txId, DateTimeFormatter.ISO_INSTANT.format(committedAt));
    }

    /** The record's own call: this one, or the one it carries over. */
    public LedgerCall carried() {
        return CARRY_OVER.equals(function) ? fromJson(arguments.get(0), arguments.get(1)) : this;
    }

    public LedgerCall {
        Objects.requireNonNull(function, "function");
        arguments = List.copyOf(arguments);
    }

    public static LedgerCall of(String function, String... arguments) {
        return new LedgerCall(function, List.of(arguments));
    }

    public String argumentsJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        arguments.forEach(array::add);
        return array.build().toString();
    }

    public static LedgerCall fromJson(String function, String argumentsJson) {
        try (JsonReader reader = JSON.createReader(new StringReader(argumentsJson))) {
            JsonArray array = reader.readArray();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                args.add(array.getString(i));
            }
            return new LedgerCall(function, args);
        }
    }

    /**
     * Builds the call for a new version once its number and ledger hash are known ({@code hash} is
     * what the version's {@link LedgerImprint} puts on the ledger, {@code previousHash} the ledger
     * hash of the version before, null for version 1).
     */
    @FunctionalInterface
    public interface Factory {
        LedgerCall build(String recordKey, int version, String hash, String previousHash);

        /**
         * The convention of most chaincode functions (land titles, tender updates, notarisations):
         * version 1 takes {@code (key, hash, extra...)}, later versions
         * {@code (key, version, hash, previousHash, extra...)}. Calls such as {@code LodgeSealedBid}
         * have arguments of their own and build them with their own factory.
         */
        static Factory standard(String function, String... extraArguments) {
            return (key, version, hash, previousHash) -> {
                List<String> args = new ArrayList<>();
                args.add(key);
                if (version == 1) {
                    args.add(hash);
                } else {
                    args.add(Integer.toString(version));
                    args.add(hash);
                    args.add(previousHash);
                }
                args.addAll(List.of(extraArguments));
                return new LedgerCall(function, args);
            };
        }
    }
}
