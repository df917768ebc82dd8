package bt.druk.registry.application.demo;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import java.math.BigDecimal;
import java.util.List;

/**
 * The demo content: 22 parcels in 11 dzongkhags, registered by the demo land clerks (the same user
 * names as their Fabric identities: land.clerk of the Thimphu office, land.clerk2 of the Paro office),
 * several with a history: a mortgage and its discharge, a caveat and its release, an open caveat
 * and mortgage, a transfer pending through its notice period, a transfer objected to, and transfers
 * finalised once the notice period is over. Every person is invented; some names are written in
 * Dzongkha (Tibetan script) and Latin, as a thram may hold them.
 */
public record DemoPlan(List<DemoParcel> parcels) {

    public static final StaffMember THIMPHU_CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");
    public static final StaffMember PARO_CLERK = StaffMember.clerk("land.clerk2", Register.LAND, "PARO");

    public DemoPlan {
        parcels = List.copyOf(parcels);
    }

    /** The plan {@code deploy/up.sh} loads. */
    public static DemoPlan standard() {
        return new DemoPlan(List.of(
                // Thimphu
                parcel(THIMPHU_CLERK, "KAW1-1042", "KAW-0412", "Thimphu", "Kawang", "0.13", LandType.HOUSE_PLOT,
                        List.of(owner("བཀྲ་ཤིས་རྡོ་རྗེ་ Tashi Dorji", "10101004127", "1")),
                        new DemoStep.Mortgage("BOB/HL/2024/0147", "Bank of Bhutan Limited"),
                        new DemoStep.Discharge("BOB/HL/2024/0147")),
                parcel(THIMPHU_CLERK, "KAW1-1108", "KAW-0596", "Thimphu", "Kawang", "0.25", LandType.URBAN,
                        List.of(owner("Sonam Choden", "10101005961", "1/2"), owner("Ugyen Tshering", "10101005962", "1/2")),
                        new DemoStep.Transfer(TransferType.SALE, List.of(owner("Phuntsho Wangdi", "11410002318", "1"))),
                        new DemoStep.Finalise()),
                parcel(THIMPHU_CLERK, "CHA2-0315", "CHA-0218", "Thimphu", "Chang", "0.5", LandType.DRY_LAND,
                        List.of(owner("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", "10103002184", "1")),
                        new DemoStep.Transfer(TransferType.GIFT, List.of(
                                owner("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", "10103002184", "1/2"),
                                owner("Sangay Dema", "10103002191", "1/2")))),
                parcel(THIMPHU_CLERK, "MEW1-0877", "MEW-0331", "Thimphu", "Mewang", "1.2", LandType.WETLAND,
                        List.of(owner("Pema Dorji", "10105003315", "2/3"), owner("Dorji Wangmo", "10105003322", "1/3")),
                        new DemoStep.Caveat("CAV/THI/2025/031", "Boundary dispute filed before the Thimphu Dzongkhag Court")),
                parcel(THIMPHU_CLERK, "GEN1-0229", "GEN-0107", "Thimphu", "Genyen", "2.35", LandType.DRY_LAND,
                        List.of(owner("Ngawang Tenzin", "10104001076", "1")),
                        new DemoStep.Mortgage("BDBL/AGR/2025/2210", "Bhutan Development Bank Limited")),
                parcel(THIMPHU_CLERK, "SOE1-0061", "SOE-0024", "Thimphu", "Soe", "3", LandType.DRY_LAND,
                        List.of(owner("Yeshi Lhaden", "10107000241", "1"))),
                // Punakha
                parcel(THIMPHU_CLERK, "TLO1-0503", "TLO-0287", "Punakha", "Talo", "0.86", LandType.WETLAND,
                        List.of(owner("བསོད་ནམས་དབང་ཕྱུག་ Sonam Wangchuk", "11205002873", "1")),
                        new DemoStep.Transfer(TransferType.INHERITANCE, List.of(
                                owner("Tshering Lhamo", "11205002880", "1/2"), owner("Kuenga Tshering", "11205002881", "1/2"))),
                        new DemoStep.Objection("Karma Yangchen", "Co-heir: the estate has not yet been divided among the heirs")),
                parcel(THIMPHU_CLERK, "GUM1-1120", "GUM-0640", "Punakha", "Guma", "1.04", LandType.WETLAND,
                        List.of(owner("Chimi Dorji", "11203006402", "1")),
                        new DemoStep.Caveat("CAV/PUN/2025/007", "Claim by a neighbour over the irrigation channel"),
                        new DemoStep.ReleaseCaveat("CAV/PUN/2025/007")),
                parcel(THIMPHU_CLERK, "KAB1-0288", "KAB-0153", "Punakha", "Kabisa", "0.5", LandType.ORCHARD,
                        List.of(owner("Deki Yangzom", "11202001533", "1/2"), owner("Kezang Choden", "11202001534", "1/2"))),
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
                        List.of(owner("Tshering Dema", "10605004271", "1")),
                        new DemoStep.Mortgage("BNB/HL/2024/1183", "Bhutan National Bank Limited"),
                        new DemoStep.Discharge("BNB/HL/2024/1183"),
                        new DemoStep.Transfer(TransferType.SALE, List.of(owner("Ugyen Dorji", "10609001862", "1"))),
                        new DemoStep.Finalise()),
                parcel(PARO_CLERK, "SHA1-0476", "SHA-0238", "Paro", "Shaba", "1.25", LandType.ORCHARD,
                        List.of(owner("བཀྲ་ཤིས་ལྷ་མོ་ Tashi Lhamo", "10608002385", "1"))),
                parcel(PARO_CLERK, "WAN1-0190", "WAN-0095", "Paro", "Wangchang", "0.4", LandType.HOUSE_PLOT,
                        List.of(owner("Phub Dorji", "10610000953", "1")),
                        new DemoStep.Mortgage("TBL/CON/2025/0077", "T Bank Limited")),
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

    private static OwnerInput owner(String name, String cid, String share) {
        return new OwnerInput(name, cid, share);
    }
}
