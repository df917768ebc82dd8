package bt.druk.registry.interfaces.web.notary;

import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.testing.PortalHarness;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotaryPagesTest {

    final PortalHarness h = new PortalHarness();

    String register(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        StoredFile file = new StoredFile(CanonicalJson.sha256Hex(content), bytes.length, FileType.PDF, "affidavit-sonam.pdf");
        SubmissionAck ack = h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 30),
                List.of(new PartyText("Sonam Choki", "10101005566"), new PartyText("Druk Trading Pvt. Ltd.", ""))), file.sha256(), file);
        return ack.recordKey().substring("notarisation:".length());
    }

    PublicNotarisationBean publicBean(String id) {
        PublicNotarisationBean bean = new PublicNotarisationBean();
        bean.queries = h.notaryQueries;
        bean.ledgerChecks = new LedgerChecks(h.verification::verifyOnLedger, sha -> null, new PublicRateLimiter(30, 10, 100, System::nanoTime),
                () -> "192.0.2.1", System::nanoTime, 5);
        bean.setId(" " + id + " ");
        return bean;
    }

    NotarisationBean staffBean(String id, String saved) {
        NotarisationBean bean = new NotarisationBean();
        bean.queries = h.notaryQueries;
        bean.setId(id);
        bean.setSaved(saved);
        return bean;
    }

    @Test
    void afterSavingTheClerkLandsOnTheNotarisationWithTheSavedVersion() {
        SubmissionAck ack = new SubmissionAck("notarisation:2026-000042", 2, "ab".repeat(32), LedgerState.PENDING);
        assertEquals("/clerk/notary/notarisation?faces-redirect=true&id=2026-000042&saved=2", NewNotarisationBean.savedPage(ack));
        assertEquals(NewNotarisationBean.savedPage(ack), NotarisationBean.savedPage(ack));
    }

    @Test
    void theFormStartsWithTodayInBhutan() {
        h.clock.advance(java.time.Duration.ofMinutes(630)); // 19:30 UTC
        NewNotarisationBean bean = new NewNotarisationBean();
        bean.clock = h.clock;
        bean.startToday();
        assertEquals(LocalDate.of(2025, 11, 2), bean.getNotarisedOn(), "01:30 on 2 November in Thimphu");
    }

    @Test
    void partyRowsKeepTheirPlaceSoThatARefusalLandsNextToItsRow() {
        PartiesEditor editor = new PartiesEditor();
        assertEquals(List.of(), editor.texts(), "no party at all: refused as 'name at least one party'");
        editor.getRows().get(0).setName("Sonam Choki");
        editor.add();
        editor.add();
        editor.getRows().get(2).setCid("10101005566");
        List<PartyText> texts = editor.texts();
        assertEquals(3, texts.size(), "a blank row in the middle stays, so row 2's CID is refused as row 2's");
        assertEquals("Sonam Choki", texts.get(0).name());
        assertEquals("10101005566", texts.get(2).cid());

        editor.remove(editor.getRows().get(1));
        editor.remove(editor.getRows().get(1));
        assertFalse(editor.isCanRemove(), "one row is always there");
        editor.remove(editor.getRows().get(0));
        assertEquals(1, editor.getRows().size());
        for (int i = 1; i < NotaryRules.MAX_PARTIES + 5; i++) {
            editor.add();
        }
        assertEquals(NotaryRules.MAX_PARTIES, editor.getRows().size());
        assertFalse(editor.isCanAdd());
    }

    @Test
    void thePublicPageShowsThePartiesOnlyAsCommitmentsAndLinksTheVerifyPage() {
        String id = register("%PDF-1.4 affidavit");
        PublicNotarisationBean bean = publicBean(id);
        assertTrue(bean.isFound());
        List<String> commitments = bean.getPartyCommitments();
        assertEquals(bean.getNotarisation().parties().stream().map(Party::commitment).toList(), commitments);
        assertTrue(commitments.stream().allMatch(c -> c.matches("[0-9a-f]{64}")));
        assertFalse(commitments.toString().contains("Sonam") || commitments.toString().contains("10101005566"));
        assertEquals("/verify.xhtml?hash=" + CanonicalJson.sha256Hex("%PDF-1.4 affidavit"), bean.getVerifyFilePath());
        assertNull(bean.getReceipt(), "no receipt before the ledger commits");

        h.submitter.submitDue();
        bean = publicBean(id);
        assertTrue(bean.getReceipt() != null && !bean.getReceipt().txId().isEmpty());
        bean.setCheck("ledger");
        bean.load();
        assertEquals(LedgerVerification.Outcome.VERIFIED, bean.getVerification().outcome());
        assertEquals(VersionCheck.Match.MATCH, bean.checkOf(1).match());
    }

    @Test
    void anUnknownOrMalformedNumberIsNotFound() {
        assertFalse(publicBean("2026-999999").isFound());
        assertFalse(publicBean("<script>").isFound());
        assertFalse(staffBean("../2026-000001", null).isFound());
        assertNull(publicBean("2026-999999").getVerifyFilePath());
    }

    @Test
    void revokeAndSupersedeAreOfferedOnceTheRegistrationIsCommitted() {
        String id = register("%PDF-1.4 to be revoked");
        NotarisationBean bean = staffBean(id, "1");
        assertFalse(bean.isCanChange(), "still waiting for the ledger");
        assertTrue(bean.isPending(), "the page polls");
        assertEquals(1, bean.getSavedVersion().version());
        assertEquals("/notary/notarisation.xhtml?id=" + id, bean.getPublicPath());

        h.submitter.submitDue();
        bean.refresh();
        assertTrue(bean.isCanChange());
        assertFalse(bean.isPending());

        h.notary.revoke(NOTARY_CLERK, id, 1, "Withdrawn by the deponent");
        h.submitter.submitDue();
        bean.refresh();
        assertFalse(bean.isCanChange(), "a revoked notarisation is final");
        assertNull(staffBean(id, "7").getSavedVersion(), "a version it does not have");
        assertNull(staffBean(id, "x").getSavedVersion());
    }
}
