package bt.druk.registry.chaincode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import bt.druk.registry.chaincode.LineageArgs.Adjusted;
import bt.druk.registry.chaincode.LineageArgs.NewParcel;

/**
 * Subdivision, merger and boundary adjustment of land parcels, each one transaction, with the
 * lineage both ways on the ledger: a parcel retired into others names them ({@code wentInto}), a
 * parcel made from others names them ({@code cameFrom}) in every version.
 * <p>
 * The rules hold on the facts the ledger keeps ({@link ParcelFacts}), not on the portal's word:
 * <ul>
 * <li>only live parcels of the caller's office, with no open caveat and no pending transfer;</li>
 * <li>the areas after add up to the areas before within {@link #AREA_TOLERANCE} (exact decimal arithmetic);</li>
 * <li>no parcel made smaller than the minimum plot size (an endorser's setting), unless it is no
 * smaller than the one it came from (so a merger of small legacy plots is never refused);</li>
 * <li>every open mortgage goes with the land it burdens: each parcel made from a mortgaged one lists it;</li>
 * <li>wetland (chhuzhing) stays wetland;</li>
 * <li>ownership does not change on the way: the owners digest of every parcel made or adjusted is
 * its parent's, and parcels merged have one owners digest. A part sold is subdivided first and
 * transferred after, through the notice period.</li>
 * </ul>
 * A boundary adjustment keeps both titles (new versions of both): their PINs, mortgages and
 * history stay, only the areas and boundaries move, and each names the other ({@code boundaryAdjustedWith}).
 */
public final class ParcelLineageRules {
    /** The titles a retired parcel went into (retired version onwards). */
    static final String WENT_INTO = "wentInto";
    /** The titles a parcel was made from (every version). */
    static final String CAME_FROM = "cameFrom";
    /** {@code {"key":"<the other parcel>","txId":"<the adjustment's>"}}: the parcel's last boundary adjustment. */
    static final String BOUNDARY_ADJUSTED_WITH = "boundaryAdjustedWith";
    /**
     * How far the areas after may be from the areas before, as a fraction of the areas before: 0.5 %.
     * A resurvey of the parts rarely sums to the old figure to the hundredth of a decimal; 0.5 % of a
     * 10-decimal plot is 0.05 decimals (about 2 m²), of a 5-acre field 2.5 decimals.
     */
    public static final BigDecimal AREA_TOLERANCE = new BigDecimal("0.005");

    private final Ledger ledger;
    private final LandTitleRules titles;
    private final BigDecimal minimumPlotDecimals;

    /** @param minimumPlotDecimals this endorser's minimum plot size in decimals ({@code DRUK_CHAINCODE_MIN_PLOT_DECIMALS}) */
    public ParcelLineageRules(Ledger ledger, long minimumPlotDecimals) {
        this.ledger = ledger;
        this.titles = new LandTitleRules(ledger);
        this.minimumPlotDecimals = BigDecimal.valueOf(minimumPlotDecimals);
    }

    /** Retires {@code parent} into {@code children}, created in the order given. Returns what was written, parent first. */
    public List<LedgerEntry> subdivide(TxInfo tx, Update parent, List<NewParcel> children) {
        LedgerEntry cur = titles.current(tx, parent);
        requireDealable(cur, "subdivided");
        ParcelFacts facts = requireFacts(cur);
        BigDecimal total = BigDecimal.ZERO;
        for (NewParcel child : children) {
            if (child.key().equals(parent.key())) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s cannot be its own child: a subdivision makes new titles", Ledger.describe(child.key()));
            }
            requireNew(child);
            requireSameOwners(cur.key(), facts, child);
            requireWetlandKept(cur.key(), facts, child);
            requireMinimum(child.key(), child.facts().areaDecimals(), facts.areaDecimals());
            total = total.add(child.facts().areaDecimals());
        }
        Map<String, String> mortgages = openMortgages(List.of(cur));
        children.forEach(child -> requireCarried(mortgages, child));
        requireAreas(facts.areaDecimals(), total, "the children of " + Ledger.describe(cur.key()), "its area");

