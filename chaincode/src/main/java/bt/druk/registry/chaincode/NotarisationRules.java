package bt.druk.registry.chaincode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Notary rules: notarisations ({@code notarisation:<id>}) of a document identified by its SHA-256,
 * revocation, supersession, and Merkle-root anchors of document batches ({@code anchor:<id>}).
 * <p>
 * A notarisation or anchor is kept by the office of the notary who wrote it, taken from the notary's
 * certificate (attribute {@code office}): the {@code office} argument must be that office, and only
 * notaries of the notarisation's office (as its ledger entry holds it) revoke or supersede it.
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
        requireOwnOffice(tx, key, office);
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
        LedgerEntry cur = requireActive(tx, u);
        return write(cur, u, REVOKED, tx, Map.of(REASON, reason));
    }

    public LedgerEntry supersedeNotarisation(TxInfo tx, Update u, String supersededByKey, String reason) {
        if (supersededByKey.equals(u.key())) {
            throw ErrorCode.INVALID_ARGUMENT.error("a notarisation cannot supersede itself");
        }
        LedgerEntry cur = requireActive(tx, u);
        LedgerEntry successor = ledger.get(supersededByKey);
        if (!REGISTERED.equals(successor.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an active notarisation can supersede another",
                    Ledger.describe(supersededByKey), successor.status());
        }
        return write(cur, u, SUPERSEDED, tx, Map.of(SUPERSEDED_BY, supersededByKey, REASON, reason));
    }

    public LedgerEntry anchorBatch(TxInfo tx, String key, String merkleRoot, int leafCount, String office) {
        ledger.requireAbsent(key, merkleRoot);
        requireOwnOffice(tx, key, office);
        Map<String, Object> fields = new HashMap<>();
        fields.put(MERKLE_ROOT, merkleRoot);
        fields.put(LEAF_COUNT, leafCount);
        LedgerEntry entry = LedgerEntry.first(Kind.ANCHOR, key, merkleRoot, ANCHORED, office, tx, fields);
        ledger.create(entry, Register.NOTARY);
        return entry;
    }

    /** {@code [WRONG_OFFICE]} unless {@code office}, the office a new entry would be kept by, is the writer's own. */
    private static void requireOwnOffice(TxInfo tx, String key, String office) {
        if (!office.equals(tx.office())) {
            throw ErrorCode.WRONG_OFFICE.error("%s would be kept by the %s office; notary %s is of %s: a notary writes"
                    + " for their own office", Ledger.describe(key), office, tx.submitter().subject(), officeOf(tx));
        }
    }

    /**
     * The notarisation's current entry, which {@code u} must succeed, changed only by notaries of its
     * office (a retry of a write already on the ledger still answers ALREADY_RECORDED first), and active.
     */
    private LedgerEntry requireActive(TxInfo tx, Update u) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.NOTARISATION, u);
        if (!cur.office().equals(tx.office())) {
            throw ErrorCode.WRONG_OFFICE.error("%s is kept by the %s office; notary %s is of %s",
                    Ledger.describe(u.key()), cur.office(), tx.submitter().subject(), officeOf(tx));
        }
        if (!REGISTERED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an active notarisation can change",
                    Ledger.describe(u.key()), cur.status());
        }
        return cur;
    }

    private static String officeOf(TxInfo tx) {
        return tx.office() == null ? "no office" : "the " + tx.office() + " office";
    }

    private LedgerEntry write(LedgerEntry cur, Update u, String status, TxInfo tx, Map<String, Object> changed) {
        LedgerEntry next = cur.next(u.version(), u.hash(), status, tx, changed);
        ledger.update(next, Register.NOTARY);
        return next;
    }
}
