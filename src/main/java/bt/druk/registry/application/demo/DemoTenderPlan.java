package bt.druk.registry.application.demo;

import bt.druk.registry.application.demo.DemoTender.DemoBid;
import bt.druk.registry.application.demo.DemoTender.Outcome;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The procurement demo content: six tenders of Bhutanese agencies, published by the demo
 * procurement clerk (the same user name as its Fabric identity), each sealed to three opening key
 * holders of three organisations, any two of whom open its bids, and taken to every state a visitor
 * should see: open for bids with sealed bids lodged (nothing readable), amended, cancelled with its
 * bids never opened, every bid opened with one of them invalid and its reason, awarded to the lowest
 * valid price, and complete. The bids are the demo suppliers' ({@code DemoStaffSeeder}): a visitor
 * signed in as one sees them on its own pages. Every business is invented; one registered name is
 * written in Dzongkha and Latin.
 *
 * <p>The demo plays the holders with keys of its own ({@link DemoKeyHolders}): holder 1 is posted
 * for by the procurement clerk (the agency's organisation), holder 2 by the inspector (the Royal
 * Audit Authority), holder 3 by the notary clerk (Justice). Only {@link #POSTING} post their shares,
 * so the opening shows that an absent holder does not stop it, and that the agency's own holder is
 * not needed.
 *
 * <p>Tenders that the demo takes past their deadline get {@link #SHORT_BID_PERIOD}: the minimum
 * bidding period of the office's policy is for real tenders, and a newcomer should see an opened
 * and an awarded tender within minutes of the first start.
 */
public record DemoTenderPlan(List<DemoTender> tenders) {

    public static final StaffMember PROCUREMENT_CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");
    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    static final StaffMember NOTARY_CLERK = StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU");

    /** Who signs each demo holder's shares, holder 1 first: the demo staff of three organisations. */
    public static final List<StaffMember> HOLDERS = List.of(PROCUREMENT_CLERK, INSPECTOR, NOTARY_CLERK);
    /** Holders needed to open: 2 of 3, the portal's default. */
    public static final int THRESHOLD = TenderOpening.DEFAULT_THRESHOLD;
    /** The holders (by index) whose shares the demo posts after the deadline: the Audit Authority's and Justice's. */
    public static final List<Integer> POSTING = List.of(2, 3);

    /** Long enough for the demo's three sealed bids to reach the ledger; short enough to watch. */
    public static final Duration SHORT_BID_PERIOD = Duration.ofSeconds(50);

    /** The demo suppliers' user names (seeded with the demo staff). */
    static final String DRUK = "supplier.druk";
    static final String YANGPHEL = "supplier.yangphel";
    static final String KUNLEG = "supplier.kunleg";

    public DemoTenderPlan {
        tenders = List.copyOf(tenders);
        if (tenders.stream().map(DemoTender::ref).distinct().count() != tenders.size()) {
            throw new IllegalArgumentException("tender references must be unique");
        }
    }

    public static DemoTenderPlan standard() {
        return new DemoTenderPlan(List.of(
                new DemoTender("MOH-gelephu-staff-quarters", PROCUREMENT_CLERK, "MOH",
                        "Construction of staff quarters at the Central Regional Referral Hospital, Gelephu",
                        "Two three-storey RCC blocks of twelve flats each for nurses and doctors, with water supply,"
                                + " sanitation, electrical works and a retaining wall, on the hospital campus.",
                        ProcurementMethod.OPEN, MainCategory.WORKS, nu("38600000.00"),
                        List.of(item("RCC frame structure, two blocks", "2", "block"),
                                item("Water supply, sanitation and electrical works", "24", "flat"),
                                item("Random rubble masonry retaining wall", "140", "m")),
                        Duration.ofDays(28),
                        List.of(bid(DRUK, "37950000.00"), bid(YANGPHEL, "38210500.00")),
                        Outcome.OPEN, null),
                new DemoTender("NLCS-cadastral-survey", PROCUREMENT_CLERK, "NLCS",
                        "Consultancy for the cadastral resurvey of Haa and Paro dzongkhags",
                        "Resurvey of registered plots with GNSS and total station, updating the cadastral maps and the"
                                + " thram records of eleven gewogs.",
                        ProcurementMethod.SELECTIVE, MainCategory.SERVICES, nu("7300000.00"),
                        List.of(item("Field resurvey, Haa dzongkhag (6 gewogs)", "1", "lot"),
                                item("Field resurvey, Paro dzongkhag (5 gewogs)", "1", "lot"),
                                item("Updated cadastral maps and survey reports", "11", "gewog")),
                        Duration.ofDays(21),
                        List.of(),
                        Outcome.AMENDED,
                        "Bid deadline extended by two weeks at the request of bidders after the pre-bid meeting;"
                                + " the scope is unchanged."),
                new DemoTender("DES-lungtenphu-footbridge", PROCUREMENT_CLERK, "DES",
                        "Construction of a suspension footbridge over the Wang Chhu at Lungtenphu",
                        "A 64 m pedestrian suspension bridge with RCC towers and anchor blocks, Thimphu.",
                        ProcurementMethod.OPEN, MainCategory.WORKS, nu("11800000.00"),
                        List.of(item("RCC towers and anchor blocks", "2", "set"),
                                item("Steel wire rope suspension and deck, 64 m span", "64", "m")),
                        Duration.ofDays(21),
                        List.of(bid(YANGPHEL, "11240000.00")),
                        Outcome.CANCELLED,
                        "The crossing is included in the Wang Chhu flood-protection works of the Thimphu Structure"
                                + " Plan and will be tendered with them."),
                new DemoTender("TT-norzin-lam-drains", PROCUREMENT_CLERK, "TT",
                        "Covered storm-water drains along Norzin Lam, Thimphu core area",
                        "Replacing the open drains on both sides of Norzin Lam with covered RCC drains and new"
                                + " footpath slabs, in four stretches so that the street stays open.",
                        ProcurementMethod.OPEN, MainCategory.WORKS, nu("9600000.00"),
                        List.of(item("RCC drain 600 x 600 mm with cover slabs", "1450", "m"),
                                item("Footpath slabs relaid", "2900", "m²")),
                        SHORT_BID_PERIOD,
                        // Yangphel's price has no decimals: its bid opens but is invalid (malformed), with the reason.
                        List.of(bid(DRUK, "9485000.00"), bid(YANGPHEL, "9120000"), bid(KUNLEG, "9900000.00")),
                        Outcome.OPENED, null),
                new DemoTender("DES-dochula-resurfacing", PROCUREMENT_CLERK, "DES",
                        "Resurfacing of the Thimphu–Wangdue highway, km 18 to 31 (Dochula section)",
                        "Milling, dense bituminous macadam and bituminous concrete wearing course, with side drains,"
                                + " on the Primary National Highway over Dochula.",
                        ProcurementMethod.OPEN, MainCategory.WORKS, nu("48750000.00"),
                        List.of(item("Dense bituminous macadam, 50 mm", "26000", "m²"),
                                item("Bituminous concrete wearing course, 40 mm", "26000", "m²"),
                                item("Stone masonry side drain", "3200", "m")),
                        SHORT_BID_PERIOD,
                        List.of(bid(KUNLEG, "46980500.00"), bid(DRUK, "49215000.00"), bid(YANGPHEL, "51400750.00")),
                        Outcome.AWARDED, null),
                new DemoTender("MOESD-school-toilets", PROCUREMENT_CLERK, "MOESD",
                        "Toilet blocks for the central schools of Trashigang and Samdrup Jongkhar",
                        "Two toilet blocks per school with septic tanks and soak pits, and hand-washing stations.",
                        ProcurementMethod.OPEN, MainCategory.WORKS, nu("6240000.00"),
                        List.of(item("Toilet block, load-bearing masonry, 8 cubicles", "4", "block"),
                                item("Septic tank and soak pit", "4", "set"),
                                item("Hand-washing station, 6 taps", "8", "piece")),
                        SHORT_BID_PERIOD,
                        List.of(bid(DRUK, "5986400.00"), bid(YANGPHEL, "6105000.00")),
                        Outcome.COMPLETE, null)));
    }

    private static DemoBid bid(String supplier, String price) {
        return new DemoBid(supplier, price);
    }

    private static TenderItem item(String description, String quantity, String unit) {
        return new TenderItem(description, new BigDecimal(quantity), unit);
    }

    private static BigDecimal nu(String amount) {
        return new BigDecimal(amount);
    }
}
