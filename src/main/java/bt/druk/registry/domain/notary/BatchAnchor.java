package bt.druk.registry.domain.notary;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.RecordKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of notarised documents anchored by one ledger transaction ({@code AnchorBatch}): the
 * documents' SHA-256 digests in batch order are the leaves of an RFC 9162 Merkle tree whose root is
 * what the ledger holds ({@code hash = merkleRoot}). The anchor's record stores the ordered leaves,
 * so the root — and every document's inclusion proof — can be recomputed from the record alone.
 *
 * @param id     e.g. {@code 2026-03-01-001}; the key is {@code anchor:<id>}
 * @param leaves documents' SHA-256 digests, lowercase hex, in batch order (at least one)
 */
public record BatchAnchor(String id, List<String> leaves, String office, Instant anchoredAt, String by) {

    public static final String KIND = RecordKind.ANCHOR.code();
    /** Names the tree construction in the record, so a reader knows how to recompute the root. */
    public static final String TREE = "rfc9162-sha256";
    /** The chaincode's record id format. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/+:-]{0,159}");

    public BatchAnchor {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an anchor id: " + id);
        }
        leaves = List.copyOf(leaves);
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a batch anchors at least one document");
        }
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
        Objects.requireNonNull(by, "by");
        MerkleTree.ofDocumentHashes(leaves); // refuses a leaf that is not a SHA-256
    }

    public static RecordKey keyOf(String id) {
        return new RecordKey(KIND, id);
    }

    public RecordKey key() {
        return keyOf(id);
    }

    public MerkleTree tree() {
        return MerkleTree.ofDocumentHashes(leaves);
    }

    public String merkleRoot() {
        return tree().rootHex();
    }

    /** Register data of the anchor's hashed record: the tree construction, the ordered leaves, their count and the root. */
    public JsonObject toJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        leaves.forEach(array::add);
        return JSON.createObjectBuilder()
                .add("anchorId", id)
                .add("tree", TREE)
                .add("leaves", array)
                .add("leafCount", leaves.size())
                .add("merkleRoot", merkleRoot())
                .add("office", office)
                .add("anchoredAt", anchoredAt.toString())
                .add("by", by)
                .build();
    }

    public static BatchAnchor fromJson(JsonObject json) {
        return new BatchAnchor(json.getString("anchorId"), leavesOf(json), json.getString("office"),
                Instant.parse(json.getString("anchoredAt")), json.getString("by"));
    }

    /**
     * The Merkle root recomputed from the record's ordered leaves, ignoring the {@code merkleRoot}
     * the record states (so an edited leaf, an added or dropped one, or an edited root all show).
     *
     * @throws IllegalArgumentException if the data has no leaves, a leaf is not a SHA-256, the
     *                                  tree is not {@link #TREE} or {@code leafCount} disagrees
     */
    public static String merkleRootOf(JsonObject data) {
        if (!TREE.equals(data.getString("tree", null))) {
            throw new IllegalArgumentException("not an " + TREE + " batch anchor");
        }
        List<String> leaves = leavesOf(data);
        if (leaves.isEmpty() || !data.containsKey("leafCount") || data.getInt("leafCount") != leaves.size()) {
            throw new IllegalArgumentException("the anchor's leafCount does not match its leaves");
        }
        return MerkleTree.ofDocumentHashes(leaves).rootHex();
    }

    private static List<String> leavesOf(JsonObject json) {
        JsonArray array = json.getJsonArray("leaves");
        if (array == null) {
            throw new IllegalArgumentException("the anchor has no leaves");
        }
        List<String> leaves = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            leaves.add(array.getString(i));
        }
        return leaves;
    }
}
