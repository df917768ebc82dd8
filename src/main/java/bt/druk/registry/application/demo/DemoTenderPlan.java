package bt.druk.registry.application.demo;

import bt.druk.registry.application.demo.DemoTender.DemoBid;
import bt.druk.registry.application.demo.DemoTender.Outcome;
import bt.druk.registry.domain.procurement.Bidder;
import bt.druk.registry.domain.procurement.BidPrice;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The procurement demo content: six tenders of Bhutanese agencies, published by the demo
 * procurement clerk (the same user name as its Fabric identity) and taken to every state a visitor
 * should see: open for bids with sealed commitments, amended, cancelled, bids opened with two of
 * three revealed, awarded to the lowest revealed price, and complete. Every business is invented;
 * one registered name is written in Dzongkha and Latin.
 *
 * <p>Tenders that the demo takes past their deadline get {@link #SHORT_BID_PERIOD}: the minimum
 * bidding period of the office's policy is for real tenders, and a newcomer should see an opened
 * and an awarded tender within minutes of the first start.
 */
public record DemoTenderPlan(List<DemoTender> tenders) {

    public static final StaffMember PROCUREMENT_CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");

    /** Long enough for the demo's three commitments to reach the ledger; short enough to watch. */
    public static final Duration SHORT_BID_PERIOD = Duration.ofSeconds(50);

    static final Bidder KUNLEG = new Bidder("1003417", "ཀུན་ལེགས་ Construction");
    static final Bidder TSHENDEN = new Bidder("1005820", "Druk Tshenden Builders Pvt. Ltd.");
    static final Bidder RIGSUM = new Bidder("1001296", "Rigsum Infra Works");
    static final Bidder NORBU_MEDICAL = new Bidder("2004411", "Norbu Medical Supplies");
    static final Bidder MENJONG_PHARMA = new Bidder("2007152", "Menjong Pharma Distributors");
    static final Bidder CLEAN_CITY = new Bidder("3002210", "Clean City Waste Services");
    static final Bidder THIMPHU_GREEN = new Bidder("3004587", "Thimphu Green Services");
    static final Bidder JIGME_ENVIRONMENTAL = new Bidder("3001938", "Jigme Environmental Works");
    static final Bidder BUMTHANG_WOOD = new Bidder("4003305", "Bumthang Wood Craft");
    static final Bidder TASHI_FURNITURE = new Bidder("4001172", "Tashi Furniture House");
    static final Bidder WANGCHU_BRIDGES = new Bidder("1006614", "Wangchu Bridges & Steel");
    static final Bidder GEOMAP = new Bidder("5000873", "Yangchen GeoMap Consultancy");

    public DemoTenderPlan {
        tenders = List.copyOf(tenders);
        if (tenders.stream().map(DemoTender::ref).distinct().count() != tenders.size()) {
            throw new IllegalArgumentException("tender references must be unique");
        }
    }

    public static DemoTenderPlan standard() {
        return new DemoTenderPlan(List.of(
                new DemoTender("MOH-medicines", PROCUREMENT_CLERK, "MOH",
                        "Supply of essential medicines and consumables for district hospitals, 2027",
                        "Annual supply, delivered to the Medical Supplies Depot at Phuentsholing, of medicines on the"
                                + " National Essential Medicines List and surgical consumables for the district hospitals.",
                        ProcurementMethod.OPEN, MainCategory.GOODS, nu("18450000.00"),
                        List.of(item("Paracetamol 500 mg tablets, strip of 10", "120000", "strip"),
                                item("Amoxicillin 500 mg capsules, strip of 10", "60000", "strip"),
                                item("Surgical gloves, sterile, size 7, box of 50 pairs", "4000", "box"),
                                item("IV cannula 20G", "15000", "piece")),
                        Duration.ofDays(28),
                        List.of(bid(NORBU_MEDICAL, "17870250.00", false, false),
                                bid(MENJONG_PHARMA, "18102000.00", true, false)),
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
                        List.of(bid(GEOMAP, "6950000.00", false, false)),
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
                        List.of(bid(WANGCHU_BRIDGES, "11240000.00", true, false)),
                        Outcome.CANCELLED,
                        "The crossing is included in the Wang Chhu flood-protection works of the Thimphu Structure"
                                + " Plan and will be tendered with them."),
                new DemoTender("TT-waste-collection", PROCUREMENT_CLERK, "TT",
                        "Collection and transport of municipal solid waste, Thimphu core area, 2027",
                        "Door-to-door collection of segregated waste in zones 1 to 4 and transport to the Memelakha"
                                + " landfill, twelve months.",
                        ProcurementMethod.OPEN, MainCategory.SERVICES, nu("9600000.00"),
                        List.of(item("Door-to-door collection, zones 1 to 4", "12", "month"),
                                item("Transport to the Memelakha landfill", "12", "month")),
                        SHORT_BID_PERIOD,
                        List.of(bid(CLEAN_CITY, "9485000.00", false, true),
                                bid(THIMPHU_GREEN, "9120000.00", true, true),
                                bid(JIGME_ENVIRONMENTAL, "9900000.00", false, false)),
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
                        List.of(bid(KUNLEG, "46980500.00", false, true),
                                bid(TSHENDEN, "49215000.00", true, true),
                                bid(RIGSUM, "51400750.00", false, true)),
                        Outcome.AWARDED, null),
                new DemoTender("MOESD-school-furniture", PROCUREMENT_CLERK, "MOESD",
                        "School furniture for the central schools of Trashigang and Samdrup Jongkhar",
                        "Pinewood desks and benches, teachers' tables and steel book racks, delivered to the schools.",
                        ProcurementMethod.OPEN, MainCategory.GOODS, nu("6240000.00"),
                        List.of(item("Two-seater desk with bench, pinewood", "1200", "set"),
                                item("Teacher's table and chair", "80", "set"),
                                item("Steel book rack, five shelves", "60", "piece")),
                        SHORT_BID_PERIOD,
                        List.of(bid(BUMTHANG_WOOD, "5986400.00", false, true),
                                bid(TASHI_FURNITURE, "6105000.00", true, true)),
                        Outcome.COMPLETE, null)));
    }

    private static DemoBid bid(Bidder bidder, String price, boolean atCounter, boolean revealed) {
        return new DemoBid(bidder, BidPrice.parse(price, "price"), atCounter, revealed);
    }

    private static TenderItem item(String description, String quantity, String unit) {
        return new TenderItem(description, new BigDecimal(quantity), unit);
    }

    private static BigDecimal nu(String amount) {
        return new BigDecimal(amount);
    }
}
