package bt.druk.registry.testing;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerIdentity;
import bt.druk.registry.domain.ledger.LedgerRecordPage;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.ledger.RecordWritten;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * In-memory stand-in for the Fabric network, for fast tests only. Imitates the chaincode's rules
 * that matter to the pipeline: version n+1 must name version n's hash, the same (key, version, hash)
 * again is ALREADY_RECORDED, a first registration of an existing key is ALREADY_EXISTS. Tests can
 * take it down, make it refuse the next call, or make it commit but lose the answer.
 */
public class FakeLedger implements Ledger {

    private final Map<String, List<LedgerHistoryItem>> history = new HashMap<>();
    /** Open mortgage and caveat refs of each land title, for its status as the chaincode gives it. */
    private final Map<String, Set<String>> openEncumbrances = new HashMap<>();
    private final List<LedgerBlock> blocks = new ArrayList<>();
    private final Map<String, CommittedTransaction> transactions = new HashMap<>();
    private final Deque<SubmissionOutcome.Refused> refusals = new ArrayDeque<>();
    /** Posted opening shares per sealed tender, by holder index; and each tender's bid deadline. */
    private final Map<String, java.util.SortedMap<Integer, PostedShares>> openingShares = new HashMap<>();
    private final Map<String, Instant> bidDeadlines = new HashMap<>();
    /** The ledger's own clock: it decides whether a bid deadline has passed. */
    private final java.time.Clock clock;
    private volatile boolean down;
    private volatile boolean loseNextAnswer;
    private int commits;
    private final List<LedgerCall> committedCalls = new ArrayList<>();

    public FakeLedger() {
        this(java.time.Clock.systemUTC());
    }

    public FakeLedger(java.time.Clock clock) {
        this.clock = clock;
    }

    public synchronized void setDown(boolean down) {
        this.down = down;
    }

    /** The next submission is refused with this code and message. */
    public synchronized void refuseNext(String code, String message) {
        refusals.add(new SubmissionOutcome.Refused(code, message));
    }

    /** The next submission commits, but the caller is told the ledger timed out. */
    public synchronized void loseNextAnswer() {
        loseNextAnswer = true;
    }

    /** Every call committed so far, as sent (a carried one as carried), oldest first. */
    public synchronized List<LedgerCall> committedCalls() {
        return List.copyOf(committedCalls);
    }

    /** Number of transactions committed so far. */
    public synchronized int commits() {
        return commits;
    }

    public synchronized int blockCount() {
        return blocks.size();
    }

    @Override
    public Endorsement endorse(LedgerCall call, String identityName) {
        synchronized (this) {
            if (down) {
                return Endorsement.ended(new SubmissionOutcome.Unavailable("UNAVAILABLE: connection refused"));
            }
        }
        String txId = UUID.randomUUID().toString().replace("-", "");
        return Endorsement.endorsed(new Endorsement.Transaction() {
            @Override
            public String txId() {
                return txId;
            }

            @Override
            public SubmissionOutcome send() {
                return commit(call, identityName, txId);
            }
        });
    }

