package bt.druk.registry.application.record;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a clerk's user name is not published. Every record's public document (served at
 * {@code /records/documents/<hash>.json}) names the role and office of whoever wrote the version; the
 * user name stays in the version row (staff pages, the audit trail) and in the identity that signs
 * the ledger write.
 */
class PublicDocumentsNameNoClerkTest {

    private final PortalHarness h = new PortalHarness();

    private String document(String recordKey) {
        return h.pipeline.current(recordKey).orElseThrow().canonicalJson();
    }

    private static void namesTheRoleNotTheClerk(String document, StaffMember clerk) {
        assertFalse(document.contains(clerk.username()), "no user name in the public document: " + document);
        assertTrue(document.contains("\"" + clerk.publicRole() + "\""), "the role instead: " + document);
        assertTrue(document.contains("\"office\":\"THIMPHU\""), document);
    }

    @Test
    void theRoleIsARegisterAndARoleWord() {
        assertEquals("land clerk", CLERK.publicRole());
        assertEquals("procurement clerk", PROCUREMENT_CLERK.publicRole());
        assertEquals("notary clerk", NOTARY_CLERK.publicRole());
    }

    @Test
    void landTitleVersionsNameTheRole() {
        String key = h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("TH-77", "t-77", "Thimphu", "Kawang",
                new BigDecimal("1.5"), LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1")))).recordKey();
        namesTheRoleNotTheClerk(document(key), CLERK);
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("TH-77", 1, "CV-1", "Boundary dispute"));
        namesTheRoleNotTheClerk(document(key), CLERK);

        RecordVersion row = h.pipeline.current(key).orElseThrow();
        assertEquals("land.clerk", row.submittedBy(), "the version row keeps who it was, for staff pages and the audit trail");
        assertEquals("land.clerk", h.records.allOutbox().get(0).identity(), "and the ledger write is signed as the clerk");
    }

    @Test
    void tenderVersionsNameTheRoleAndABidNamesNoStaffAtAll() {
        Tender.Terms terms = new Tender.Terms("Bitumen for the Thimphu–Paro highway", "", ProcurementMethod.OPEN, MainCategory.GOODS,
                new BigDecimal("1000.00"), null, h.clock.instant().plus(Duration.ofDays(10)),
                List.of(new TenderItem("Bitumen", BigDecimal.ONE, "drum")), List.of());
        String key = h.sealed.publish("DES", terms).recordKey();
        namesTheRoleNotTheClerk(document(key), PROCUREMENT_CLERK);

        h.submitter.submitDue();
        String ocid = key.substring("tender:".length());
        String bid = h.sealed.lodge(ocid, "CDB-1", "Druk Builders Pvt Ltd", "900.00").recordKey();
        h.submitter.submitDue();
        h.clock.advance(Duration.ofDays(10));
        h.sealed.open(ocid);
        assertFalse(document(bid).contains("procurement.clerk"), document(bid));
        assertFalse(document(key).contains("procurement.clerk"), document(key));
    }

    @Test
    void notarisationAndBatchAnchorVersionsNameTheRole() {
        byte[] bytes = "%PDF-1.4 affidavit".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StoredFile file = new StoredFile(CanonicalJson.sha256Hex("%PDF-1.4 affidavit"), bytes.length, FileType.PDF, "affidavit.pdf");
        String key = h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 30),
                List.of(new PartyText("Kinley Wangmo", "10705001234"))), file.sha256(), file).recordKey();
        namesTheRoleNotTheClerk(document(key), NOTARY_CLERK);

        h.batchAnchors.enqueue(NOTARY_CLERK, List.of(CanonicalJson.sha256Hex("court filing")));
        h.clock.advance(Duration.ofSeconds(5));
        List<String> anchors = new ArrayList<>();
        for (Optional<SubmissionAck> ack = h.batchAnchors.cutDue(); ack.isPresent(); ack = h.batchAnchors.cutDue()) {
            anchors.add(ack.get().recordKey());
        }
        assertEquals(1, anchors.size());
        namesTheRoleNotTheClerk(document(anchors.get(0)), NOTARY_CLERK);
        assertEquals("notary.clerk", h.pipeline.current(anchors.get(0)).orElseThrow().submittedBy(), "signed as the clerk");
    }
}
