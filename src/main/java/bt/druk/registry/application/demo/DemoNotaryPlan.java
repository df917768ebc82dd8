package bt.druk.registry.application.demo;

import bt.druk.registry.application.demo.DemoNotarisation.Outcome;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import java.util.List;

/**
 * The notary demo content: six invented notarised documents of the Thimphu notary office, one of
 * each kind a visitor should see: valid ones, a power of attorney revoked, and a sale agreement
 * superseded by its corrected version (registered first, as the ledger requires). Every person and
 * business is invented; one name is written in Dzongkha and Latin.
 */
public record DemoNotaryPlan(List<DemoNotarisation> notarisations) {

    public static final StaffMember NOTARY_CLERK = StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU");

    public DemoNotaryPlan {
        notarisations = List.copyOf(notarisations);
        List<String> refs = notarisations.stream().map(DemoNotarisation::ref).toList();
        if (refs.stream().distinct().count() != refs.size()) {
            throw new IllegalArgumentException("notarisation references must be unique");
        }
        for (DemoNotarisation n : notarisations) {
            if (n.replacedBy() != null && !refs.contains(n.replacedBy())) {
                throw new IllegalArgumentException(n.ref() + " is replaced by " + n.replacedBy() + ", which is not in the plan");
            }
        }
    }

    public static DemoNotaryPlan standard() {
        return new DemoNotaryPlan(List.of(
                new DemoNotarisation("affidavit-name-change", NOTARY_CLERK, DocumentType.AFFIDAVIT, 3,
                        List.of(new PartyText("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", "10705009911")),
                        "affidavit-name-change.pdf",
                        List.of("AFFIDAVIT", "I, the deponent, declare that the names Kinley Wangmo and Kunleg Wangmo",
                                "in my school and census records refer to one and the same person.",
                                "Sworn before the notary, Thimphu. (Demo document: invented.)"),
                        Outcome.REGISTERED, null, null),
                new DemoNotarisation("poa-paro-plot", NOTARY_CLERK, DocumentType.POWER_OF_ATTORNEY, 10,
                        List.of(new PartyText("Dorji Penjor", "11205003377"), new PartyText("Pema Lhamo", "11205004488")),
                        "power-of-attorney-paro-plot.pdf",
                        List.of("GENERAL POWER OF ATTORNEY", "The principal appoints the attorney to manage the family's",
                                "dry land in Paro and to lodge documents with the land registry on the principal's behalf.",
                                "(Demo document: invented.)"),
                        Outcome.REVOKED, null, "The principal withdrew the power of attorney in person at the notary office"),
                new DemoNotarisation("sale-agreement-wangdue", NOTARY_CLERK, DocumentType.SALE_AGREEMENT, 6,
                        List.of(new PartyText("Tshering Dorji", "10101007788"), new PartyText("Yeshi Choden", "10101008899")),
                        "sale-agreement-wangdue-v1.pdf",
                        List.of("AGREEMENT FOR SALE OF LAND", "Plot WAN1-0412, Wangdue Phodrang, area 0.42 acres,",
                                "for Nu. 1,850,000, the balance payable on registration of the transfer.",
                                "(Demo document: invented.)"),
                        Outcome.SUPERSEDED, "sale-agreement-wangdue-corrected",
                        "Clause 2 gave the wrong plot area; the corrected agreement replaces this one"),
                new DemoNotarisation("sale-agreement-wangdue-corrected", NOTARY_CLERK, DocumentType.SALE_AGREEMENT, 2,
                        List.of(new PartyText("Tshering Dorji", "10101007788"), new PartyText("Yeshi Choden", "10101008899")),
                        "sale-agreement-wangdue-v2.pdf",
                        List.of("AGREEMENT FOR SALE OF LAND (CORRECTED)", "Plot WAN1-0412, Wangdue Phodrang, area 0.24 acres,",
                                "for Nu. 1,850,000, the balance payable on registration of the transfer.",
                                "(Demo document: invented.)"),
                        Outcome.REGISTERED, null, null),
                new DemoNotarisation("company-resolution-druk-dairy", NOTARY_CLERK, DocumentType.COMPANY_RESOLUTION, 5,
                        List.of(new PartyText("Druk Highland Dairy Pvt. Ltd.", null), new PartyText("Ugyen Tenzin", "11410002233")),
                        "board-resolution-2026-07.pdf",
                        List.of("RESOLUTION OF THE BOARD OF DIRECTORS", "Druk Highland Dairy Pvt. Ltd. authorises its managing",
                                "director to open an account with the Bank of Bhutan, Bumthang branch.",
                                "(Demo document: invented.)"),
                        Outcome.REGISTERED, null, null),
                new DemoNotarisation("translation-birth-certificate", NOTARY_CLERK, DocumentType.CERTIFIED_TRANSLATION, 1,
                        List.of(new PartyText("Sangay Wangmo", "12003006655")),
                        "translation-birth-certificate-en.pdf",
                        List.of("CERTIFIED TRANSLATION", "English translation of a birth certificate issued in Dzongkha,",
                                "certified true and complete by the translator before the notary.",
                                "(Demo document: invented.)"),
                        Outcome.REGISTERED, null, null)));
    }
}
