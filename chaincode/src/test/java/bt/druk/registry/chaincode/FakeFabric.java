package bt.druk.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * An in-memory peer: committed world state, key-level endorsement parameters, key history and
 * committed events. Each transaction gets a {@link Tx} to which a Mockito mock of ChaincodeStub
 * delegates. Like Fabric, a transaction reads committed state only (no read-your-writes), its writes
 * are applied when it commits (a delete removes the key and its key-level policy), a failed
 * transaction writes nothing, the last event set wins, and a transaction that used a paginated query
 * may not write.
 */
final class FakeFabric {
    record Mod(String txId, Instant timestamp, byte[] value) {
    }

    record Event(String txId, String name, byte[] payload) {
        String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    final TreeMap<String, byte[]> state = new TreeMap<>();
    final Map<String, byte[]> validationParameters = new HashMap<>();
    final Map<String, List<Mod>> history = new HashMap<>();
    final List<Event> events = new ArrayList<>();
    int openIterators;
    int iteratorsOpened;

    String stateText(String key) {
        byte[] v = state.get(key);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** The delegate of one transaction's ChaincodeStub. Public methods mirror ChaincodeStub's. */
    final class Tx {
        final String txId;
        final Instant timestamp;
        final byte[] creator;
        final Map<String, byte[]> writes = new LinkedHashMap<>();
        final Map<String, byte[]> parameterWrites = new LinkedHashMap<>();
        String eventName;
        byte[] eventPayload;
        boolean usedPagination;
        /** Function name and arguments, for calls through the contract router. */
        List<byte[]> args = List.of();

        Tx(String txId, Instant timestamp, byte[] creator) {
            this.txId = txId;
            this.timestamp = timestamp;
            this.creator = creator;
        }

        public String getTxId() {
            return txId;
        }

        public Instant getTxTimestamp() {
            return timestamp;
        }

        public byte[] getCreator() {
            return creator;
        }

        public List<byte[]> getArgs() {
            return args;
        }

        public List<String> getStringArgs() {
            List<String> out = new ArrayList<>();
            args.forEach(a -> out.add(new String(a, StandardCharsets.UTF_8)));
            return out;
        }

        public String getFunction() {
            return getStringArgs().isEmpty() ? null : getStringArgs().get(0);
        }

        public List<String> getParameters() {
            List<String> all = getStringArgs();
            return all.isEmpty() ? List.of() : all.subList(1, all.size());
        }

        public String getChannelId() {
            return "registry";
        }

        public byte[] getState(String key) {
            byte[] v = state.get(key);
            return v == null ? new byte[0] : v.clone(); // the shim returns empty bytes for a missing key
        }

        public void putState(String key, byte[] value) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            if (value == null || value.length == 0) {
                throw new IllegalArgumentException("an empty value would be a delete in Fabric");
            }
            writes.put(key, value.clone());
        }

        /** A delete: written as an empty value, which putState never writes. */
        public void delState(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            writes.put(key, new byte[0]);
        }

        public void setStateValidationParameter(String key, byte[] value) {
            parameterWrites.put(key, value.clone());
        }

        public byte[] getStateValidationParameter(String key) {
            return validationParameters.get(key);
        }

        public void setEvent(String name, byte[] payload) {
            eventName = name;
            eventPayload = payload.clone();
        }

        public CompositeKey createCompositeKey(String objectType, String... attributes) {
            return new CompositeKey(objectType, attributes);
        }

        public CompositeKey splitCompositeKey(String compositeKey) {
            return CompositeKey.parseCompositeKey(compositeKey);
        }

        public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey partial) {
            String prefix = partial.toString();
            List<KeyValue> out = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : state.tailMap(prefix, true).entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                    break;
                }
                out.add(kv(e.getKey(), e.getValue()));
            }
            return new ListIterator<>(out, null);
        }

        /** LevelDB semantics: the bookmark is the next key to read, or "" when the range is exhausted. */
        public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
                int pageSize, String bookmark) {
            usedPagination = true;
            String from = bookmark == null || bookmark.isEmpty() ? startKey : bookmark;
            List<KeyValue> out = new ArrayList<>();
            String next = "";
            for (Map.Entry<String, byte[]> e : state.subMap(from, true, endKey, false).entrySet()) {
                if (out.size() == pageSize) {
                    next = e.getKey();
                    break;
                }
                out.add(kv(e.getKey(), e.getValue()));
            }
            QueryResponseMetadata meta = QueryResponseMetadata.newBuilder().setBookmark(next)
                    .setFetchedRecordsCount(out.size()).build();
            return new ListIterator<>(out, meta);
        }

        /** Newest first, as Fabric v2+ returns history. */
        public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
            List<KeyModification> out = new ArrayList<>();
            for (Mod m : history.getOrDefault(key, List.of())) {
                out.add(new KeyModification() {
                    @Override
                    public String getTxId() {
                        return m.txId();
                    }

                    @Override
                    public byte[] getValue() {
                        return m.value();
                    }

                    @Override
                    public String getStringValue() {
                        return new String(m.value(), StandardCharsets.UTF_8);
                    }

                    @Override
                    public Instant getTimestamp() {
                        return m.timestamp();
                    }

                    @Override
                    public boolean isDeleted() {
                        return m.value().length == 0;
                    }
                });
            }
            Collections.reverse(out);
            return new ListIterator<>(out, null);
        }

        void commit() {
            if (usedPagination && !writes.isEmpty()) {
                throw new AssertionError("a paginated query was used in a transaction that writes");
            }
            for (Map.Entry<String, byte[]> w : writes.entrySet()) {
                if (w.getValue().length == 0) {
                    state.remove(w.getKey());
                    validationParameters.remove(w.getKey()); // Fabric deletes a key's metadata with it
                } else {
                    state.put(w.getKey(), w.getValue());
                }
                history.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(new Mod(txId, timestamp, w.getValue()));
            }
            validationParameters.putAll(parameterWrites);
            if (eventName != null) {
                events.add(new Event(txId, eventName, eventPayload));
            }
        }
    }

    private static KeyValue kv(String key, byte[] value) {
        return new KeyValue() {
            @Override
            public String getKey() {
                return key;
            }

            @Override
            public byte[] getValue() {
                return value;
            }

            @Override
            public String getStringValue() {
                return new String(value, StandardCharsets.UTF_8);
            }
        };
    }

    /** Counts open iterators so tests can check that every query closes its iterator. */
    private final class ListIterator<T> implements QueryResultsIteratorWithMetadata<T>, QueryResultsIterator<T> {
        private final List<T> items;
        private final QueryResponseMetadata metadata;
        private boolean closed;

        ListIterator(List<T> items, QueryResponseMetadata metadata) {
            this.items = items;
            this.metadata = metadata;
            openIterators++;
            iteratorsOpened++;
        }

        @Override
        public Iterator<T> iterator() {
            if (closed) {
                throw new IllegalStateException("iterator used after close");
            }
            return items.iterator();
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openIterators--;
            }
        }
    }
}
