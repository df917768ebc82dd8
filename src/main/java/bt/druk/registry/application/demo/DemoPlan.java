package bt.druk.registry.application.demo;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.SubdivideCommand;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The demo content: 24 parcels in 11 dzongkhags, registered by the demo land clerks (the same user
 * names as their Fabric identities: land.clerk of the Thimphu office, land.clerk2 of the Paro office),
 * several with a history: a mortgage and its discharge, a caveat and its release, an open caveat
 * and mortgage, a transfer pending through its notice period, a transfer objected to, transfers
 * finalised once the notice period is over, an inheritance divided into three plots and two
 * neighbouring plots of one owner merged. The parcels of Thimphu, Punakha and Paro have surveyed
 * boundaries in their dzongkhag's DRUKREF 03 TM zone, invented but where those gewogs are. Every
 * person is invented; some names are written in Dzongkha (Tibetan script) and Latin, as a thram may
 * hold them.
 */
public record DemoPlan(List<DemoParcel> parcels) {

    public static final StaffMember THIMPHU_CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");
    public static final StaffMember PARO_CLERK = StaffMember.clerk("land.clerk2", Register.LAND, "PARO");

    /** Thimphu, Punakha and Paro TM (EPSG:5305, 5301, 5299): the zones those dzongkhags' surveys use. */
    private static final String THIMPHU_TM = "EPSG:5305";
    private static final String PUNAKHA_TM = "EPSG:5301";
    private static final String PARO_TM = "EPSG:5299";

    public DemoPlan {
        parcels = List.copyOf(parcels);
    }

    /** The PINs of the parcels the plan's subdivisions and mergers create. */
    public List<String> createdPins() {
        return parcels.stream().flatMap(p -> p.history().stream()).flatMap(step -> step.createdPins().stream()).toList();
    }

