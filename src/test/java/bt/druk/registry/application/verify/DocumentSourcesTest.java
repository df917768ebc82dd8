package bt.druk.registry.application.verify;

import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.testing.ApplicationClasses;
import bt.druk.registry.testing.PortalHarness;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each kind of document found by hash comes from its register's {@link DocumentSource} bean: a
 * missing bean must stop the verifier, not quietly leave a kind of document unfound.
 */
class DocumentSourcesTest {

    final PortalHarness h = new PortalHarness();

    @Test
    void aHashOnlyANotarisationHoldsIsFoundAsANotarisation() {
        StoredFile file = DocumentVerifierTest.pdf("deed of gift");
        h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.SALE_AGREEMENT, LocalDate.of(2025, 10, 30),
                List.of(new PartyText("Tashi Dorji", "11512005678"))), file.sha256(), file);
        h.submitter.submitDue();

        DocumentVerification answer = h.documentVerifier.verify(file.sha256());
        assertEquals(List.of(FoundAs.NOTARISATION), answer.matches().stream().map(DocumentMatch::foundAs).toList());
        assertTrue(answer.matches().get(0).verified(), () -> answer.matches().get(0).steps().toString());
    }

    @Test
    void aLedgerHashOtherThanADocumentsIsDescribedByTheVersionsImprint() {
        h.batchAnchors.enqueue(NOTARY_CLERK, List.of(CanonicalJson.sha256Hex("minutes 1"), CanonicalJson.sha256Hex("minutes 2")));
        h.clock.advance(Duration.ofSeconds(2));
        String anchorKey = h.batchAnchors.cutDue().orElseThrow().recordKey();
        h.submitter.submitDue();

        DocumentMatch root = h.documentVerifier.verify(h.pipeline.current(anchorKey).orElseThrow().hash()).matches().get(0);
        assertEquals(FoundAs.RECORD_DOCUMENT, root.foundAs());
        assertEquals("The Merkle root of batch anchor " + anchorKey + " version 1.", root.steps().get(0).text());
    }

    @Test
    void aVerifierWithoutTheSourceOfAKindRefusesToStartAndNamesTheKind() {
        for (DocumentSource missing : h.documentSources) {
            List<DocumentSource> others = h.documentSources.stream().filter(s -> s != missing).toList();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DocumentVerifier(h.records,
                    h.hashOccurrences, others, h.ledger, h.verification, h.imprints, h.clock), missing.getClass().getSimpleName());
            FoundAs first = missing.kinds().stream().sorted().findFirst().orElseThrow();
            assertTrue(e.getMessage().contains("no document source finds documents as " + first.code()), e.getMessage());
        }
    }

    @Test
    void aSourceWiredTwiceIsRefused() {
        List<DocumentSource> twice = new ArrayList<>(h.documentSources);
        twice.add(h.documentSources.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DocumentVerifier(h.records,
                h.hashOccurrences, twice, h.ledger, h.verification, h.imprints, h.clock));
        assertTrue(e.getMessage().startsWith("two document sources"), e.getMessage());
    }

    @Test
    void everySourceInTheCodeIsACdiBeanAndTheHarnessWiresThemAll() {
        Set<Class<?>> inCode = sourceClasses();
        assertFalse(inCode.isEmpty());
        for (Class<?> source : inCode) {
            assertTrue(source.isAnnotationPresent(ApplicationScoped.class), source.getName() + " is not found by CDI without a scope");
        }
        assertEquals(inCode, h.documentSources.stream().map(Object::getClass).collect(Collectors.toSet()));
        Set<FoundAs> kinds = EnumSet.of(FoundAs.RECORD_DOCUMENT);
        h.documentSources.forEach(s -> kinds.addAll(s.kinds()));
        assertEquals(EnumSet.allOf(FoundAs.class), kinds);
    }

    /** The concrete, non-private {@link DocumentSource} classes compiled from src/main. */
    private static Set<Class<?>> sourceClasses() {
        // A private nested source is the verifier's own (records' own documents), not a register's bean.
        return ApplicationClasses.implementing(DocumentSource.class).stream()
                .filter(type -> !Modifier.isPrivate(type.getModifiers())).collect(Collectors.toSet());
    }
}
