package bt.druk.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Land register rules (kind {@code land-title}, key {@code land-title:<PIN>}): first registration,
 * transfer with a public notice period and objections, mortgages and caveats, and the parcel's
 * facts ({@link ParcelFacts}). Subdivision, merger and boundary adjustment are
 * {@link ParcelLineageRules}; a title they retire refuses every write here ({@link #current}).
 * <p>
 * A title is kept by the office of the clerk who registered it (certificate attribute
 * {@code office}); a first registration is made only by a land office that serves the parcel's
 * dzongkhag ({@link LandOffices}: why the dzongkhag argument can be believed).
 */
public final class LandTitleRules {
    public static final String REGISTERED = "registered";
    public static final String ENCUMBERED = "encumbered";
    public static final String TRANSFER_PENDING = "transfer-pending";
    public static final String TRANSFER_OBJECTED = "transfer-objected";
    /**
     * A parcel subdivided, merged into another or (not yet) otherwise replaced: {@code wentInto} names
     * the titles made from it. Final: every land transaction on it is refused; reads go on.
     */
    public static final String RETIRED = "retired";

    static final String OPEN_MORTGAGES = "openMortgages";
    static final String OPEN_CAVEATS = "openCaveats";
    static final String PENDING_TRANSFER = "pendingTransfer";
    /** {@code {"sha256","registeredAt"}}: the court order of the title's last court-ordered transfer. */
    static final String COURT_ORDER = "courtOrder";
    /** The parcel's dzongkhag as the first registration named it (and its hashed record holds it). */
    static final String DZONGKHAG = "dzongkhag";

    private final Ledger ledger;

    public LandTitleRules(Ledger ledger) {
        this.ledger = ledger;
    }

    public LedgerEntry registerTitle(TxInfo tx, String key, String hash, String office, String dzongkhag) {
        return register(tx, key, hash, office, dzongkhag, null);
    }

    /** {@link #registerTitle} with the parcel's facts on the ledger ({@link ParcelFacts}). */
    public LedgerEntry registerParcel(TxInfo tx, String key, String hash, String office, String dzongkhag, ParcelFacts facts) {
        return register(tx, key, hash, office, dzongkhag, facts);
    }

    private LedgerEntry register(TxInfo tx, String key, String hash, String office, String dzongkhag, ParcelFacts facts) {
        ledger.requireAbsent(key, hash);
        requireOffice(tx, office, key);
        LandOffices offices = ledger.landOffices();
        if (!offices.serves(office, dzongkhag)) {
            throw ErrorCode.WRONG_OFFICE.error("%s is in %s dzongkhag, which the %s land office does not serve (it serves %s):"
                    + " a first registration is made by the land office of the parcel's dzongkhag", Ledger.describe(key),
                    dzongkhag, office, offices.describe(office));
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put(DZONGKHAG, dzongkhag);
        fields.put(OPEN_MORTGAGES, List.of());
        fields.put(OPEN_CAVEATS, List.of());
        fields.put(PENDING_TRANSFER, null);
        if (facts != null) {
            fields.put(ParcelFacts.FIELD, facts.toMap());
        }
        LedgerEntry entry = LedgerEntry.first(Kind.LAND_TITLE, key, hash, REGISTERED, office, tx, fields);
        ledger.create(entry, Register.LAND);
        return entry;
    }

    /**
     * The title's current entry, which {@code u} must succeed, kept by the caller's office: a thram is
     * changed only by clerks of the office that registered it (a retry of a write already on the
     * ledger still answers ALREADY_RECORDED first).
     */
    LedgerEntry current(TxInfo tx, Update u) {
        LedgerEntry cur = ledger.requireSuccessor(Kind.LAND_TITLE, u);
        requireOffice(tx, cur.office(), u.key());
        if (RETIRED.equals(cur.status())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s was retired at version %d (tx %s) into %s; it can only be read",
                    Ledger.describe(u.key()), cur.version(), cur.txId(), String.join(", ", cur.list(ParcelLineageRules.WENT_INTO)));
        }
        return cur;
    }

    static void requireOffice(TxInfo tx, String office, String key) {
        if (!office.equals(tx.office())) {
            throw ErrorCode.WRONG_OFFICE.error("%s is kept by the %s office; clerk %s is of the %s office",
                    Ledger.describe(key), office, tx.submitter().subject(), tx.office() == null ? "(no)" : tx.office());
        }
    }

    public LedgerEntry lodgeTransfer(TxInfo tx, Update u) {
        LedgerEntry cur = current(tx, u);
        if (cur.object(PENDING_TRANSFER) != null) {
            throw ErrorCode.ENCUMBERED.error("%s: a transfer lodged at %s is already pending",
                    Ledger.describe(u.key()), cur.object(PENDING_TRANSFER).get("lodgedAt"));
        }
        if (!cur.list(OPEN_MORTGAGES).isEmpty()) {
            throw ErrorCode.ENCUMBERED.error("%s has open mortgage(s) %s", Ledger.describe(u.key()),
                    String.join(", ", cur.list(OPEN_MORTGAGES)));
        }
        if (!cur.list(OPEN_CAVEATS).isEmpty()) {
            throw ErrorCode.ENCUMBERED.error("%s has open caveat(s) %s", Ledger.describe(u.key()),
                    String.join(", ", cur.list(OPEN_CAVEATS)));
        }
        Instant now = tx.txTime();
        Map<String, Object> pending = new TreeMap<>();
        pending.put("lodgedAt", TxInfo.iso(now));
        pending.put("noticeEndsAt", TxInfo.iso(now.plusSeconds(ledger.noticePeriodSeconds())));
        pending.put("objected", false);
        return write(cur, u, TRANSFER_PENDING, tx, Map.of(PENDING_TRANSFER, pending));
    }

    public LedgerEntry objectToTransfer(TxInfo tx, Update u) {
        LedgerEntry cur = current(tx, u);
        Instant noticeEnds = noticeEndsAt(cur, u);
        if (!tx.txTime().isBefore(noticeEnds)) {
            throw ErrorCode.DEADLINE_PASSED.error("%s: the notice period ended at %s; objections are closed",
                    Ledger.describe(u.key()), TxInfo.iso(noticeEnds));
        }
        return write(cur, u, TRANSFER_OBJECTED, tx, nullPending());
    }

    public LedgerEntry finaliseTransfer(TxInfo tx, Update u) {
        LedgerEntry cur = current(tx, u);
        Instant noticeEnds = noticeEndsAt(cur, u);
        if (tx.txTime().isBefore(noticeEnds)) {
            throw ErrorCode.NOTICE_PERIOD_RUNNING.error("%s: the notice period runs until %s",
                    Ledger.describe(u.key()), TxInfo.iso(noticeEnds));
        }
        Map<String, Object> changed = nullPending();
        ParcelFacts facts = ParcelFacts.of(cur);
        if (facts != null) {
            changed.put(ParcelFacts.FIELD, facts.withoutOwners().toMap()); // new owners: their digest is recorded anew
        }
        return write(cur, u, encumbranceStatus(cur.list(OPEN_MORTGAGES), cur.list(OPEN_CAVEATS)), tx, changed);
    }

    /**
     * A court's verdict changes the owners the same day: no notice period (the court heard the
     * parties), and whatever transfer was pending is void. Mortgages and caveats stay with the land.
     * The order's SHA-256 is kept ({@code courtOrder}), so whoever holds the order can check it is the
     * one that was registered; the owners digest is cleared as after any change of owners.
     */
    public LedgerEntry transferByCourtOrder(TxInfo tx, Update u, String courtOrderSha256) {
        LedgerEntry cur = current(tx, u);
        Map<String, Object> changed = nullPending();
        Map<String, Object> order = new TreeMap<>();
        order.put("sha256", courtOrderSha256);
        order.put("registeredAt", TxInfo.iso(tx.txTime()));
        changed.put(COURT_ORDER, order);
        ParcelFacts facts = ParcelFacts.of(cur);
        if (facts != null) {
            changed.put(ParcelFacts.FIELD, facts.withoutOwners().toMap());
        }
        return write(cur, u, encumbranceStatus(cur.list(OPEN_MORTGAGES), cur.list(OPEN_CAVEATS)), tx, changed);
    }

    /**
     * Records (or corrects) the parcel's facts on a live title: one registered without them, a new
     * owners digest after a transfer, a resurveyed area or boundary. The status stays. Wetland stays
     * wetland ({@code WETLAND_CONVERSION}): the ledger would otherwise let a clerk convert chhuzhing
     * by one correction and one subdivision.
     */
    public LedgerEntry recordParcelFacts(TxInfo tx, Update u, ParcelFacts facts) {
        LedgerEntry cur = current(tx, u);
        ParcelFacts before = ParcelFacts.of(cur);
        if (before != null && before.isWetland() && !facts.isWetland()) {
            throw ErrorCode.WETLAND_CONVERSION.error("%s is wetland (chhuzhing); it may not be recorded as %s",
                    Ledger.describe(u.key()), facts.landType());
        }
        return write(cur, u, cur.status(), tx, Map.of(ParcelFacts.FIELD, facts.toMap()));
    }

    public LedgerEntry registerMortgage(TxInfo tx, Update u, String mortgageRef) {
        return open(tx, u, OPEN_MORTGAGES, "mortgage", mortgageRef);
    }

    public LedgerEntry dischargeMortgage(TxInfo tx, Update u, String mortgageRef) {
        return close(tx, u, OPEN_MORTGAGES, "mortgage", mortgageRef);
    }

    public LedgerEntry lodgeCaveat(TxInfo tx, Update u, String caveatRef) {
        return open(tx, u, OPEN_CAVEATS, "caveat", caveatRef);
    }

    public LedgerEntry releaseCaveat(TxInfo tx, Update u, String caveatRef) {
        return close(tx, u, OPEN_CAVEATS, "caveat", caveatRef);
    }

    // ----------------------------------------------------------------

    private LedgerEntry open(TxInfo tx, Update u, String field, String what, String ref) {
        LedgerEntry cur = current(tx, u);
        if (cur.object(PENDING_TRANSFER) != null) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s: no %s may be registered while a transfer is pending",
                    Ledger.describe(u.key()), what);
        }
        List<String> refs = new ArrayList<>(cur.list(field));
        if (refs.contains(ref)) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s: %s %s is already open", Ledger.describe(u.key()), what, ref);
        }
        refs.add(ref);
        return writeEncumbrances(cur, u, tx, field, refs);
    }

    private LedgerEntry close(TxInfo tx, Update u, String field, String what, String ref) {
        LedgerEntry cur = current(tx, u);
        List<String> refs = new ArrayList<>(cur.list(field));
        if (!refs.remove(ref)) {
            throw ErrorCode.NOT_FOUND.error("%s has no open %s %s", Ledger.describe(u.key()), what, ref);
        }
        return writeEncumbrances(cur, u, tx, field, refs);
    }

    private LedgerEntry writeEncumbrances(LedgerEntry cur, Update u, TxInfo tx, String field, List<String> refs) {
        List<String> mortgages = field.equals(OPEN_MORTGAGES) ? refs : cur.list(OPEN_MORTGAGES);
        List<String> caveats = field.equals(OPEN_CAVEATS) ? refs : cur.list(OPEN_CAVEATS);
        return write(cur, u, encumbranceStatus(mortgages, caveats), tx, Map.of(field, List.copyOf(refs)));
    }

    static String encumbranceStatus(List<String> mortgages, List<String> caveats) {
        return mortgages.isEmpty() && caveats.isEmpty() ? REGISTERED : ENCUMBERED;
    }

    private static Instant noticeEndsAt(LedgerEntry cur, Update u) {
        Map<String, Object> pending = cur.object(PENDING_TRANSFER);
        if (pending == null) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s has no pending transfer (status %s)",
                    Ledger.describe(u.key()), cur.status());
        }
        return Instant.parse(String.valueOf(pending.get("noticeEndsAt")));
    }

    private static Map<String, Object> nullPending() {
        Map<String, Object> m = new HashMap<>();
        m.put(PENDING_TRANSFER, null);
        return m;
    }

    private LedgerEntry write(LedgerEntry cur, Update u, String status, TxInfo tx, Map<String, Object> changed) {
        LedgerEntry next = cur.next(u.version(), u.hash(), status, tx, changed);
        ledger.update(next, Register.LAND);
        return next;
    }
}
