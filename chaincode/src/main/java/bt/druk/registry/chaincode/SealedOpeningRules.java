package bt.druk.registry.chaincode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sealed opening of procurement bids (issue 25), alongside commit-reveal ({@link TenderRules}). A
 * sealed tender names k-of-n opening key holders of at least two organisations; each bid is
 * encrypted in the bidder's browser ({@code druk-sealed-bid/2}, docs/sealed-envelope.md) and
 * lodged as its envelope hash with the hashes of its n key shares. After the bid deadline the
 * holders post their decrypted shares, and once k of them have, every bid can be opened: a bidder
 * can no longer keep a bid closed by withholding a reveal.
 * <ul>
 * <li>one live bid per supplier and tender (the supplier known to the ledger only by a commitment);
 * withdrawn only before the deadline;</li>
 * <li>shares only at or after the deadline, by staff of the holder's organisation, each matching its
 * hash in its bid's envelope;</li>
 * <li>opening results only once k holders have posted.</li>
 * </ul>
 */
public final class SealedOpeningRules {
    public static final String LODGED = "lodged";
    public static final String WITHDRAWN = "withdrawn";

    /** Tender field: {@code true} on a sealed tender (absent on a commit-reveal one). */
    static final String SEALED = "sealed";
    /** Tender field: the {@link Opening}. */
    static final String OPENING = "opening";
    static final String SUPPLIER_COMMITMENT = "supplierCommitment";
    static final String SHARE_HASHES = "shareHashes";
    static final String ENVELOPE_HASH = "envelopeHash";
    static final String RESULT = "result";

    /** Composite key of a supplier's live bid: {@code (tenderKey, supplierCommitment)} → {@code {"bidKey"}}. */
    static final String SUPPLIER_BID = "supplierbid";
    /** Composite key of every sealed bid lodged on a tender: {@code (tenderKey, bidKey)} → {@code {"bidKey"}}. */
    static final String TENDER_BID = "tenderbid";
    static final String BID_KEY = "bidKey";

    private final Ledger ledger;
    private final TenderRules tenders;

    public SealedOpeningRules(Ledger ledger) {
        this.ledger = ledger;
        this.tenders = new TenderRules(ledger);
    }

    /** Whether {@code tender} takes sealed bids (published with {@code PublishSealedTender}). */
    static boolean isSealed(LedgerEntry tender) {
        return Boolean.TRUE.equals(tender.fields().get(SEALED));
    }

    /** {@code PublishTender} with the tender's opening: fields {@code sealed: true} and {@code opening}. */
    public LedgerEntry publishSealedTender(TxInfo tx, String key, String hash, String office, Instant bidDeadline,
            Opening opening) {
        return tenders.publish(tx, key, hash, office, bidDeadline, Map.of(SEALED, true, OPENING, opening.toMap()));
    }

    /**
     * A sealed bid, before the deadline: version 1, {@code lodged}, {@code hash} = {@code envelopeHash},
     * fields {@code tenderKey}, {@code supplierCommitment}, {@code shareHashes} (one per holder, in
     * holder order), {@code envelopeHash} and {@code result} (null until opened). One live bid per
     * supplier and tender: a second one is {@code [ALREADY_EXISTS]} until the first is withdrawn.
     */
    public LedgerEntry lodgeSealedBid(TxInfo tx, String bidKey, String tenderKey, String envelopeHash,
            String supplierCommitment, List<String> shareHashes, String office) {
        TenderRules.requireBidOf(bidKey, tenderKey);
        ledger.requireAbsent(bidKey, envelopeHash);
        LedgerEntry tender = ledger.get(tenderKey);
        Opening opening = openingOf(tender);
        if (!TenderRules.ACTIVE_TENDERING.equals(tender.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; bids are accepted only while active.tendering",
                    Ledger.describe(tenderKey), tender.status());
        }
        Instant deadline = TenderRules.deadline(tender);
        if (!tx.txTime().isBefore(deadline)) {
            throw ErrorCode.DEADLINE_PASSED.error("%s: the bid deadline %s has passed (transaction time %s)",
                    Ledger.describe(tenderKey), TxInfo.iso(deadline), tx.txTimeIso());
        }
        if (shareHashes.size() != opening.n()) {
            throw ErrorCode.INVALID_ARGUMENT.error("shareHashesJson has %d share hashes; %s has %d opening key holders",
                    shareHashes.size(), Ledger.describe(tenderKey), opening.n());
        }
        String supplierKey = ledger.compositeKey(SUPPLIER_BID, tenderKey, supplierCommitment);
        Optional<Map<String, Object>> live = ledger.findValue(supplierKey);
        if (live.isPresent() && !WITHDRAWN.equals(ledger.get((String) live.get().get(BID_KEY)).status())) {
            throw ErrorCode.ALREADY_EXISTS.error(
                    "supplier already has a bid on this tender (%s, supplier commitment %s); withdraw it first",
                    Ledger.describe((String) live.get().get(BID_KEY)), supplierCommitment);
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put(TenderRules.TENDER_KEY, tenderKey);
        fields.put(SUPPLIER_COMMITMENT, supplierCommitment);
        fields.put(SHARE_HASHES, shareHashes);
        fields.put(ENVELOPE_HASH, envelopeHash);
        fields.put(RESULT, null);
        LedgerEntry entry = LedgerEntry.first(Kind.BID, bidKey, envelopeHash, LODGED, office, tx, fields);
        ledger.create(entry, Register.PROCUREMENT);
        ledger.putValue(supplierKey, Map.of(BID_KEY, bidKey), Register.PROCUREMENT);
        ledger.putValue(ledger.compositeKey(TENDER_BID, tenderKey, bidKey), Map.of(BID_KEY, bidKey), Register.PROCUREMENT);
        return entry;
    }

    /**
     * lodged → withdrawn, only before the bid deadline; frees the supplier to lodge another bid. The
     * bid stays listed under its tender, and is left out of the opening.
     */
    public LedgerEntry withdrawBid(TxInfo tx, Update u) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.BID, u);
        if (!LODGED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only a lodged sealed bid can be withdrawn",
                    Ledger.describe(u.key()), cur.status());
        }
        String tenderKey = cur.text(TenderRules.TENDER_KEY);
        Instant deadline = TenderRules.deadline(ledger.get(tenderKey));
        if (!tx.txTime().isBefore(deadline)) {
            throw ErrorCode.DEADLINE_PASSED.error("%s: bids can be withdrawn only before the bid deadline %s (transaction time %s)",
                    Ledger.describe(u.key()), TxInfo.iso(deadline), tx.txTimeIso());
        }
        LedgerEntry next = cur.next(u.version(), u.hash(), WITHDRAWN, tx, Map.of());
        ledger.update(next, Register.PROCUREMENT);
        String supplierKey = ledger.compositeKey(SUPPLIER_BID, tenderKey, cur.text(SUPPLIER_COMMITMENT));
        if (ledger.findValue(supplierKey).map(v -> u.key().equals(v.get(BID_KEY))).orElse(false)) {
            ledger.delete(supplierKey);
        }
        return next;
    }

    /** The opening of a sealed tender; {@code [NOT_ALLOWED_IN_STATE]} for a commit-reveal tender. */
    static Opening openingOf(LedgerEntry tender) {
        Optional<Opening> opening = Opening.of(tender);
        if (opening.isEmpty()) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is a commit-reveal tender, not a sealed one (PublishSealedTender)",
                    Ledger.describe(tender.key()));
        }
        return opening.get();
    }
}
