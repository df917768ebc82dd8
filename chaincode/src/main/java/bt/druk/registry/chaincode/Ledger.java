package bt.druk.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement.RoleType;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The world state as the registry sees it: ledger entries, the hash index, key-level endorsement
 * policies, the {@code RecordWritten} event and configuration. Wraps one transaction's stub.
 */
public final class Ledger {
    /** Object type of the hash index composite key {@code \0hash\0<hash>\0<key>\0<version>\0}. */
    public static final String HASH_INDEX = "hash";
    public static final String EVENT_NAME = "RecordWritten";
    public static final String NOTICE_PERIOD_KEY = "config:noticePeriodSeconds";
    public static final long DEFAULT_NOTICE_PERIOD_SECONDS = 2_592_000L; // 30 days
    public static final String MIN_BID_PERIOD_KEY = "config:minBidPeriodSeconds";
    /** The land offices and the dzongkhags each serves ({@link LandOffices}). */
    public static final String LAND_OFFICES_KEY = "config:landOffices";
    /** Upper bound of FindByHash results (a hash is normally recorded a handful of times). */
    public static final int MAX_HASH_REFS = 1000;

    private final ChaincodeStub stub;
    /** What this transaction has written so far, for its one event ({@link #emit}). */
    private final List<Map<String, Object>> written = new ArrayList<>();

    public Ledger(ChaincodeStub stub) {
        this.stub = stub;
    }

    public TxInfo tx(Caller caller) {
        return new TxInfo(caller.submitter(), stub.getTxId(), txTime(), caller.role(), caller.office(), caller.agency());
    }

    /** The transaction timestamp chosen by the client and signed into the proposal: same on every endorser. */
    public Instant txTime() {
        return stub.getTxTimestamp();
    }

    // ---------------------------------------------------------------- entries

    public Optional<LedgerEntry> find(String key) {
        byte[] value = stub.getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(LedgerEntry.fromJson(value));
    }

    public LedgerEntry get(String key) {
        return find(key).orElseThrow(() -> ErrorCode.NOT_FOUND.error("%s does not exist", describe(key)));
    }

    /**
     * Guard of every version-1 creation: {@code [ALREADY_RECORDED]} when the key's current entry is
     * version 1 with this hash (a retried submission), {@code [ALREADY_EXISTS]} when it exists otherwise.
     */
    public void requireAbsent(String key, String hash) {
        Optional<LedgerEntry> current = find(key);
        if (current.isEmpty()) {
            return;
        }
        LedgerEntry cur = current.get();
        if (cur.version() == 1 && cur.hash().equals(hash)) {
            throw ErrorCode.ALREADY_RECORDED.error("%s version 1 with hash %s is already recorded (tx %s)",
                    describe(key), hash, cur.txId());
        }
        throw ErrorCode.ALREADY_EXISTS.error("%s already exists (version %d)", describe(key), cur.version());
    }

