package bt.druk.registry.application.demo;

import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.notary.NotarisationView;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationStatus;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import bt.druk.registry.testing.InMemoryDemoNotaryRepository;
import bt.druk.registry.testing.InMemoryDemoRecordRepository;
import bt.druk.registry.testing.InMemoryFileStore;
import bt.druk.registry.testing.PortalHarness;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoNotaryTest {

    final PortalHarness h = new PortalHarness();
    final InMemoryFileStore files = new InMemoryFileStore();
    final InMemoryDemoRecordRepository demoRecords = new InMemoryDemoRecordRepository();
    final InMemoryDemoNotaryRepository demoItems = new InMemoryDemoNotaryRepository();
    final DemoNotary notary = new DemoNotary(h.notary, h.notaryQueries, h.queries, h.notarisationRepository, h.parcels, files,
            demoRecords, demoItems, h.clock);
    final DemoNotaryPlan plan = DemoNotaryPlan.standard();

    DemoContentLoader loader() {
        DemoContent land = new DemoContent(h.land, h.lineage, h.queries, h.parcels, demoRecords, h.clock);
        return new DemoContentLoader(land, new DemoPlan(List.of()), null, new DemoTenderPlan(List.of()), notary, plan, h.clock);
    }

    NotarisationView view(String ref) {
        String key = demoItems.recordKeyOf(ref).orElseThrow();
        return h.notaryQueries.notarisation(RecordKey.parse(key).id()).orElseThrow();
    }

    @Test
    void theLoaderTakesEveryNotarisationToItsStateThroughTheLedger() throws Exception {
        DemoContentLoader loader = loader();
        int rounds = 0;
        DemoContentLoader.Round round;
        do {
            round = loader.runRound();
            h.submitter.submitDue();
            rounds++;
        } while (!round.finished() && rounds < 10);
        assertTrue(round.finished(), round.toString());
        assertEquals(plan.notarisations().size(), round.count(DemoProgress.State.DONE), round.toString());

        assertEquals(NotarisationStatus.REVOKED, view("poa-paro-plot").notarisation().status());
        assertEquals("The principal withdrew the power of attorney in person at the notary office",
                view("poa-paro-plot").notarisation().reason());
        Notarisation old = view("sale-agreement-wangdue").notarisation();
        assertEquals(NotarisationStatus.SUPERSEDED, old.status());
        assertEquals(view("sale-agreement-wangdue-corrected").notarisation().id(), old.supersededBy());
        for (String ref : List.of("affidavit-name-change", "sale-agreement-wangdue-corrected", "company-resolution-druk-dairy",
                "translation-birth-certificate")) {
            assertEquals(NotarisationStatus.REGISTERED, view(ref).notarisation().status(), ref);
            assertTrue(view(ref).committed(), ref);
        }
        assertEquals(DocumentType.values().length - 1, plan.notarisations().stream().map(DemoNotarisation::type).distinct().count(),
                "every kind but 'other'");
        assertEquals(plan.notarisations().size(), demoRecords.count(), "marked as demo records");
    }

    @Test
    void eachDocumentIsAPdfInTheFileStoreThatReadsAsItsText() throws Exception {
        for (DemoNotarisation n : plan.notarisations()) {
            notary.advance(n);
        }
        for (DemoNotarisation n : plan.notarisations()) {
            Notarisation registered = view(n.ref()).notarisation();
            byte[] pdf = files.bytes.get(registered.file().sha256());
            assertTrue(PdfProbe.isPdf(pdf), n.ref());
            assertTrue(PdfProbe.text(pdf).contains(n.text().get(1)), n.ref() + ": " + PdfProbe.text(pdf));
            assertEquals(n.fileName(), view(n.ref()).fileName());
            assertEquals(h.clock.instant().atZone(Notarisation.ZONE).toLocalDate().minusDays(n.daysAgo()), registered.notarisedOn());
        }
        assertEquals(plan.notarisations().size(), plan.notarisations().stream()
                .map(n -> view(n.ref()).notarisation().file().sha256()).distinct().count(), "no two demo documents alike");
    }

    @Test
    void aSupersessionWaitsUntilItsReplacementIsOnTheLedger() {
        DemoNotarisation old = plan.notarisations().stream().filter(n -> n.ref().equals("sale-agreement-wangdue")).findFirst().orElseThrow();
        DemoNotarisation corrected = plan.notarisations().stream()
                .filter(n -> n.ref().equals("sale-agreement-wangdue-corrected")).findFirst().orElseThrow();
        notary.advance(old);
        h.submitter.submitDue();
        assertEquals(DemoProgress.State.WAITING, notary.advance(old).state(), "no replacement yet");
        notary.advance(corrected);
        assertEquals(DemoProgress.State.WAITING, notary.advance(old).state(), "replacement not committed yet");
        h.submitter.submitDue();
        assertEquals(DemoProgress.State.APPLIED, notary.advance(old).state());
    }

    @Test
    void nothingIsLoadedIntoANotaryRegisterThatHoldsRealNotarisations() throws Exception {
        StoredFile real = files.store(new java.io.ByteArrayInputStream("%PDF-1.4 a real affidavit".getBytes()), "real.pdf", "file");
        h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 1),
                List.of(new PartyText("Real Person", null))), real.sha256(), real);
        DemoProgress progress = notary.advance(plan.notarisations().get(0));
        assertEquals(DemoProgress.State.SKIPPED, progress.state());
        assertEquals(DemoNotary.REGISTER_NOT_EMPTY, progress.detail());
        assertEquals(0, demoItems.count());
    }

    @Test
    void aNotarisationSomeoneElseChangedIsLeftAlone() {
        DemoNotarisation affidavit = plan.notarisations().get(0);
        notary.advance(affidavit);
        h.submitter.submitDue();
        h.notary.revoke(NOTARY_CLERK, view(affidavit.ref()).notarisation().id(), 1, "Revoked by the clerk trying the demo out");
        DemoProgress progress = notary.advance(affidavit);
        assertEquals(DemoProgress.State.SKIPPED, progress.state());
        assertNotEquals(-1, progress.detail().indexOf("changed outside the demo plan"), progress.detail());
    }
}