    /** The plan {@code deploy/up.sh} loads. */
    public static DemoPlan standard() {
        return new DemoPlan(List.of(
                // Thimphu
                parcel(THIMPHU_CLERK, "KAW1-1042", "KAW-0412", "Thimphu", "Kawang", "0.13", LandType.HOUSE_PLOT,
                        List.of(owner("བཀྲ་ཤིས་རྡོ་རྗེ་ Tashi Dorji", "10101004127", "1")),
                        plot(THIMPHU_TM, 258300, 540600, 20, "0.13"),
                        new DemoStep.Mortgage("BOB/HL/2024/0147", "Bank of Bhutan Limited"),
                        new DemoStep.Discharge("BOB/HL/2024/0147")),
                parcel(THIMPHU_CLERK, "KAW1-1108", "KAW-0596", "Thimphu", "Kawang", "0.25", LandType.URBAN,
                        List.of(owner("Sonam Choden", "10101005961", "1/2"), owner("Ugyen Tshering", "10101005962", "1/2")),
                        plot(THIMPHU_TM, 258400, 540600, 25, "0.25"),
                        new DemoStep.Transfer(TransferType.SALE, List.of(owner("Phuntsho Wangdi", "11410002318", "1"))),
                        new DemoStep.Finalise()),
                parcel(THIMPHU_CLERK, "CHA2-0315", "CHA-0218", "Thimphu", "Chang", "0.5", LandType.DRY_LAND,
                        List.of(owner("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", "10103002184", "1")),
                        plot(THIMPHU_TM, 258900, 539200, 30, "0.5"),
                        new DemoStep.Transfer(TransferType.GIFT, List.of(
                                owner("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", "10103002184", "1/2"),
                                owner("Sangay Dema", "10103002191", "1/2")))),
                parcel(THIMPHU_CLERK, "MEW1-0877", "MEW-0331", "Thimphu", "Mewang", "1.2", LandType.WETLAND,
                        List.of(owner("Pema Dorji", "10105003315", "2/3"), owner("Dorji Wangmo", "10105003322", "1/3")),
                        plot(THIMPHU_TM, 254800, 537600, 60, "1.2"),
                        new DemoStep.Caveat("CAV/THI/2025/031", "Boundary dispute filed before the Thimphu Dzongkhag Court")),
                parcel(THIMPHU_CLERK, "GEN1-0229", "GEN-0107", "Thimphu", "Genyen", "2.35", LandType.DRY_LAND,
                        List.of(owner("Ngawang Tenzin", "10104001076", "1")), plot(THIMPHU_TM, 259600, 546200, 80, "2.35"),
                        new DemoStep.Mortgage("BDBL/AGR/2025/2210", "Bhutan Development Bank Limited")),
                // Yeshi Lhaden's land divided into three plots, one for each of her children to inherit: one ledger transaction.
                parcel(THIMPHU_CLERK, "SOE1-0061", "SOE-0024", "Thimphu", "Soe", "3", LandType.DRY_LAND,
                        List.of(owner("Yeshi Lhaden", "10107000241", "1")), plot(THIMPHU_TM, 247900, 548300, 90, "3"),
                        new DemoStep.Subdivide(List.of(
                                strip("SOE1-0062", "SOE-0025", THIMPHU_TM, 247900, 548300, 30, 90, "3"),
                                strip("SOE1-0063", "SOE-0026", THIMPHU_TM, 247930, 548300, 30, 90, "3"),
                                strip("SOE1-0064", "SOE-0027", THIMPHU_TM, 247960, 548300, 30, 90, "3")))),
                // Punakha
                parcel(THIMPHU_CLERK, "TLO1-0503", "TLO-0287", "Punakha", "Talo", "0.86", LandType.WETLAND,
                        List.of(owner("བསོད་ནམས་དབང་ཕྱུག་ Sonam Wangchuk", "11205002873", "1")),
                        plot(PUNAKHA_TM, 250900, 556100, 50, "0.86"),
                        new DemoStep.Transfer(TransferType.INHERITANCE, List.of(
                                owner("Tshering Lhamo", "11205002880", "1/2"), owner("Kuenga Tshering", "11205002881", "1/2"))),
                        new DemoStep.Objection("Karma Yangchen", "Co-heir: the estate has not yet been divided among the heirs")),
                parcel(THIMPHU_CLERK, "GUM1-1120", "GUM-0640", "Punakha", "Guma", "1.04", LandType.WETLAND,
                        List.of(owner("Chimi Dorji", "11203006402", "1")), plot(PUNAKHA_TM, 254100, 548900, 50, "1.04"),
                        new DemoStep.Caveat("CAV/PUN/2025/007", "Claim by a neighbour over the irrigation channel"),
                        new DemoStep.ReleaseCaveat("CAV/PUN/2025/007")),
                parcel(THIMPHU_CLERK, "KAB1-0288", "KAB-0153", "Punakha", "Kabisa", "0.5", LandType.ORCHARD,
                        List.of(owner("Deki Yangzom", "11202001533", "1/2"), owner("Kezang Choden", "11202001534", "1/2")),
                        plot(PUNAKHA_TM, 253100, 553600, 40, "0.5")),
                // Wangdue Phodrang
                parcel(THIMPHU_CLERK, "BJE1-0742", "BJE-0391", "Wangdue Phodrang", "Bjena", "1.8", LandType.DRY_LAND,
                        List.of(owner("Namgay Zam", "11302003917", "1"))),
                parcel(THIMPHU_CLERK, "PHO1-0156", "PHO-0072", "Wangdue Phodrang", "Phobji", "4.5", LandType.DRY_LAND,
                        List.of(owner("ཚེ་རིང་དབྱངས་འཛོམས་ Tshering Yangzom", "11310000728", "1"))),
                // Bumthang
                parcel(THIMPHU_CLERK, "CHH1-0934", "CHH-0455", "Bumthang", "Chhoekhor", "0.25", LandType.HOUSE_PLOT,
                        List.of(owner("Jigme Namgyel", "10201004551", "1")),
                        new DemoStep.Mortgage("NPPF/HL/2023/0458", "National Pension and Provident Fund"),
                        new DemoStep.Discharge("NPPF/HL/2023/0458")),
                parcel(THIMPHU_CLERK, "URA1-0418", "URA-0206", "Bumthang", "Ura", "2.1", LandType.DRY_LAND,
                        List.of(owner("Dechen Pelden", "10204002063", "1"))),
                // Trongsa, Mongar, Trashigang, Sarpang
                parcel(THIMPHU_CLERK, "DRA1-0207", "DRA-0119", "Trongsa", "Dragteng", "0.74", LandType.DRY_LAND,
                        List.of(owner("Tandin Wangchuk", "11801001190", "1"))),
                parcel(THIMPHU_CLERK, "MON1-0611", "MON-0348", "Mongar", "Mongar", "0.33", LandType.HOUSE_PLOT,
                        List.of(owner("Lhamo Pem", "10709003482", "1"))),
                parcel(THIMPHU_CLERK, "KAN1-0389", "KAN-0211", "Trashigang", "Kanglung", "1.5", LandType.DRY_LAND,
                        List.of(owner("པདྨ་ཆོས་སྒྲོན་ Pema Choden", "11703002117", "1/2"),
                                owner("Sherab Gyeltshen", "11703002118", "1/2"))),
                parcel(THIMPHU_CLERK, "GEL1-1377", "GEL-0702", "Sarpang", "Gelephu", "0.2", LandType.URBAN,
                        List.of(owner("Dil Maya Rai", "11505007021", "1/2"), owner("Krishna Bahadur Rai", "11505007022", "1/2"))),
                // Paro, Haa, Chhukha: kept by the Paro office
                parcel(PARO_CLERK, "LAM1-0852", "LAM-0427", "Paro", "Lamgong", "0.95", LandType.WETLAND,
                        List.of(owner("Tshering Dema", "10605004271", "1")), plot(PARO_TM, 254800, 534100, 50, "0.95"),
                        new DemoStep.Mortgage("BNB/HL/2024/1183", "Bhutan National Bank Limited"),
                        new DemoStep.Discharge("BNB/HL/2024/1183"),
                        new DemoStep.Transfer(TransferType.SALE, List.of(owner("Ugyen Dorji", "10609001862", "1"))),
                        new DemoStep.Finalise()),
                parcel(PARO_CLERK, "SHA1-0476", "SHA-0238", "Paro", "Shaba", "1.25", LandType.ORCHARD,
                        List.of(owner("བཀྲ་ཤིས་ལྷ་མོ་ Tashi Lhamo", "10608002385", "1")),
                        plot(PARO_TM, 258300, 533000, 50, "1.25")),
                parcel(PARO_CLERK, "WAN1-0190", "WAN-0095", "Paro", "Wangchang", "0.4", LandType.HOUSE_PLOT,
                        List.of(owner("Phub Dorji", "10610000953", "1")), plot(PARO_TM, 256600, 536100, 30, "0.4"),
                        new DemoStep.Mortgage("TBL/CON/2025/0077", "T Bank Limited")),
                // Two neighbouring plots of one owner, bought years apart, joined into one.
                parcel(PARO_CLERK, "DOP1-0411", "DOP-0205", "Paro", "Dopshari", "0.6", LandType.DRY_LAND,
                        List.of(owner("Kinley Dorji", "10602004115", "1")), plot(PARO_TM, 255500, 537800, 40, "0.6"),
                        new DemoStep.MergeWith("DOP1-0412", new SubdivideCommand.Child("DOP1-0413", null, null,
                                new BigDecimal("1"), null, rectangle(PARO_TM, 255500, 537800, 40,
                                        height("0.6", 40).add(height("0.4", 40)))))),
                parcel(PARO_CLERK, "DOP1-0412", "DOP-0206", "Paro", "Dopshari", "0.4", LandType.DRY_LAND,
                        List.of(owner("Kinley Dorji", "10602004115", "1")),
                        plot(PARO_TM, 255500, 537800 + height("0.6", 40).doubleValue(), 40, "0.4"),
                        new DemoStep.MergedBy("DOP1-0411")),
                parcel(PARO_CLERK, "KAT1-0323", "KAT-0164", "Haa", "Katsho", "2", LandType.DRY_LAND,
                        List.of(owner("Sangay Tenzin", "10403001641", "1"))),
                parcel(PARO_CLERK, "PHU1-2044", "PHU-1033", "Chhukha", "Phuentsholing", "0.11", LandType.URBAN,
                        List.of(owner("Hari Prasad Sharma", "10310010334", "1")))));
    }