        List<LedgerEntry> written = new ArrayList<>();
        written.add(retire(cur, parent, tx, children.stream().map(NewParcel::key).toList()));
        for (NewParcel child : children) {
            written.add(create(tx, child, cur.office(), cur.text(LandTitleRules.DZONGKHAG), List.copyOf(mortgages.keySet()),
                    List.of(cur.key())));
        }
        return written;
    }

    /** Retires every parent into {@code child}. Returns what was written: the parents in the order given, then the child. */
    public List<LedgerEntry> merge(TxInfo tx, List<Update> parents, NewParcel child) {
        List<LedgerEntry> curs = new ArrayList<>();
        for (Update u : parents) {
            LedgerEntry cur = titles.current(tx, u);
            requireDealable(cur, "merged");
            requireFacts(cur);
            curs.add(cur);
        }
        LedgerEntry first = curs.get(0);
        ParcelFacts firstFacts = ParcelFacts.of(first);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        for (LedgerEntry cur : curs) {
            if (!Objects.equals(first.text(LandTitleRules.DZONGKHAG), cur.text(LandTitleRules.DZONGKHAG))) {
                throw ErrorCode.DZONGKHAG_DIFFERS.error("%s is in %s dzongkhag, %s in %s: parcels of different dzongkhags are not merged",
                        Ledger.describe(first.key()), dzongkhag(first), Ledger.describe(cur.key()), dzongkhag(cur));
            }
            ParcelFacts facts = ParcelFacts.of(cur);
            if (!firstFacts.ownersDigest().equals(facts.ownersDigest())) {
                throw ErrorCode.OWNERS_DIFFER.error("%s and %s have different owners: only parcels of the same owners, with the same"
                        + " shares, are merged (transfer one first)", Ledger.describe(first.key()), Ledger.describe(cur.key()));
            }
            if (cur.key().equals(child.key())) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s cannot be merged into itself: a merger makes a new title", Ledger.describe(child.key()));
            }
            total = total.add(facts.areaDecimals());
            largest = largest.max(facts.areaDecimals());
        }
        requireNew(child);
        for (LedgerEntry cur : curs) {
            requireSameOwners(cur.key(), ParcelFacts.of(cur), child);
            requireWetlandKept(cur.key(), ParcelFacts.of(cur), child);
        }
        requireMinimum(child.key(), child.facts().areaDecimals(), largest);
        Map<String, String> mortgages = openMortgages(curs);
        requireCarried(mortgages, child);
        requireAreas(total, child.facts().areaDecimals(), Ledger.describe(child.key()), "the parcels merged");

        List<LedgerEntry> written = new ArrayList<>();
        for (int i = 0; i < curs.size(); i++) {
            written.add(retire(curs.get(i), parents.get(i), tx, List.of(child.key())));
        }
        written.add(create(tx, child, first.office(), first.text(LandTitleRules.DZONGKHAG), List.copyOf(mortgages.keySet()),
                curs.stream().map(LedgerEntry::key).toList()));
        return written;
    }

    /**
     * Moves the boundary between two live parcels: a new version of each with its new facts; areas,
     * boundaries (and nothing else of the facts) change. Returns both new entries in the order given.
     */
    public List<LedgerEntry> adjustBoundary(TxInfo tx, List<Adjusted> parcels) {
        List<LedgerEntry> curs = new ArrayList<>();
        for (Adjusted a : parcels) {
            LedgerEntry cur = titles.current(tx, a.update());
            requireDealable(cur, "adjusted");
            requireFacts(cur);
            curs.add(cur);
        }
        LedgerEntry one = curs.get(0);
        LedgerEntry other = curs.get(1);
        if (!Objects.equals(one.text(LandTitleRules.DZONGKHAG), other.text(LandTitleRules.DZONGKHAG))) {
            throw ErrorCode.DZONGKHAG_DIFFERS.error("%s is in %s dzongkhag, %s in %s: a boundary is adjusted between parcels of one"
                    + " dzongkhag", Ledger.describe(one.key()), dzongkhag(one), Ledger.describe(other.key()), dzongkhag(other));
        }
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        for (int i = 0; i < 2; i++) {
            LedgerEntry cur = curs.get(i);
            ParcelFacts was = ParcelFacts.of(cur);
            ParcelFacts is = parcels.get(i).facts();
            if (!was.ownersDigest().equals(is.ownersDigest())) {
                throw ErrorCode.OWNERS_DIFFER.error("%s: a boundary adjustment does not change who owns a parcel (its owners digest"
                        + " changed); transfer separately", Ledger.describe(cur.key()));
            }
            if (was.isWetland() && !is.isWetland()) {
                throw ErrorCode.WETLAND_CONVERSION.error("%s is wetland (chhuzhing); it may not become %s", Ledger.describe(cur.key()),
                        is.landType());
            }
            if (!was.landType().equals(is.landType())) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s is %s: a boundary adjustment keeps each parcel's land type",
                        Ledger.describe(cur.key()), was.landType());
            }
            requireMinimum(cur.key(), is.areaDecimals(), was.areaDecimals());
            before = before.add(was.areaDecimals());
            after = after.add(is.areaDecimals());
        }
        for (int i = 0; i < 2; i++) {
            ParcelFacts was = ParcelFacts.of(curs.get(i));
            ParcelFacts is = parcels.get(i).facts();
            ParcelFacts otherWas = ParcelFacts.of(curs.get(1 - i));
            if (was.isWetland() && !otherWas.isWetland() && is.areaDecimals().compareTo(was.areaDecimals()) < 0) {
                throw ErrorCode.WETLAND_CONVERSION.error("%s is wetland (chhuzhing) and would lose %s decimals to %s, which is %s:"
                        + " wetland does not become land of another type", Ledger.describe(curs.get(i).key()),
                        ParcelFacts.plain(was.areaDecimals().subtract(is.areaDecimals())), Ledger.describe(curs.get(1 - i).key()),
                        otherWas.landType());
            }
        }
        requireAreas(before, after, Ledger.describe(one.key()) + " and " + Ledger.describe(other.key()) + " after the adjustment",
                "before");

        List<LedgerEntry> written = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LedgerEntry cur = curs.get(i);
            Update u = parcels.get(i).update();
            Map<String, Object> adjustedWith = new TreeMap<>();
            adjustedWith.put("key", curs.get(1 - i).key());
            adjustedWith.put("txId", tx.txId());
            Map<String, Object> changed = new HashMap<>();
            changed.put(ParcelFacts.FIELD, parcels.get(i).facts().toMap());
            changed.put(BOUNDARY_ADJUSTED_WITH, adjustedWith);
            LedgerEntry next = cur.next(u.version(), u.hash(), cur.status(), tx, changed);
            ledger.update(next, Register.LAND);
            written.add(next);
        }
        return written;
    }

    // ----------------------------------------------------------------

    /** No open caveat (a caveat freezes dealings with the land) and no pending transfer (the buyer's parcel would change under them). */
    private static void requireDealable(LedgerEntry cur, String what) {
        Map<String, Object> pending = cur.object(LandTitleRules.PENDING_TRANSFER);
        if (pending != null) {
            throw ErrorCode.ENCUMBERED.error("%s: a transfer lodged at %s is pending; the parcel is not %s until it is finalised or"
                    + " objected to", Ledger.describe(cur.key()), pending.get("lodgedAt"), what);
        }
        if (!cur.list(LandTitleRules.OPEN_CAVEATS).isEmpty()) {
            throw ErrorCode.ENCUMBERED.error("%s has open caveat(s) %s; the parcel is not %s while a caveat is open",
                    Ledger.describe(cur.key()), String.join(", ", cur.list(LandTitleRules.OPEN_CAVEATS)), what);
        }
    }

    /** The parcel's facts with a known owners digest: what the rules are checked against. */
    private static ParcelFacts requireFacts(LedgerEntry cur) {
        ParcelFacts facts = ParcelFacts.of(cur);
        if (facts == null) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s has no parcel facts on the ledger (area, land type, owners digest);"
                    + " record them with RecordParcelFacts first", Ledger.describe(cur.key()));
        }
        if (facts.ownersDigest() == null) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s changed owners by a transfer and its new owners digest is not recorded;"
                    + " record it with RecordParcelFacts first", Ledger.describe(cur.key()));
        }
        return facts;
    }

    private void requireNew(NewParcel child) {
        ledger.find(child.key()).ifPresent(existing -> {
            throw ErrorCode.ALREADY_EXISTS.error("%s already exists (version %d, %s): a parcel is made under a new key",
                    Ledger.describe(child.key()), existing.version(), existing.status());
        });
    }

    private static void requireSameOwners(String parentKey, ParcelFacts parent, NewParcel child) {
        if (!parent.ownersDigest().equals(child.facts().ownersDigest())) {
            throw ErrorCode.OWNERS_DIFFER.error("%s would have other owners than %s: a parcel made from another keeps its owners"
                    + " (transfer it afterwards, through the notice period)", Ledger.describe(child.key()), Ledger.describe(parentKey));
        }
    }

    private static void requireWetlandKept(String parentKey, ParcelFacts parent, NewParcel child) {
        if (parent.isWetland() && !child.facts().isWetland()) {
            throw ErrorCode.WETLAND_CONVERSION.error("%s is wetland (chhuzhing); %s made from it may not be %s",
                    Ledger.describe(parentKey), Ledger.describe(child.key()), child.facts().landType());
        }
    }

    /** Below the minimum plot size only if no smaller than the parcel it comes from (a legacy small plot stays as it was). */
    private void requireMinimum(String key, BigDecimal area, BigDecimal cameFrom) {
        if (area.compareTo(minimumPlotDecimals) < 0 && area.compareTo(cameFrom) < 0) {
            throw ErrorCode.PLOT_TOO_SMALL.error("%s would have %s decimals, below the minimum plot size of %s decimals",
                    Ledger.describe(key), ParcelFacts.plain(area), ParcelFacts.plain(minimumPlotDecimals));
        }
    }

    /** The open mortgages of {@code parents}, in their order, each with the (first) parcel it is on. */
    private static Map<String, String> openMortgages(List<LedgerEntry> parents) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (LedgerEntry p : parents) {
            for (String ref : p.list(LandTitleRules.OPEN_MORTGAGES)) {
                refs.putIfAbsent(ref, p.key());
            }
        }
        return refs;
    }

    /** The child lists exactly the parents' open mortgages: none left behind, none invented. */
    private static void requireCarried(Map<String, String> mortgages, NewParcel child) {
        for (Map.Entry<String, String> m : mortgages.entrySet()) {
            if (!child.openMortgages().contains(m.getKey())) {
                throw ErrorCode.MORTGAGE_NOT_CARRIED.error("mortgage %s of %s is not carried to %s: every parcel made from mortgaged"
                        + " land stays under its open mortgages (discharge it first, or list it)", m.getKey(),
                        Ledger.describe(m.getValue()), Ledger.describe(child.key()));
            }
        }
        for (String ref : child.openMortgages()) {
            if (!mortgages.containsKey(ref)) {
                throw ErrorCode.NOT_FOUND.error("%s lists mortgage %s, which is not open on the parcel(s) it is made from;"
                        + " a new mortgage is registered with RegisterMortgage", Ledger.describe(child.key()), ref);
            }
        }
    }

    /** {@code |after - before| <= before x 0.5 %}, exactly. */
    private static void requireAreas(BigDecimal before, BigDecimal after, String afterWhat, String beforeWhat) {
        BigDecimal allowed = before.multiply(AREA_TOLERANCE);
        if (after.subtract(before).abs().compareTo(allowed) > 0) {
            throw ErrorCode.AREA_MISMATCH.error("%s add up to %s decimals, %s is %s decimals: they may differ by at most 0.5%% (%s decimals)",
                    afterWhat, ParcelFacts.plain(after), beforeWhat, ParcelFacts.plain(before), ParcelFacts.plain(allowed));
        }
    }

    private LedgerEntry retire(LedgerEntry cur, Update u, TxInfo tx, List<String> wentInto) {
        Map<String, Object> changed = new HashMap<>();
        changed.put(WENT_INTO, wentInto);
        changed.put(LandTitleRules.OPEN_MORTGAGES, List.of()); // carried to wentInto
        LedgerEntry next = cur.next(u.version(), u.hash(), LandTitleRules.RETIRED, tx, changed);
        ledger.update(next, Register.LAND);
        return next;
    }

    private LedgerEntry create(TxInfo tx, NewParcel child, String office, String dzongkhag, List<String> mortgages,
            List<String> cameFrom) {
        Map<String, Object> fields = new HashMap<>();
        if (dzongkhag != null) {
            fields.put(LandTitleRules.DZONGKHAG, dzongkhag);
        }
        fields.put(LandTitleRules.OPEN_MORTGAGES, mortgages);
        fields.put(LandTitleRules.OPEN_CAVEATS, List.of());
        fields.put(LandTitleRules.PENDING_TRANSFER, null);
        fields.put(ParcelFacts.FIELD, child.facts().toMap());
        fields.put(CAME_FROM, cameFrom);
        LedgerEntry entry = LedgerEntry.first(Kind.LAND_TITLE, child.key(), child.hash(),
                LandTitleRules.encumbranceStatus(mortgages, List.of()), office, tx, fields);
        ledger.create(entry, Register.LAND);
        return entry;
    }

    private static String dzongkhag(LedgerEntry e) {
        String d = e.text(LandTitleRules.DZONGKHAG);
        return d == null ? "an unrecorded" : d;
    }
}
