package bt.druk.registry.chaincode;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Procurement rules of tenders ({@code tender:<ocid>}): publishing, amending the deadline, opening,
 * award, cancellation, completion. Their bids ({@code bid:<ocid>:<bidNo>}) are sealed bids
 * ({@link SealedOpeningRules}).
 * <p>
 * A tender is kept by the office (and agency) of the clerk who published it, both taken from the
 * clerk's certificate: only staff of that office and agency amend, cancel, open, award, complete it
 * or declare it unsuccessful, and open its sealed bids.
 * <p>
 * A bid deadline, published or amended, is at least the minimum bid period after the transaction
 * time ({@link Ledger#minBidPeriodSeconds}), so bidders always have time to prepare.
 */
public final class TenderRules {
    public static final String ACTIVE_TENDERING = "active.tendering";
    public static final String EVALUATION = "evaluation";
    public static final String AWARDED = "awarded";
    public static final String CANCELLED = "cancelled";
    public static final String COMPLETE = "complete";
    public static final String UNSUCCESSFUL = "unsuccessful";

    static final String BID_DEADLINE = "bidDeadline";
    static final String AWARDED_BID = "awardedBid";
    static final String CANCEL_REASON = "cancelReason";
    static final String UNSUCCESSFUL_REASON = "unsuccessfulReason";
    /** Tender field: the publisher's {@code agency} certificate attribute, null when it has none. */
    static final String AGENCY = "agency";
    static final String TENDER_KEY = "tenderKey";

    private final Ledger ledger;
    private final long minimumBidPeriodSeconds;

    /** @param minimumBidPeriodSeconds this endorser's floor of the minimum bid period */
    public TenderRules(Ledger ledger, long minimumBidPeriodSeconds) {
        this.ledger = ledger;
        this.minimumBidPeriodSeconds = minimumBidPeriodSeconds;
    }

    public LedgerEntry publishTender(TxInfo tx, String key, String hash, String office, Instant bidDeadline) {
        return publish(tx, key, hash, office, bidDeadline, Map.of());
    }

    /** {@code PublishTender} with {@code extra} kind-specific fields (a sealed tender's opening). */
    LedgerEntry publish(TxInfo tx, String key, String hash, String office, Instant bidDeadline, Map<String, Object> extra) {
        ledger.requireAbsent(key, hash);
        if (!office.equals(tx.office())) {
            throw ErrorCode.WRONG_OFFICE.error("%s would be kept by the %s office; %s is of %s: a tender is published"
                    + " for the publisher's own office", Ledger.describe(key), office, tx.submitter().subject(),
                    place(tx.office(), tx.agency()));
        }
        requireBidPeriod(tx, key, bidDeadline);
        Map<String, Object> fields = new HashMap<>();
        fields.put(BID_DEADLINE, TxInfo.iso(bidDeadline));
        fields.put(AWARDED_BID, null);
        fields.put(CANCEL_REASON, null);
        fields.put(UNSUCCESSFUL_REASON, null);
        fields.put(AGENCY, tx.agency());
        fields.putAll(extra);
        LedgerEntry entry = LedgerEntry.first(Kind.TENDER, key, hash, ACTIVE_TENDERING, office, tx, fields);
        ledger.create(entry, Register.PROCUREMENT);
        return entry;
    }

    public LedgerEntry openBids(TxInfo tx, Update u) {
        LedgerEntry cur = current(tx, u);
        if (!ACTIVE_TENDERING.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an active.tendering tender can be opened",
                    Ledger.describe(u.key()), cur.status());
        }
        Instant deadline = deadline(cur);
        if (tx.txTime().isBefore(deadline)) {
            throw ErrorCode.DEADLINE_NOT_REACHED.error("%s: bids cannot be opened before the bid deadline %s",
                    Ledger.describe(u.key()), TxInfo.iso(deadline));
        }
        return write(cur, u, EVALUATION, tx, Map.of());
    }

    public LedgerEntry awardTender(TxInfo tx, Update u, String bidKey) {
        LedgerEntry cur = current(tx, u);
        if (!EVALUATION.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; a tender can be awarded only in evaluation",
                    Ledger.describe(u.key()), cur.status());
        }
        LedgerEntry bid = ledger.get(bidKey);
        if (!u.key().equals(bid.text(TENDER_KEY))) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s belongs to %s, not to %s", Ledger.describe(bidKey),
                    bid.text(TENDER_KEY), u.key());
        }
        if (!SealedOpeningRules.OPENED.equals(bid.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an opened (valid) bid can be awarded",
                    Ledger.describe(bidKey), bid.status());
        }
        return write(cur, u, AWARDED, tx, Map.of(AWARDED_BID, bidKey));
    }

    public LedgerEntry cancelTender(TxInfo tx, Update u, String reason) {
        LedgerEntry cur = current(tx, u);
        if (!Set.of(ACTIVE_TENDERING, EVALUATION).contains(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s and cannot be cancelled",
                    Ledger.describe(u.key()), cur.status());
        }
        return write(cur, u, CANCELLED, tx, Map.of(CANCEL_REASON, reason));
    }

    /**
     * A new bid deadline, only while bids are accepted (active.tendering and before the current
     * deadline); the new deadline must be at least the minimum bid period after the transaction
     * time, and may be earlier or later than the current one. Lodging, withdrawing, shares and the
     * opening then follow the new deadline.
     */
    public LedgerEntry amendTender(TxInfo tx, Update u, Instant bidDeadline) {
        LedgerEntry cur = current(tx, u);
        if (!ACTIVE_TENDERING.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an active.tendering tender can be amended",
                    Ledger.describe(u.key()), cur.status());
        }
        Instant current = deadline(cur);
        if (!tx.txTime().isBefore(current)) {
            throw ErrorCode.DEADLINE_PASSED.error("%s: the bid deadline %s has passed (transaction time %s)",
                    Ledger.describe(u.key()), TxInfo.iso(current), tx.txTimeIso());
        }
        requireBidPeriod(tx, u.key(), bidDeadline);
        return write(cur, u, ACTIVE_TENDERING, tx, Map.of(BID_DEADLINE, TxInfo.iso(bidDeadline)));
    }

    /** awarded → complete (the contract has been carried out). */
    public LedgerEntry completeTender(TxInfo tx, Update u) {
        LedgerEntry cur = current(tx, u);
        if (!AWARDED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is %s; only an awarded tender can be completed",
                    Ledger.describe(u.key()), cur.status());
        }
        return write(cur, u, COMPLETE, tx, Map.of());
    }

    /** evaluation → unsuccessful (no bid can be awarded), with the reason in {@code unsuccessfulReason}. */
    public LedgerEntry tenderUnsuccessful(TxInfo tx, Update u, String reason) {
        LedgerEntry cur = current(tx, u);
        if (!EVALUATION.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error(
                    "%s is %s; only a tender in evaluation can be declared unsuccessful", Ledger.describe(u.key()),
                    cur.status());
        }
        return write(cur, u, UNSUCCESSFUL, tx, Map.of(UNSUCCESSFUL_REASON, reason));
    }

    /**
     * The tender's current entry, which {@code u} must succeed, changed only by its keepers (a retry
     * of a write already on the ledger still answers ALREADY_RECORDED first).
     */
    private LedgerEntry current(TxInfo tx, Update u) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.TENDER, u);
        requireKeeper(tx, cur);
        return cur;
    }

    /**
     * {@code [WRONG_OFFICE]} unless the writer's office and agency (certificate attributes) are the
     * tender's: its office, and its agency or, on a tender published by an identity without one
     * (or before agencies were recorded), none.
     */
    static void requireKeeper(TxInfo tx, LedgerEntry tender) {
        String agency = tender.text(AGENCY);
        if (!tender.office().equals(tx.office()) || !Objects.equals(agency, tx.agency())) {
            throw ErrorCode.WRONG_OFFICE.error("%s is kept by %s; %s is of %s", Ledger.describe(tender.key()),
                    place(tender.office(), agency), tx.submitter().subject(), place(tx.office(), tx.agency()));
        }
    }

    /** "the THIMPHU office", "agency MOH, the THIMPHU office", "no office" for messages. */
    private static String place(String office, String agency) {
        String where = office == null ? "no office" : "the " + office + " office";
        return agency == null ? where : "agency " + agency + ", " + where;
    }

    /**
     * {@code [INVALID_ARGUMENT]} unless the deadline is after the transaction time, then
     * {@code [BID_PERIOD_TOO_SHORT]} if it comes sooner than the minimum bid period after it.
     */
    private void requireBidPeriod(TxInfo tx, String key, Instant bidDeadline) {
        if (!bidDeadline.isAfter(tx.txTime())) {
            throw ErrorCode.INVALID_ARGUMENT.error("bidDeadline %s is not after the transaction time %s",
                    TxInfo.iso(bidDeadline), tx.txTimeIso());
        }
        long period = ledger.minBidPeriodSeconds(minimumBidPeriodSeconds);
        Instant earliest = tx.txTime().plusSeconds(period);
        if (bidDeadline.isBefore(earliest)) {
            throw ErrorCode.BID_PERIOD_TOO_SHORT.error(
                    "%s: bidDeadline %s is less than the minimum bid period of %s after the transaction time %s;"
                            + " the earliest deadline is %s", Ledger.describe(key), TxInfo.iso(bidDeadline), seconds(period),
                    tx.txTimeIso(), TxInfo.iso(earliest));
        }
    }

    /** "604800 s (7 days)", "90 s" for messages. */
    private static String seconds(long seconds) {
        long days = seconds / 86_400;
        return seconds + " s" + (days > 0 && seconds % 86_400 == 0 ? " (" + days + (days == 1 ? " day)" : " days)") : "");
    }

    /** {@code [INVALID_ARGUMENT]} unless {@code bidKey} is {@code bid:<the tender's ocid>:<bidNo>}. */
    static void requireBidOf(String bidKey, String tenderKey) {
        String ocid = tenderKey.substring(Kind.TENDER.keyPrefix().length());
        String bidRest = bidKey.substring(Kind.BID.keyPrefix().length());
        if (!bidRest.substring(0, bidRest.lastIndexOf(':')).equals(ocid)) {
            throw ErrorCode.INVALID_ARGUMENT.error("bid key %s does not belong to %s (expected bid:%s:<bidNo>)",
                    bidKey, tenderKey, ocid);
        }
    }

    static Instant deadline(LedgerEntry tender) {
        return Instant.parse(tender.text(BID_DEADLINE));
    }

    /**
     * Writes the tender's next version. A tender published before {@code unsuccessfulReason} or
     * {@code agency} existed gains it (null) with its next version, so every tender version written
     * now has every field.
     */
    private LedgerEntry write(LedgerEntry cur, Update u, String status, TxInfo tx, Map<String, Object> changed) {
        Map<String, Object> all = new HashMap<>(changed);
        for (String field : new String[] {UNSUCCESSFUL_REASON, AGENCY}) {
            if (!cur.fields().containsKey(field)) {
                all.putIfAbsent(field, null);
            }
        }
        LedgerEntry next = cur.next(u.version(), u.hash(), status, tx, all);
        ledger.update(next, Register.PROCUREMENT);
        return next;
    }
}
