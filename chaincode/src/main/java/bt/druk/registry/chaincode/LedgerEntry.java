package bt.druk.registry.chaincode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state value of one record version: common fields plus kind-specific, non-personal fields.
 * Immutable; {@link #toJson()} gives the deterministic bytes written to the ledger.
 *
 * <pre>
 * {"key","kind","version":int,"hash","previousHash"(null for v1),"status","register","office",
 *  "submitter":{"mspId","subject"},"txId","txTime", ...kind-specific fields}
 * </pre>
 */
public record LedgerEntry(
        String key,
        String kind,
        int version,
        String hash,
        String previousHash,
        String status,
        String register,
        String office,
        Submitter submitter,
        String txId,
        String txTime,
        SortedMap<String, Object> fields) {

    /** Names of the common fields; kind-specific fields may not reuse them. */
    public static final Set<String> COMMON_FIELDS = Set.of("key", "kind", "version", "hash", "previousHash",
            "status", "register", "office", "submitter", "txId", "txTime");

    public LedgerEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(txTime, "txTime");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        if ((version == 1) != (previousHash == null)) {
            throw new IllegalArgumentException("previousHash must be null exactly for version 1");
        }
        TreeMap<String, Object> copy = new TreeMap<>();
        if (fields != null) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (COMMON_FIELDS.contains(e.getKey())) {
                    throw new IllegalArgumentException("kind-specific field clashes with common field " + e.getKey());
                }
                copy.put(e.getKey(), immutable(e.getValue()));
            }
        }
        fields = Collections.unmodifiableSortedMap(copy);
    }

    /** A new version-1 entry. */
    public static LedgerEntry first(Kind kind, String key, String hash, String status, String office, TxInfo tx,
            Map<String, Object> fields) {
        return new LedgerEntry(key, kind.code(), 1, hash, null, status, kind.register().code(), office,
                tx.submitter(), tx.txId(), tx.txTimeIso(), new TreeMap<>(fields));
    }

    /**
     * The next version of this record: previousHash = this hash, same key/kind/register/office, the
     * given fields replacing (or adding to) the current kind-specific fields. A carried-over mark is
     * not passed on: it says where one version came from.
     */
    public LedgerEntry next(int newVersion, String newHash, String newStatus, TxInfo tx, Map<String, Object> changed) {
        TreeMap<String, Object> merged = new TreeMap<>(fields);
        merged.remove(CarryOver.FIELD);
        merged.putAll(changed);
        return new LedgerEntry(key, kind, newVersion, newHash, hash, newStatus, register, office,
                tx.submitter(), tx.txId(), tx.txTimeIso(), merged);
    }

    /** All fields as one sorted map (what is serialised). */
    public SortedMap<String, Object> toMap() {
        TreeMap<String, Object> m = new TreeMap<>(fields);
        m.put("key", key);
        m.put("kind", kind);
        m.put("version", version);
        m.put("hash", hash);
        m.put("previousHash", previousHash);
        m.put("status", status);
        m.put("register", register);
        m.put("office", office);
        m.put("submitter", submitter.toMap());
        m.put("txId", txId);
        m.put("txTime", txTime);
        return m;
    }

    /** Deterministic JSON bytes: sorted keys, no whitespace, UTF-8. */
    public byte[] toJson() {
        return Json.bytes(toMap());
    }

    public static LedgerEntry fromJson(byte[] json) {
        Map<String, Object> m = Json.parseObject(json);
        TreeMap<String, Object> extra = new TreeMap<>(m);
        COMMON_FIELDS.forEach(extra::remove);
        Object version = m.get("version");
        if (!(version instanceof Integer v)) {
            throw new IllegalStateException("ledger entry has no integer version");
        }
        return new LedgerEntry(str(m, "key"), str(m, "kind"), v, str(m, "hash"), str(m, "previousHash"),
                str(m, "status"), str(m, "register"), str(m, "office"), Submitter.fromMap(m.get("submitter")),
                str(m, "txId"), str(m, "txTime"), extra);
    }

    // ---- typed access to kind-specific fields

    public String text(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    public Integer integer(String field) {
        Object v = fields.get(field);
        return v instanceof Integer i ? i : null;
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String field) {
        Object v = fields.get(field);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        Object v = fields.get(field);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String str(Map<String, Object> m, String name) {
        Object v = m.get(name);
        return v == null ? null : v.toString();
    }

    private static Object immutable(Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> copy = new TreeMap<>();
            m.forEach((k, val) -> copy.put(String.valueOf(k), immutable(val)));
            return Collections.unmodifiableSortedMap(copy);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(immutable(x)));
            return Collections.unmodifiableList(copy);
        }
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Math.toIntExact(((Number) v).longValue());
        }
        throw new IllegalArgumentException("unsupported JSON value type " + v.getClass().getName());
    }
}
