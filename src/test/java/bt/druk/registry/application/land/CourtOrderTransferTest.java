package bt.druk.registry.application.land;

import static bt.druk.registry.application.land.LandTests.errors;
import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A court's verdict registered the same day: the new owners at once, the order's SHA-256 on the ledger. */
class CourtOrderTransferTest {

    private static final String ORDER = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    private final PortalHarness h = new PortalHarness();

    private void register(String pin) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-" + pin, "Thimphu", "Kawang", new BigDecimal("1"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1")), null, null));
        h.submitter.submitDue();
    }

    private static CourtOrderTransferCommand order(String pin, int version, String court, String caseNumber, String sha) {
        return new CourtOrderTransferCommand(pin, version, court, caseNumber, sha,
                List.of(new OwnerInput("Sonam Choden", "10101001235", "1/2"), new OwnerInput("Karma Wangchuk", "10101001234", "1/2")));
    }

    private LandTitle title(String pin) {
        return h.reader.read(h.pipeline.current(LandTitle.recordKeyOf(pin)).orElseThrow().canonicalJson());
    }

    @Test
    void aVerdictRegistersTheNewOwnersTheSameDayAndVoidsAPendingSale() {
        register("CO-1");
        h.land.lodgeTransfer(CLERK, new LodgeTransferCommand("CO-1", 1, TransferType.SALE,
                List.of(new OwnerInput("Dorji Wangmo", "11512009871", "1"))));
        h.submitter.submitDue();

        h.land.transferByCourtOrder(CLERK, order("CO-1", 2, "Thimphu Dzongkhag Court", "CC-12/2026", ORDER));
        h.submitter.submitDue();

        LandTitle t = title("CO-1");
        assertEquals(TitleStatus.REGISTERED, t.status(), "no notice period");
        assertNull(t.pendingTransfer(), "the sale lodged before is void");
        assertEquals(List.of("Sonam Choden", "Karma Wangchuk"), t.owners().stream().map(Owner::name).toList());
        assertEquals(TitleOperation.COURT_ORDER_TRANSFER, t.event().operation());
        assertEquals("Thimphu Dzongkhag Court", t.event().details().get("court"));
        assertEquals("CC-12/2026", t.event().details().get("caseNumber"));
        assertEquals(ORDER.toLowerCase(), t.event().details().get(LandTitle.COURT_ORDER_SHA256));

        LedgerCall call = h.ledger.committedCalls().get(h.ledger.committedCalls().size() - 1);
        assertEquals("TransferByCourtOrder", call.function());
        assertEquals(ORDER.toLowerCase(), call.arguments().get(4), "the order's hash goes to the ledger");
        assertEquals(LedgerState.COMMITTED, h.pipeline.current("land-title:CO-1").orElseThrow().ledgerState());
    }

    @Test
    void aMortgageStaysWithTheLandAndTheParcelsFactsAreRecordedAgainBeforeASubdivision() {
        register("CO-2");
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("CO-2", 1, "BOB-3", "Bank of Bhutan"));
        h.land.transferByCourtOrder(CLERK, order("CO-2", 2, "High Court", "HC-7/2026", ORDER));
        h.submitter.submitDue();
        assertEquals(TitleStatus.ENCUMBERED, title("CO-2").status());
        assertEquals("BOB-3", title("CO-2").mortgages().get(0).ref());

        // A child of a subdivision has its facts on the ledger from its first version; a verdict changes its owners.
        h.lineage.subdivide(CLERK, new SubdivideCommand("CO-2", 3, List.of(child("CO-21"), child("CO-22"))));
        h.land.transferByCourtOrder(CLERK, order("CO-21", 1, "High Court", "HC-8/2026", ORDER));
        h.lineage.subdivide(CLERK, new SubdivideCommand("CO-21", 2, List.of(child("CO-211"), child("CO-212"))));
        h.submitter.submitDue();
        h.submitter.submitDue();
        List<LedgerCall> calls = h.ledger.committedCalls();
        assertEquals(List.of("TransferByCourtOrder", "RecordParcelFacts", "SubdivideParcel"), calls.subList(calls.size() - 3,
                calls.size()).stream().map(LedgerCall::function).toList(), "the new owners' digest reaches the ledger first");
    }

    private static SubdivideCommand.Child child(String pin) {
        return new SubdivideCommand.Child(pin, null, null, new BigDecimal(pin.length() == 5 ? "0.5" : "0.25"), null, null);
    }

    @Test
    void theCourtTheCaseAndTheOrdersHashAreEachCheckedAtTheirField() {
        register("CO-3");
        int calls = h.ledger.committedCalls().size();
        assertEquals(List.of("court required", "caseNumber required", "courtOrderSha256 required"),
                errors(() -> h.land.transferByCourtOrder(CLERK, order("CO-3", 1, " ", null, null))));
        assertEquals(List.of("caseNumber reference.format", "courtOrderSha256 sha256.format"),
                errors(() -> h.land.transferByCourtOrder(CLERK, order("CO-3", 1, "High Court", "case 7 of 2026", "abc"))));
        assertEquals(calls, h.ledger.committedCalls().size());
        assertEquals(1, h.pipeline.current("land-title:CO-3").orElseThrow().version(), "nothing saved");
    }
}