    private static DemoParcel parcel(StaffMember clerk, String pin, String thramNo, String dzongkhag, String gewog, String acres,
                                     LandType type, List<OwnerInput> owners, DemoStep... history) {
        return new DemoParcel(clerk, new FirstRegistrationCommand(pin, thramNo, dzongkhag, gewog, new BigDecimal(acres), type, owners),
                List.of(history));
    }

    private static DemoParcel parcel(StaffMember clerk, String pin, String thramNo, String dzongkhag, String gewog, String acres,
                                     LandType type, List<OwnerInput> owners, String boundary, DemoStep... history) {
        return new DemoParcel(clerk, new FirstRegistrationCommand(pin, thramNo, dzongkhag, gewog, new BigDecimal(acres), type, owners,
                boundary, null), List.of(history));
    }

    /** A rectangular plot of {@code acres} whose south-west corner is at (west, south), {@code width} metres wide. */
    private static String plot(String crs, double west, double south, double width, String acres) {
        return rectangle(crs, west, south, width, height(acres, width));
    }

    /** One of the equal strips, {@code width} metres wide, of the plot {@link #plot} makes {@code parentWidth} wide and {@code parentAcres}. */
    private static SubdivideCommand.Child strip(String pin, String thramNo, String crs, double west, double south, double width,
                                                double parentWidth, String parentAcres) {
        BigDecimal acres = new BigDecimal(parentAcres).multiply(BigDecimal.valueOf(width / parentWidth)).setScale(4, RoundingMode.HALF_UP);
        return new SubdivideCommand.Child(pin, thramNo, null, acres.stripTrailingZeros(), null,
                rectangle(crs, west, south, width, height(parentAcres, parentWidth)));
    }

    /** The height in metres, to the millimetre, of a rectangle of {@code acres} and {@code width} metres. */
    private static BigDecimal height(String acres, double width) {
        return new BigDecimal(acres).multiply(Boundary.SQUARE_METRES_PER_ACRE).divide(BigDecimal.valueOf(width), 3, RoundingMode.HALF_UP);
    }

    private static String rectangle(String crs, double west, double south, double width, BigDecimal height) {
        BigDecimal x0 = BigDecimal.valueOf(west).setScale(3, RoundingMode.HALF_UP);
        BigDecimal y0 = BigDecimal.valueOf(south).setScale(3, RoundingMode.HALF_UP);
        BigDecimal x1 = x0.add(BigDecimal.valueOf(width));
        BigDecimal y1 = y0.add(height);
        return "{\"crs\":\"" + crs + "\",\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static OwnerInput owner(String name, String cid, String share) {
        return new OwnerInput(name, cid, share);
    }
}
