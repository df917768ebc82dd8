package bt.druk.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sealed opening of procurement bids (issue 25), the only way a tender takes bids. A
 * sealed tender names k-of-n opening key holders of at least two organisations; each bid is
 * encrypted in the bidder's browser ({@code druk-sealed-bid/2}, docs/sealed-envelope.md) and
 * lodged as its envelope hash with the hashes of its n key shares. After the bid deadline the
 * holders post their decrypted shares, and once k of them have, every bid can be opened: a bidder
 * can no longer keep a bid closed by withholding a reveal.
 * <ul>
 * <li>a bid is kept by its tender's office; only the tender's keepers ({@link TenderRules#requireKeeper})
 * record its opening, and lodge or withdraw it if they are clerks (paper bids): the bid box, which
 * serves every office, lodges and withdraws the bids sent on the public pages;</li>
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
    public static final String OPENED = "opened";
    public static final String INVALID = "invalid";

    /** Tender field: {@code true} on a sealed tender (absent on one published with {@code PublishTender}). */
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
    /** Composite key of a holder's posted shares: {@code (tenderKey, holderIndex)}. */
    static final String OPENING_SHARES = "openingshares";
    static final String HOLDER_INDEX = "holderIndex";
    static final String SHARES = "shares";

    private final Ledger ledger;
    private final TenderRules tenders;

    /** @param minimumBidPeriodSeconds this endorser's floor of the minimum bid period (for publishing) */
    public SealedOpeningRules(Ledger ledger, long minimumBidPeriodSeconds) {
        this.ledger = ledger;
        this.tenders = new TenderRules(ledger, minimumBidPeriodSeconds);
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
     * {@code office} must be the tender's ({@code [WRONG_OFFICE]}): a bid is kept where its tender is;
     * a clerk (not the bid box) lodges only on a tender they keep.
     */
    public LedgerEntry lodgeSealedBid(TxInfo tx, String bidKey, String tenderKey, String envelopeHash,
            String supplierCommitment, List<String> shareHashes, String office) {
        TenderRules.requireBidOf(bidKey, tenderKey);
        ledger.requireAbsent(bidKey, envelopeHash);
        LedgerEntry tender = ledger.get(tenderKey);
        Opening opening = openingOf(tender);
        if (!office.equals(tender.office())) {
            throw ErrorCode.WRONG_OFFICE.error("%s is kept by the %s office; a bid on it is kept there too, not by the %s office",
                    Ledger.describe(tenderKey), tender.office(), office);
        }
        if (!tx.isBidBox()) {
            TenderRules.requireKeeper(tx, tender);
        }
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
     * bid stays listed under its tender, and is left out of the opening. A clerk (not the bid box)
     * withdraws only a bid on a tender they keep.
     */
    public LedgerEntry withdrawBid(TxInfo tx, Update u) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.BID, u);
        String tenderKey = cur.text(TenderRules.TENDER_KEY);
        LedgerEntry tender = ledger.get(tenderKey);
        if (!tx.isBidBox()) {
            TenderRules.requireKeeper(tx, tender);
        }
        if (!LODGED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only a lodged sealed bid can be withdrawn",
                    Ledger.describe(u.key()), cur.status());
        }
        Instant deadline = TenderRules.deadline(tender);
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

    /**
     * Holder {@code holderIndex}'s shares of every bid of the tender that was not withdrawn, posted
     * once, at or after the bid deadline, by staff of the holder's organisation; each share's SHA-256
     * (of its 33 decoded bytes) must be the share hash lodged with its bid. A {@code null} share says
     * the holder could not decrypt its share of that bid (a bidder may encrypt garbage to one holder,
     * docs/sealed-envelope.md §9): it blocks neither this holder's other shares nor the opening.
     * Stored at {@code openingshares(tenderKey, holderIndex)} as
     * {@code {"holderIndex","msp","shares","submitter","tenderKey","txId","txTime"}}; the tender's
     * status does not change, and there is no event (the shares are no record version).
     */
    public Map<String, Object> postOpeningShares(TxInfo tx, String tenderKey, int holderIndex,
            SortedMap<String, String> shares) {
        LedgerEntry tender = ledger.get(tenderKey);
        Opening opening = openingOf(tender);
        if (holderIndex > opening.n()) {
            throw ErrorCode.INVALID_ARGUMENT.error("holderIndex %d: %s has %d opening key holders", holderIndex,
                    Ledger.describe(tenderKey), opening.n());
        }
        String msp = opening.holder(holderIndex).msp();
        if (!msp.equals(tx.submitter().mspId())) {
            throw ErrorCode.ACCESS_DENIED.error("holder %d of %s is of %s: only its staff may post its shares, not %s@%s",
                    holderIndex, Ledger.describe(tenderKey), msp, tx.submitter().subject(), tx.submitter().mspId());
        }
        String key = sharesKey(tenderKey, holderIndex);
        Optional<Map<String, Object>> posted = ledger.findValue(key);
        if (posted.isPresent()) {
            if (shares.equals(posted.get().get(SHARES))) {
                throw ErrorCode.ALREADY_RECORDED.error("holder %d's shares of %s are already recorded (tx %s)", holderIndex,
                        Ledger.describe(tenderKey), posted.get().get("txId"));
            }
            throw ErrorCode.ALREADY_EXISTS.error("holder %d has already posted other shares of %s (tx %s); a holder posts once",
                    holderIndex, Ledger.describe(tenderKey), posted.get().get("txId"));
        }
        requireOpenable(tender);
        Instant deadline = TenderRules.deadline(tender);
        if (tx.txTime().isBefore(deadline)) {
            throw ErrorCode.DEADLINE_NOT_REACHED.error("%s: shares can be posted only from the bid deadline %s (transaction time %s)",
                    Ledger.describe(tenderKey), TxInfo.iso(deadline), tx.txTimeIso());
        }
        SortedMap<String, LedgerEntry> bids = bidsToOpen(tenderKey);
        Set<String> missing = new TreeSet<>(bids.keySet());
        missing.removeAll(shares.keySet());
        Set<String> extra = new TreeSet<>(shares.keySet());
        extra.removeAll(bids.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "sharesJson must hold a share (or null) of exactly the %d bids of %s not withdrawn; missing: %s; not such bids: %s",
                    bids.size(), Ledger.describe(tenderKey), missing, extra);
        }
        List<String> otherHolder = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, String> e : shares.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            byte[] share = Base64.getUrlDecoder().decode(e.getValue());
            if ((share[0] & 0xff) != holderIndex) {
                otherHolder.add(e.getKey());
            } else if (!shareHash(share).equals(bids.get(e.getKey()).list(SHARE_HASHES).get(holderIndex - 1))) {
                mismatched.add(e.getKey());
            }
        }
        if (!otherHolder.isEmpty()) {
            throw ErrorCode.INVALID_ARGUMENT.error("the shares of %s are not share %d: their first byte (the x-coordinate) is another's",
                    otherHolder, holderIndex);
        }
        if (!mismatched.isEmpty()) {
            throw ErrorCode.COMMITMENT_MISMATCH.error(
                    "holder %d's shares of %s do not match the share hashes lodged with the bids (SHA-256 of the 33 share bytes)",
                    holderIndex, mismatched);
        }
        Map<String, Object> record = new TreeMap<>();
        record.put(HOLDER_INDEX, holderIndex);
        record.put("msp", msp);
        record.put(TenderRules.TENDER_KEY, tenderKey);
        record.put(SHARES, shares);
        record.put("submitter", tx.submitter().toMap());
        record.put("txId", tx.txId());
        record.put("txTime", tx.txTimeIso());
        ledger.putValue(key, record, Register.PROCUREMENT);
        return record;
    }

    /**
     * lodged → {@code opened} (valid) or {@code invalid}, with {@code result} = the opening's findings,
     * once at least k holders have posted their shares of the tender (for a valid bid: k shares of
     * this bid, a null share not counting), and if SHA-256({@code "<tenderKey>:<supplierId>:<supplierSalt>"})
     * is the bid's supplier commitment. Only the tender's keepers record it ({@code [WRONG_OFFICE]}).
     */
    public LedgerEntry openBid(TxInfo tx, Update u, BidOpening result) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.BID, u);
        String tenderKey = cur.text(TenderRules.TENDER_KEY);
        LedgerEntry tender = ledger.get(tenderKey);
        TenderRules.requireKeeper(tx, tender);
        if (!LODGED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only a lodged sealed bid can be opened",
                    Ledger.describe(u.key()), cur.status());
        }
        Opening opening = openingOf(tender);
        requireOpenable(tender);
        Instant deadline = TenderRules.deadline(tender);
        if (tx.txTime().isBefore(deadline)) {
            throw ErrorCode.DEADLINE_NOT_REACHED.error("%s: bids cannot be opened before the bid deadline %s",
                    Ledger.describe(tenderKey), TxInfo.iso(deadline));
        }
        List<Map<String, Object>> posted = openingShares(tenderKey, opening);
        if (posted.size() < opening.threshold()) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error(
                    "%d of the %d opening key holders of %s have posted their shares; its bids are opened once %d have",
                    posted.size(), opening.n(), Ledger.describe(tenderKey), opening.threshold());
        }
        long withShare = posted.stream().filter(p -> ((Map<?, ?>) p.get(SHARES)).get(u.key()) != null).count();
        if (result.valid() && withShare < opening.threshold()) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error(
                    "%s: %d holders have posted a share of it; it opens as valid only with %d", Ledger.describe(u.key()),
                    withShare, opening.threshold());
        }
        String commitment = Hashes.supplierCommitment(tenderKey, result.supplierId(), result.supplierSalt());
        if (!commitment.equals(cur.text(SUPPLIER_COMMITMENT))) {
            throw ErrorCode.COMMITMENT_MISMATCH.error(
                    "%s: SHA-256(\"<tenderKey>:<supplierId>:<supplierSalt>\") does not equal the supplier commitment %s",
                    Ledger.describe(u.key()), cur.text(SUPPLIER_COMMITMENT));
        }
        Map<String, Object> changed = new HashMap<>();
        changed.put(RESULT, result.toMap());
        LedgerEntry next = cur.next(u.version(), u.hash(), result.valid() ? OPENED : INVALID, tx, changed);
        ledger.update(next, Register.PROCUREMENT);
        return next;
    }

    /** The posted share records of a sealed tender, in holder order (holders who have not posted are left out). */
    public List<Map<String, Object>> openingShares(String tenderKey) {
        return openingShares(tenderKey, openingOf(ledger.get(tenderKey)));
    }

    private List<Map<String, Object>> openingShares(String tenderKey, Opening opening) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1; i <= opening.n(); i++) {
            ledger.findValue(sharesKey(tenderKey, i)).ifPresent(out::add);
        }
        return out;
    }

    /** The hash a holder's share is checked against: lowercase hex SHA-256 of its 33 plaintext bytes (the envelope's shareSha256). */
    static String shareHash(byte[] share) {
        return Hashes.sha256Hex(share);
    }

    private String sharesKey(String tenderKey, int holderIndex) {
        return ledger.compositeKey(OPENING_SHARES, tenderKey, Integer.toString(holderIndex));
    }

    /** The tender's sealed bids that were not withdrawn, by key: what every holder posts a share of. */
    private SortedMap<String, LedgerEntry> bidsToOpen(String tenderKey) {
        SortedMap<String, LedgerEntry> bids = new TreeMap<>();
        for (String bidKey : ledger.lastAttributes(TENDER_BID, tenderKey)) {
            LedgerEntry bid = ledger.get(bidKey);
            if (!WITHDRAWN.equals(bid.status())) {
                bids.put(bidKey, bid);
            }
        }
        return bids;
    }

    /** Shares are posted and bids opened while the tender is active.tendering (past its deadline) or in evaluation. */
    private static void requireOpenable(LedgerEntry tender) {
        if (!Set.of(TenderRules.ACTIVE_TENDERING, TenderRules.EVALUATION).contains(tender.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; its bids are opened only while active.tendering or in evaluation",
                    Ledger.describe(tender.key()), tender.status());
        }
    }

    /** The opening of a sealed tender; {@code [NOT_ALLOWED_IN_STATE]} for one published with {@code PublishTender}. */
    static Opening openingOf(LedgerEntry tender) {
        Optional<Opening> opening = Opening.of(tender);
        if (opening.isEmpty()) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is not a sealed tender (PublishSealedTender): it takes no bids",
                    Ledger.describe(tender.key()));
        }
        return opening.get();
    }
}