    /** Orders and commits an endorsed call, with the chaincode's rules. */
    private synchronized SubmissionOutcome commit(LedgerCall call, String identityName, String txId) {
        if (down) {
            return new SubmissionOutcome.Unavailable("UNAVAILABLE: connection refused");
        }
        if (!refusals.isEmpty()) {
            return refusals.poll();
        }
        // The real chaincode runs a carried call through its own rule at its first time; here the rule is the same.
        LedgerCall sent = call;
        call = call.carried();
        List<String> a = call.arguments();
        if (call.function().equals("MergeParcels")) {
            return merge(sent, a.get(0), a.get(1), identityName, txId);
        }
        if (call.function().equals("AdjustBoundary")) {
            return adjust(sent, a.get(0), identityName, txId);
        }
        String key = a.get(0);
        if (call.function().equals("PostOpeningShares")) {
            return postShares(key, Integer.parseInt(a.get(1)), a.get(2), txId);
        }
        if (call.function().startsWith("Publish")) {
            bidDeadlines.put(key, Instant.parse(a.get(3)));
        }
        List<LedgerHistoryItem> writes = history.computeIfAbsent(key, k -> new ArrayList<>());
        LedgerEntry current = writes.isEmpty() ? null : writes.get(writes.size() - 1).value();
        int version;
        String hash;
        String previousHash;
        boolean creation = (call.function().startsWith("Register") && !call.function().equals("RegisterMortgage"))
                || call.function().startsWith("Publish") || call.function().equals("LodgeSealedBid")
                || call.function().equals("AnchorBatch");
        if (creation) {
            version = 1;
            hash = call.function().equals("LodgeSealedBid") ? a.get(2) : a.get(1);
            previousHash = null;
            if (current != null) {
                return current.hash().equals(hash) && current.version() == 1
                        ? refused("ALREADY_RECORDED", key + " v1 is already recorded")
                        : refused("ALREADY_EXISTS", key + " already exists");
            }
        } else {
            version = Integer.parseInt(a.get(1));
            hash = a.get(2);
            previousHash = a.get(3);
            if (current == null) {
                return refused("NOT_FOUND", key + " not found");
            }
            for (LedgerHistoryItem w : writes) {
                if (w.value().version() == version && w.value().hash().equals(hash)) {
                    return refused("ALREADY_RECORDED", key + " v" + version + " is already recorded");
                }
            }
            if (version != current.version() + 1) {
                return refused("STALE_VERSION", key + " is at version " + current.version() + "; update named version " + (version - 1));
            }
            if (!previousHash.equals(current.hash())) {
                return refused("HASH_MISMATCH", "previousHash is not the current hash of " + key);
            }
        }
        // A subdivision's children: version 1 each, written by the same transaction (their hashes in childrenJson).
        List<String[]> children = new ArrayList<>();
        if (call.function().equals("SubdivideParcel")) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(a.get(4)))) {
                for (var child : reader.readArray().getValuesAs(jakarta.json.JsonObject.class)) {
                    String childKey = child.getString("key");
                    if (history.containsKey(childKey) && !history.get(childKey).isEmpty()) {
                        return refused("ALREADY_EXISTS", childKey + " already exists");
                    }
                    children.add(new String[] {childKey, child.getString("hash"),
                            child.getJsonArray("openMortgages").isEmpty() ? "registered" : "encumbered"});
                }
            }
        }
        Instant now = Instant.now();
        long blockNumber = blocks.size();
        String kind = key.substring(0, key.indexOf(':'));
        String status = call.function().equals("RecordParcelFacts") ? current.status() : statusAfter(call, key);
        LedgerEntry entry = new LedgerEntry(key, kind, version, hash, previousHash, status,
                registerOf(kind), "THIMPHU", mspOf(kind), identityName, txId, now, entryJson(call, kind, current));
        writes.add(new LedgerHistoryItem(txId, now, false, entry));
        List<RecordWritten> written = new ArrayList<>(List.of(new RecordWritten(entry.kind(), key, version, hash, txId)));
        for (String[] child : children) {
            LedgerEntry childEntry = new LedgerEntry(child[0], kind, 1, child[1], null, child[2], registerOf(kind), "THIMPHU",
                    mspOf(kind), identityName, txId, now, "{}");
            history.computeIfAbsent(child[0], k -> new ArrayList<>()).add(new LedgerHistoryItem(txId, now, false, childEntry));
            written.add(new RecordWritten(kind, child[0], 1, child[1], txId));
        }
        CommittedTransaction tx = new CommittedTransaction(txId, blockNumber, now, true, "VALID",
                List.of("AuditMSP", "LandMSP"), written);
        transactions.put(txId, tx);
        blocks.add(new LedgerBlock(blockNumber, List.of(tx)));
        commits++;
        committedCalls.add(sent);
        notifyAll();
        if (loseNextAnswer) {
            loseNextAnswer = false;
            return new SubmissionOutcome.Unavailable("DEADLINE_EXCEEDED: commit status");
        }
        return new SubmissionOutcome.Committed(txId, blockNumber);
    }

    /** MergeParcels: every parent's next version retired, the merged parcel's version 1; the update rule on each parent. */
    private SubmissionOutcome merge(LedgerCall sent, String parentsJson, String childJson, String identityName, String txId) {
        List<jakarta.json.JsonObject> parents;
        jakarta.json.JsonObject child;
        try (var p = jakarta.json.Json.createReader(new java.io.StringReader(parentsJson));
             var c = jakarta.json.Json.createReader(new java.io.StringReader(childJson))) {
            parents = p.readArray().getValuesAs(jakarta.json.JsonObject.class);
            child = c.readObject();
        }
        for (var parent : parents) {
            SubmissionOutcome refusal = updateRefusal(parent);
            if (refusal != null) {
                return refusal;
            }
        }
        if (history.containsKey(child.getString("key")) && !history.get(child.getString("key")).isEmpty()) {
            return refused("ALREADY_EXISTS", child.getString("key") + " already exists");
        }
        Instant now = Instant.now();
        long blockNumber = blocks.size();
        List<RecordWritten> written = new ArrayList<>();
        for (var parent : parents) {
            String key = parent.getString("key");
            LedgerEntry entry = new LedgerEntry(key, "land-title", parent.getInt("version"), parent.getString("hash"),
                    parent.getString("previousHash"), "retired", registerOf("land-title"), "THIMPHU", mspOf("land-title"), identityName,
                    txId, now, "{}");
            history.get(key).add(new LedgerHistoryItem(txId, now, false, entry));
            written.add(new RecordWritten("land-title", key, entry.version(), entry.hash(), txId));
        }
        String childKey = child.getString("key");
        LedgerEntry made = new LedgerEntry(childKey, "land-title", 1, child.getString("hash"), null,
                child.getJsonArray("openMortgages").isEmpty() ? "registered" : "encumbered", registerOf("land-title"), "THIMPHU",
                mspOf("land-title"), identityName, txId, now, "{}");
        history.computeIfAbsent(childKey, k -> new ArrayList<>()).add(new LedgerHistoryItem(txId, now, false, made));
        written.add(new RecordWritten("land-title", childKey, 1, made.hash(), txId));
        return committedJointly(sent, txId, blockNumber, now, written);
    }

    /** AdjustBoundary: the next version of each of the two parcels, their status kept; the update rule on each. */
    private SubmissionOutcome adjust(LedgerCall sent, String parcelsJson, String identityName, String txId) {
        List<jakarta.json.JsonObject> parcels;
        try (var p = jakarta.json.Json.createReader(new java.io.StringReader(parcelsJson))) {
            parcels = p.readArray().getValuesAs(jakarta.json.JsonObject.class);
        }
        for (var parcel : parcels) {
            SubmissionOutcome refusal = updateRefusal(parcel);
            if (refusal != null) {
                return refusal;
            }
        }
        Instant now = Instant.now();
        long blockNumber = blocks.size();
        List<RecordWritten> written = new ArrayList<>();
        for (var parcel : parcels) {
            String key = parcel.getString("key");
            List<LedgerHistoryItem> writes = history.get(key);
            LedgerEntry entry = new LedgerEntry(key, "land-title", parcel.getInt("version"), parcel.getString("hash"),
                    parcel.getString("previousHash"), writes.get(writes.size() - 1).value().status(), registerOf("land-title"), "THIMPHU",
                    mspOf("land-title"), identityName, txId, now, "{}");
            writes.add(new LedgerHistoryItem(txId, now, false, entry));
            written.add(new RecordWritten("land-title", key, entry.version(), entry.hash(), txId));
        }
        return committedJointly(sent, txId, blockNumber, now, written);
    }

    /** A land lineage transaction's block: every version it wrote, endorsed by Land and Audit. */
    private SubmissionOutcome committedJointly(LedgerCall sent, String txId, long blockNumber, Instant now, List<RecordWritten> written) {
        CommittedTransaction tx = new CommittedTransaction(txId, blockNumber, now, true, "VALID", List.of("AuditMSP", "LandMSP"), written);
        transactions.put(txId, tx);
        blocks.add(new LedgerBlock(blockNumber, List.of(tx)));
        commits++;
        committedCalls.add(sent);
        notifyAll();
        return new SubmissionOutcome.Committed(txId, blockNumber);
    }

    /** The chaincode's update rule for one {key, version, hash, previousHash} of a joint call: null where it passes. */
    private SubmissionOutcome updateRefusal(jakarta.json.JsonObject update) {
        List<LedgerHistoryItem> writes = history.getOrDefault(update.getString("key"), List.of());
        if (writes.isEmpty()) {
            return refused("NOT_FOUND", update.getString("key") + " not found");
        }
        LedgerEntry current = writes.get(writes.size() - 1).value();
        if (current.version() == update.getInt("version") && current.hash().equals(update.getString("hash"))) {
            return refused("ALREADY_RECORDED", update.getString("key") + " v" + current.version() + " is already recorded");
        }
        if (update.getInt("version") != current.version() + 1 || !update.getString("previousHash").equals(current.hash())) {
            return refused("STALE_VERSION", update.getString("key") + " is at version " + current.version());
        }
        return null;
    }

    /** The status the chaincode's rules give the written version (chaincode/README.md, Transactions). */
    private String statusAfter(LedgerCall call, String key) {
        List<String> a = call.arguments();
        Set<String> open = openEncumbrances.computeIfAbsent(key, k -> new TreeSet<>());
        switch (call.function()) {
            case "RegisterMortgage", "LodgeCaveat" -> open.add(a.get(4));
            case "DischargeMortgage", "ReleaseCaveat" -> open.remove(a.get(4));
            default -> { }
        }
        return switch (call.function()) {
            case "LodgeTransfer" -> "transfer-pending";
            case "ObjectToTransfer" -> "transfer-objected";
            case "RegisterMortgage", "LodgeCaveat", "DischargeMortgage", "ReleaseCaveat", "TransferByCourtOrder" ->
                    open.isEmpty() ? "registered" : "encumbered";
            case "PublishTender", "PublishSealedTender", "AmendTender" -> "active.tendering";
            case "LodgeSealedBid" -> "lodged";
            case "WithdrawBid" -> "withdrawn";
            case "OpenBid" -> a.get(4).contains("\"valid\":true") ? "opened" : "invalid";
            case "OpenBids" -> "evaluation";
            case "AwardTender" -> "awarded";
            case "CancelTender" -> "cancelled";
            case "CompleteTender" -> "complete";
            case "TenderUnsuccessful" -> "unsuccessful";
            case "RevokeNotarisation" -> "revoked";
            case "SupersedeNotarisation" -> "superseded";
            case "AnchorBatch" -> "anchored";
            case "SubdivideParcel" -> "retired";
            default -> "registered";
        };
    }

    private static String registerOf(String kind) {
        return switch (kind) {
            case "tender", "bid" -> "procurement";
            case "notarisation", "anchor" -> "notary";
            default -> "land";
        };
    }

    private static String mspOf(String kind) {
        return switch (registerOf(kind)) {
            case "procurement" -> "ProcurementMSP";
            case "notary" -> "JusticeMSP";
            default -> "LandMSP";
        };
    }

    private static SubmissionOutcome.Refused refused(String code, String message) {
        return new SubmissionOutcome.Refused(code, message);
    }

    private void requireUp() {
        if (down) {
            throw new LedgerUnavailableException("UNAVAILABLE: connection refused");
        }
    }

    /** The ledger every fake serves until a test recreates it. */
    public static final LedgerIdentity FAKE_LEDGER = new LedgerIdentity("fake-channel", CanonicalJson.sha256Hex("fake genesis block"));

    private LedgerIdentity identity = FAKE_LEDGER;

    /** The network is created again: another genesis block under the same channel name, and nothing written yet. */
    public synchronized LedgerIdentity recreate() {
        history.clear();
        openEncumbrances.clear();
        openingShares.clear();
        bidDeadlines.clear();
        blocks.clear();
        transactions.clear();
        identity = new LedgerIdentity(identity.channel(), CanonicalJson.sha256Hex("fake genesis block " + UUID.randomUUID()));
        return identity;
    }

    @Override
    public synchronized LedgerIdentity identity() {
        requireUp();
        return identity;
    }

    @Override
    public synchronized Optional<LedgerEntry> readRecord(String recordKey) {
        requireUp();
        List<LedgerHistoryItem> writes = history.getOrDefault(recordKey, List.of());
        return writes.isEmpty() ? Optional.empty() : Optional.of(writes.get(writes.size() - 1).value());
    }

    @Override
    public synchronized List<LedgerHistoryItem> history(String recordKey) {
        requireUp();
        return List.copyOf(history.getOrDefault(recordKey, List.of()));
    }

    @Override
    public synchronized List<PostedShares> openingShares(String tenderKey) {
        requireUp();
        return List.copyOf(openingShares.getOrDefault(tenderKey, new java.util.TreeMap<>()).values());
    }

    /** {@code PostOpeningShares}: once per holder, from the bid deadline on, by the ledger's own clock. */
    private SubmissionOutcome postShares(String tenderKey, int holder, String sharesJson, String txId) {
        Instant deadline = bidDeadlines.get(tenderKey);
        if (deadline == null) {
            return refused("NOT_FOUND", tenderKey + " not found");
        }
        if (clock.instant().isBefore(deadline)) {
            return refused("DEADLINE_NOT_REACHED", tenderKey + ": shares can be posted only from the bid deadline " + deadline);
        }
        var posted = openingShares.computeIfAbsent(tenderKey, k -> new java.util.TreeMap<>());
        if (posted.containsKey(holder)) {
            return refused("ALREADY_EXISTS", "holder " + holder + " has already posted shares of " + tenderKey);
        }
        Map<String, String> shares = new java.util.TreeMap<>();
        jakarta.json.Json.createReader(new java.io.StringReader(sharesJson)).readObject().forEach((bid, v) -> shares.put(bid,
                v.getValueType() == jakarta.json.JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : null));
        posted.put(holder, new PostedShares(holder, "AuditMSP", shares, txId));
        long blockNumber = blocks.size();
        CommittedTransaction tx = new CommittedTransaction(txId, blockNumber, Instant.now(), true, "VALID",
                List.of("AuditMSP", "ProcurementMSP"), List.of());
        transactions.put(txId, tx);
        blocks.add(new LedgerBlock(blockNumber, List.of(tx)));
        commits++;
        committedCalls.add(LedgerCall.of("PostOpeningShares", tenderKey, Integer.toString(holder), sharesJson));
        notifyAll();
        return new SubmissionOutcome.Committed(txId, blockNumber);
    }

    @Override
    public synchronized List<HashIndexHit> findByHash(String sha256Hex) {
        requireUp();
        List<HashIndexHit> hits = new ArrayList<>();
        history.values().forEach(writes -> writes.stream()
                .filter(w -> w.value().hash().equals(sha256Hex) || (w.value().version() == 1 && sha256Hex.equals(documentHashOf(w.value()))))
                .forEach(w -> hits.add(new HashIndexHit(w.value().key(), w.value().version()))));
        return hits;
    }

    /**
     * The kind-specific fields the chaincode stores in a notarisation's entry ({@code documentHash},
     * {@code reason}, {@code supersededBy}); "{}" for other kinds.
     */
    private static String entryJson(LedgerCall call, String kind, LedgerEntry current) {
        if (!"notarisation".equals(kind)) {
            return "{}";
        }
        List<String> a = call.arguments();
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        String documentHash = call.function().equals("RegisterNotarisation") ? a.get(2) : documentHashOf(current);
        if (documentHash != null) {
            json.add("documentHash", documentHash);
        }
        switch (call.function()) {
            case "RevokeNotarisation" -> json.add("reason", a.get(4)).addNull("supersededBy");
            case "SupersedeNotarisation" -> json.add("reason", a.get(5)).add("supersededBy", a.get(4));
            default -> json.addNull("reason").addNull("supersededBy");
        }
        return json.build().toString();
    }

    /** A notarisation entry's documentHash, or null. */
    private static String documentHashOf(LedgerEntry entry) {
        if (entry == null || !entry.json().contains("documentHash")) {
            return null;
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(entry.json())).readObject().getString("documentHash", null);
    }

    @Override
    public synchronized Optional<CommittedTransaction> transaction(String txId) {
        requireUp();
        return Optional.ofNullable(transactions.get(txId));
    }

    /** Current entries of the kind in key order; the bookmark is the next key to read, as on LevelDB. */
    @Override
    public synchronized LedgerRecordPage listRecords(String kind, int pageSize, String bookmark) {
        requireUp();
        TreeMap<String, LedgerEntry> current = new TreeMap<>();
        history.forEach((key, writes) -> {
            if (!writes.isEmpty() && key.startsWith(kind + ":") && (bookmark == null || key.compareTo(bookmark) >= 0)) {
                current.put(key, writes.get(writes.size() - 1).value());
            }
        });
        List<LedgerEntry> page = current.values().stream().limit(pageSize).toList();
        String next = current.size() > pageSize ? current.keySet().stream().skip(pageSize).findFirst().orElse("") : "";
        return new LedgerRecordPage(page, next);
    }

    /** Test support: a write of another portal on the same ledger (a key this portal's database never had). */
    public synchronized void writeForeign(String key, String hash) {
        String kind = key.substring(0, key.indexOf(':'));
        String txId = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(new LedgerHistoryItem(txId, now, false,
                new LedgerEntry(key, kind, 1, hash, null, "registered", registerOf(kind), "PARO", mspOf(kind), "other.clerk",
                        txId, now, "{}")));
    }

    /** Test support: the ledger gains a version the portal never saved (a write from outside the portal). */
    public synchronized void appendOutside(String key, String hash) {
        List<LedgerHistoryItem> writes = history.get(key);
        LedgerEntry last = writes.get(writes.size() - 1).value();
        String txId = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        writes.add(new LedgerHistoryItem(txId, now, false, new LedgerEntry(key, last.kind(), last.version() + 1, hash,
                last.hash(), last.status(), last.register(), last.office(), last.submitterMspId(), "outsider", txId, now, "{}")));
    }

    /** Test support: the ledger loses every write of a version from this one on (as if never committed). */
    public synchronized void forgetFrom(String key, int version) {
        history.get(key).removeIf(w -> w.value().version() >= version);
    }

    /** Test support: overwrite the hash the ledger holds for a version (imitates a forged DB or ledger). */
    public synchronized void tamper(String key, int version, String newHash) {
        List<LedgerHistoryItem> writes = history.get(key);
        for (int i = 0; i < writes.size(); i++) {
            LedgerEntry e = writes.get(i).value();
            if (e.version() == version) {
                writes.set(i, new LedgerHistoryItem(writes.get(i).txId(), writes.get(i).timestamp(), false,
                        new LedgerEntry(e.key(), e.kind(), e.version(), newHash, e.previousHash(), e.status(), e.register(),
                                e.office(), e.submitterMspId(), e.submitterSubject(), e.txId(), e.txTime(), e.json())));
            }
        }
    }

    @Override
    public BlockStream blocksFrom(long startBlock) {
        return new BlockStream() {
            private long next = startBlock;
            private volatile boolean closed;

            @Override
            public LedgerBlock next() {
                synchronized (FakeLedger.this) {
                    long deadline = System.currentTimeMillis() + 2000;
                    while (!closed && (down || next >= blocks.size())) {
                        long wait = deadline - System.currentTimeMillis();
                        if (wait <= 0) {
                            throw new LedgerUnavailableException("no block within 2 s");
                        }
                        try {
                            FakeLedger.this.wait(wait);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new LedgerUnavailableException("interrupted");
                        }
                    }
                    if (closed) {
                        throw new LedgerUnavailableException("closed");
                    }
                    return blocks.get((int) next++);
                }
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