    /**
     * Guard of every update: the key must exist and be of {@code kind}; {@code [ALREADY_RECORDED]} when
     * (version, hash) is already current; {@code [STALE_VERSION]} unless version = current + 1;
     * {@code [HASH_MISMATCH]} unless previousHash = current hash.
     *
     * @return the current entry
     */
    public LedgerEntry requireSuccessor(Kind kind, Update u) {
        LedgerEntry cur = get(u.key());
        if (!kind.code().equals(cur.kind())) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s is a %s, not a %s", u.key(), cur.kind(), kind.code());
        }
        if (cur.version() == u.version() && cur.hash().equals(u.hash())) {
            throw ErrorCode.ALREADY_RECORDED.error("%s version %d with hash %s is already recorded (tx %s)",
                    describe(u.key()), u.version(), u.hash(), cur.txId());
        }
        if (u.version() != cur.version() + 1) {
            throw ErrorCode.STALE_VERSION.error("%s is at version %d; update named version %d",
                    describe(u.key()), cur.version(), u.version());
        }
        if (!cur.hash().equals(u.previousHash())) {
            throw ErrorCode.HASH_MISMATCH.error("%s: previousHash %s is not the current hash %s (version %d)",
                    describe(u.key()), u.previousHash(), cur.hash(), cur.version());
        }
        return cur;
    }

    /**
     * Writes a new record (version 1): state, key-level endorsement policy (issuing MSP AND auditor),
     * hash index entries for its hash and {@code alsoIndexed} hashes, and the event.
     */
    public void create(LedgerEntry entry, Register issuer, String... alsoIndexed) {
        stub.putState(entry.key(), entry.toJson());
        setEndorsementPolicy(entry.key(), issuer);
        index(entry.hash(), entry, issuer);
        for (String h : alsoIndexed) {
            if (!h.equals(entry.hash())) {
                index(h, entry, issuer);
            }
        }
        emit(entry.kind(), entry.key(), entry.version(), entry.hash());
    }

    /** Writes a later version (the key's endorsement policy stays as set on creation). */
    public void update(LedgerEntry entry, Register issuer) {
        stub.putState(entry.key(), entry.toJson());
        index(entry.hash(), entry, issuer);
        emit(entry.kind(), entry.key(), entry.version(), entry.hash());
    }

    /** AND('&lt;issuer&gt;.peer', 'AuditMSP.peer') on the key. */
    void setEndorsementPolicy(String key, Register issuer) {
        StateBasedEndorsement sbe = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        sbe.addOrgs(RoleType.RoleTypePeer, issuer.issuingMsp(), Register.AUDIT_MSP);
        stub.setStateValidationParameter(key, sbe.policy());
    }

    private void index(String hash, LedgerEntry entry, Register issuer) {
        CompositeKey ck = stub.createCompositeKey(HASH_INDEX, hash, entry.key(), Integer.toString(entry.version()));
        String indexKey = ck.toString();
        stub.putState(indexKey, Json.bytes(new HashRef(entry.key(), entry.version()).toMap()));
        setEndorsementPolicy(indexKey, issuer);
    }

    /**
     * Sets the transaction's {@code RecordWritten} event. Fabric keeps one event per transaction (the
     * last set), so a transaction that writes several records (a subdivision, a merger, a boundary
     * adjustment) emits one event naming its first record, as every other write does, plus
     * {@code records}: every version it wrote, the first included, in the order written. A
     * transaction that writes one record emits exactly the payload it always did.
     */
    private void emit(String kind, String key, int version, String hash) {
        Map<String, Object> record = new TreeMap<>();
        record.put("kind", kind);
        record.put("key", key);
        record.put("version", version);
        record.put("hash", hash);
        written.add(record);
        Map<String, Object> payload = new TreeMap<>(written.get(0));
        payload.put("txId", stub.getTxId());
        if (written.size() > 1) {
            payload.put("records", List.copyOf(written));
        }
        stub.setEvent(EVENT_NAME, Json.bytes(payload));
    }

    // ---------------------------------------------------------------- values that are not records

    /** The composite state key {@code \0<objectType>\0<attribute>\0…\0}. */
    public String compositeKey(String objectType, String... attributes) {
        return stub.createCompositeKey(objectType, attributes).toString();
    }

    /** A JSON object stored at a key that holds no record (an index entry, a holder's opening shares). */
    public Optional<Map<String, Object>> findValue(String stateKey) {
        byte[] value = stub.getState(stateKey);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Json.parseObject(value));
    }

    /**
     * Stores {@code value} (deterministic JSON) with the key-level policy of {@code issuer}'s records;
     * no event: it is no record version.
     *
     * @return the stored bytes
     */
    public byte[] putValue(String stateKey, Map<String, Object> value, Register issuer) {
        byte[] bytes = Json.bytes(value);
        stub.putState(stateKey, bytes);
        setEndorsementPolicy(stateKey, issuer);
        return bytes;
    }

    public void delete(String stateKey) {
        stub.delState(stateKey);
    }

    /** The last attribute of every composite key {@code (objectType, leading…, last)}, in key order. */
    public List<String> lastAttributes(String objectType, String... leading) {
        List<String> out = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = stub.getStateByPartialCompositeKey(new CompositeKey(objectType, leading))) {
            for (KeyValue kv : it) {
                List<String> attrs = stub.splitCompositeKey(kv.getKey()).getAttributes();
                if (attrs.size() == leading.length + 1) {
                    out.add(attrs.get(leading.length));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- queries

    /** Record versions whose hash (or notarised document hash) is {@code hash}, by key then version. */
    public List<HashRef> findByHash(String hash) {
        List<HashRef> refs = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = stub.getStateByPartialCompositeKey(new CompositeKey(HASH_INDEX, hash))) {
            for (KeyValue kv : it) {
                List<String> attrs = stub.splitCompositeKey(kv.getKey()).getAttributes();
                if (attrs.size() == 3 && attrs.get(0).equals(hash)) {
                    refs.add(new HashRef(attrs.get(1), Integer.parseInt(attrs.get(2))));
                }
                if (refs.size() >= MAX_HASH_REFS) {
                    break;
                }
            }
        }
        refs.sort(Comparator.comparing(HashRef::key).thenComparingInt(HashRef::version));
        return refs;
    }

    /** One page of records of a kind, in key order; read-only (evaluate) transactions only. */
    public Map<String, Object> list(Kind kind, int pageSize, String bookmark) {
        String start = kind.keyPrefix();
        String end = kind.code() + (char) (':' + 1); // "land-title;" : every key with the prefix sorts before it
        List<Object> records = new ArrayList<>();
        String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> it = stub.getStateByRangeWithPagination(start, end, pageSize,
                bookmark)) {
            for (KeyValue kv : it) {
                records.add(Json.parseObject(kv.getValue()));
            }
            next = it.getMetadata() == null ? "" : it.getMetadata().getBookmark();
        }
        Map<String, Object> page = new TreeMap<>();
        page.put("records", records);
        page.put("bookmark", next);
        return page;
    }

    /** Every committed version of the key, oldest first (Fabric returns newest first). */
    public List<Object> history(String key) {
        List<Object> items = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> it = stub.getHistoryForKey(key)) {
            for (KeyModification mod : it) {
                Map<String, Object> item = new TreeMap<>();
                item.put("txId", mod.getTxId());
                item.put("timestamp", mod.getTimestamp() == null ? null : TxInfo.iso(mod.getTimestamp()));
                item.put("isDelete", mod.isDeleted());
                byte[] value = mod.getValue();
                item.put("value", mod.isDeleted() || value == null || value.length == 0 ? null : Json.parseObject(value));
                items.add(item);
            }
        }
        Collections.reverse(items);
        return items;
    }

    // ---------------------------------------------------------------- configuration

    public long noticePeriodSeconds() {
        return configSeconds(NOTICE_PERIOD_KEY).orElse(DEFAULT_NOTICE_PERIOD_SECONDS);
    }

    /** Stores the land register's notice period ({@link #setConfigSeconds}). */
    public Map<String, Object> setNoticePeriod(long seconds, TxInfo tx) {
        return setConfigSeconds(NOTICE_PERIOD_KEY, seconds, tx, Register.LAND);
    }

    /**
     * The shortest time from a tender's publication (or deadline amendment) to its bid deadline: the
     * stored setting, never below {@code floorSeconds} (this endorser's own minimum), and the floor
     * itself until an admin sets one.
     */
    public long minBidPeriodSeconds(long floorSeconds) {
        return Math.max(floorSeconds, configSeconds(MIN_BID_PERIOD_KEY).orElse(floorSeconds));
    }

    /** Stores the procurement register's minimum bid period ({@link #setConfigSeconds}). */
    public Map<String, Object> setMinBidPeriod(long seconds, TxInfo tx) {
        return setConfigSeconds(MIN_BID_PERIOD_KEY, seconds, tx, Register.PROCUREMENT);
    }

    /** The table of land offices in force: the stored setting, {@link LandOffices#DEFAULT} until an admin sets one. */
    public LandOffices landOffices() {
        byte[] value = stub.getState(LAND_OFFICES_KEY);
        if (value == null || value.length == 0) {
            return LandOffices.DEFAULT;
        }
        return LandOffices.parse(Json.parseObject(value).get("offices"));
    }

    /** Stores the land register's table of offices and their dzongkhags ({@link #setConfig}), in field {@code offices}. */
    public Map<String, Object> setLandOffices(LandOffices offices, TxInfo tx) {
        return setConfig(LAND_OFFICES_KEY, "offices", offices.toMap(), tx, Register.LAND);
    }

    private Optional<Long> configSeconds(String key) {
        byte[] value = stub.getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        Object seconds = Json.parseObject(value).get("seconds");
        if (!(seconds instanceof Number n)) {
            throw new IllegalStateException(key + " holds no seconds");
        }
        return Optional.of(n.longValue());
    }

    private Map<String, Object> setConfigSeconds(String key, long seconds, TxInfo tx, Register register) {
        return setConfig(key, "seconds", seconds, tx, register);
    }

    /**
     * Stores a setting as {@code {"key","kind":"config",<field>,"submitter","txId","txTime","version"}}
     * (field {@code seconds} for periods) and emits {@code RecordWritten} with kind {@code config} and the SHA-256 of the stored bytes.
     * Like a record, its key gets {@code register}'s key-level policy when first written: later
     * changes need that register's and the auditor's peers, whatever the chaincode's policy.
     */
    private Map<String, Object> setConfig(String key, String field, Object value, TxInfo tx, Register register) {
        byte[] old = stub.getState(key);
        int version = 1;
        if (old != null && old.length > 0 && Json.parseObject(old).get("version") instanceof Integer v) {
            version = v + 1;
        }
        Map<String, Object> config = new TreeMap<>();
        config.put("key", key);
        config.put("kind", "config");
        config.put(field, value);
        config.put("version", version);
        config.put("submitter", tx.submitter().toMap());
        config.put("txId", tx.txId());
        config.put("txTime", tx.txTimeIso());
        byte[] bytes = Json.bytes(config);
        stub.putState(key, bytes);
        if (version == 1) {
            setEndorsementPolicy(key, register);
        }
        emit("config", key, version, Hashes.sha256Hex(bytes));
        return config;
    }

    /** {@code land-title:PIN-123} → {@code land-title PIN-123} for messages. */
    static String describe(String key) {
        int sep = key.indexOf(':');
        return sep < 0 ? key : key.substring(0, sep) + " " + key.substring(sep + 1);
    }
}
