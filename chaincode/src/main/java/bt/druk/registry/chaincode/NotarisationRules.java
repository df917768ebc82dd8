package bt.druk.registry.chaincode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Notary rules: notarisations ({@code notarisation:<id>}) of a document identified by its SHA-256,
 * revocation, supersession, and Merkle-root anchors of document batches ({@code anchor:<id>}).
 */
public final class NotarisationRules {
    public static final String REGISTERED = "registered";
    public static final String REVOKED = "revoked";
    public static final String SUPERSEDED = "superseded";
    public static final String ANCHORED = "anchored";

    static final String DOCUMENT_HASH = "documentHash";
    static final String REASON = "reason";
    static final String SUPERSEDED_BY = "supersededBy";
    static final String MERKLE_ROOT = "merkleRoot";
    static final String LEAF_COUNT = "leafCount";

    private final Ledger ledger;

    public NotarisationRules(Ledger ledger) {
        this.ledger = ledger;
    }

    public LedgerEntry registerNotarisation(TxInfo tx, String key, String hash, String documentHash, String office) {
        ledger.requireAbsent(key, hash);
        Set<String> candidates = new LinkedHashSet<>();
        for (HashRef ref : ledger.findByHash(documentHash)) {
            if (Kind.NOTARISATION.accepts(ref.key())) {
                candidates.add(ref.key());
            }
        }
        for (String other : candidates) {
            LedgerEntry e = ledger.get(other);
            if (documentHash.equals(e.text(DOCUMENT_HASH)) && REGISTERED.equals(e.status())) {
                throw ErrorCode.DUPLICATE_HASH.error("document %s is already notarised in active %s",
                        documentHash, Ledger.describe(other));
            }
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put(DOCUMENT_HASH, documentHash);
        fields.put(REASON, null);
        fields.put(SUPERSEDED_BY, null);
        LedgerEntry entry = LedgerEntry.first(Kind.NOTARISATION, key, hash, REGISTERED, office, tx, fields);
        ledger.create(entry, Register.NOTARY, documentHash);
        return entry;
    }

    public LedgerEntry revokeNotarisation(TxInfo tx, Update u, String reason) {
        LedgerEntry cur = requireActive(u);
        return write(cur, u, REVOKED, tx, Map.of(REASON, reason));
    }

    public LedgerEntry supersedeNotarisation(TxInfo tx, Update u, String supersededByKey, String reason) {
        if (supersededByKey.equals(u.key())) {
            throw ErrorCode.INVALID_ARGUMENT.error("a notarisation cannot supersede itself");
        }
        LedgerEntry cur = requireActive(u);
        LedgerEntry successor = ledger.get(supersededByKey);
        if (!REGISTERED.equals(successor.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an active notarisation can supersede another",
                    Ledger.describe(supersededByKey), successor.status());
        }
        return write(cur, u, SUPERSEDED, tx, Map.of(SUPERSEDED_BY, supersededByKey, REASON, reason));
    }

    public LedgerEntry anchorBatch(TxInfo tx, String key, String merkleRoot, int leafCount, String office) {
        ledger.requireAbsent(key, merkleRoot);
        Map<String, Object> fields = new HashMap<>();
        fields.put(MERKLE_ROOT, merkleRoot);
        fields.put(LEAF_COUNT, leafCount);
        LedgerEntry entry = LedgerEntry.first(Kind.ANCHOR, key, merkleRoot, ANCHORED, office, tx, fields);
        ledger.create(entry, Register.NOTARY);
        return entry;
    }

    private LedgerEntry requireActive(Update u) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.NOTARISATION, u);
        if (!REGISTERED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an active notarisation can change",
                    Ledger.describe(u.key()), cur.status());
        }
        return cur;
    }

    private LedgerEntry write(LedgerEntry cur, Update u, String status, TxInfo tx, Map<String, Object> changed) {
        LedgerEntry next = cur.next(u.version(), u.hash(), status, tx, changed);
        ledger.update(next, Register.NOTARY);
        return next;
    }
}
