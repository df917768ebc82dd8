package bt.druk.registry.application.land;

import static bt.druk.registry.application.land.LandTests.errors;
import static bt.druk.registry.application.land.LandTests.json;
import static bt.druk.registry.application.land.LandTests.rectangle;
import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Lineage;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A boundary moved between two neighbours through the portal: the checks first, then one ledger call for both versions. */
class ParcelBoundaryAdjustmentTest {

    private final PortalHarness h = new PortalHarness();
    private void register(String pin, String acres, LandType type, String boundary) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-" + pin, "Thimphu", "Kawang", new BigDecimal(acres), type,
                List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1")), boundary, null));
    }

    /** Two squares side by side at easting {@code west}: A then B. */
    private void neighbours(String a, String b, double west, LandType typeOfA) {
        register(a, "2.4711", typeOfA, rectangle(west, 2_950_000, 100, 100));
        register(b, "2.4711", LandType.DRY_LAND, rectangle(west + 100, 2_950_000, 100, 100));
        h.submitter.submitDue();
    }

    private static AdjustBoundaryCommand moved(String a, String aAcres, String aBoundary, String b, String bAcres, String bBoundary) {
        return new AdjustBoundaryCommand(new AdjustBoundaryCommand.Side(a, null, new BigDecimal(aAcres), aBoundary),
                new AdjustBoundaryCommand.Side(b, null, new BigDecimal(bAcres), bBoundary));
    }

    /** A's east edge 20 m east: A 120 m wide, B 80 m. */
    private static AdjustBoundaryCommand twentyMetresEast(String a, String b, double west) {
        return moved(a, "2.9653", rectangle(west, 2_950_000, 120, 100), b, "1.9768", rectangle(west + 120, 2_950_000, 80, 100));
    }

    private LandTitle title(String pin) {
        return h.reader.read(current(pin).canonicalJson());
    }

    private RecordVersion current(String pin) {
        return h.pipeline.current(LandTitle.recordKeyOf(pin)).orElseThrow();
    }

    @Test
    void bothParcelsGetANewVersionInOneLedgerCallAndTheTakenStripCountsAsTheirs() {
        neighbours("BA-1", "BA-2", 160_000, LandType.DRY_LAND);

        List<SubmissionAck> acks = h.lineage.adjustBoundary(CLERK, twentyMetresEast("BA-1", "BA-2", 160_000));
        assertEquals(List.of("land-title:BA-1", "land-title:BA-2"), acks.stream().map(SubmissionAck::recordKey).toList());
        assertEquals(List.of(3, 3), acks.stream().map(SubmissionAck::version).toList(), "v2 the facts, v3 the adjustment");
        h.submitter.submitDue();
        h.submitter.submitDue();

        List<LedgerCall> calls = h.ledger.committedCalls();
        assertEquals(List.of("RecordParcelFacts", "RecordParcelFacts", "AdjustBoundary"),
                calls.subList(calls.size() - 3, calls.size()).stream().map(LedgerCall::function).toList());
        JsonArray parcels = json(calls.get(calls.size() - 1).arguments().get(0)).asJsonArray();
        assertEquals(List.of("land-title:BA-1", "land-title:BA-2"), parcels.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("key")).toList());
        assertEquals("296.53", parcels.getJsonObject(0).getJsonObject("facts").getString("areaDecimals"));
        assertEquals("197.68", parcels.getJsonObject(1).getJsonObject("facts").getString("areaDecimals"));
        assertEquals(current("BA-1").hash(), parcels.getJsonObject(0).getString("hash"));
        assertEquals(current("BA-1").receipt().txId(), current("BA-2").receipt().txId(), "one transaction wrote both");
        assertEquals(LedgerState.COMMITTED, current("BA-2").ledgerState());

        LandTitle a = title("BA-1");
        assertEquals(new BigDecimal("2.9653"), a.parcel().areaAcres());
        assertEquals(TitleOperation.BOUNDARY_ADJUSTMENT, a.event().operation());
        assertEquals("BA-2", a.event().details().get(LandTitle.ADJUSTED_WITH));
        assertEquals("BA-1", title("BA-2").event().details().get(LandTitle.ADJUSTED_WITH));
        assertEquals(Lineage.NONE, a.lineage(), "both parcels live on under their PINs");
        assertEquals("Karma Wangchuk", a.owners().get(0).name());

        // The strip A took is A's now: a new parcel drawn on it overlaps A, and no longer B.
        ValidationException e = assertThrows(ValidationException.class, () -> register("BA-3", "0.4942",
                LandType.DRY_LAND, rectangle(160_100, 2_950_000, 20, 100)));
        FieldError overlap = e.errors().get(0);
        assertEquals("boundary.overlap", overlap.code());
        assertEquals(List.of("BA-1"), overlap.arguments());
    }

    @Test
    void areasThatDoNotAddUpBoundariesThatOverlapAndAMissingBoundaryAreRefusedAtTheirFields() {
        neighbours("BB-1", "BB-2", 161_000, LandType.DRY_LAND);
        register("BB-3", "2.4711", LandType.DRY_LAND, rectangle(161_000, 2_950_100, 100, 100)); // north of BB-1
        h.submitter.submitDue();
        int calls = h.ledger.committedCalls().size();

        assertEquals(List.of("neighbour.areaAcres adjustment.area-mismatch"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BB-1", "2.9653", rectangle(161_000, 2_950_000, 120, 100), "BB-2", "2.4711",
                        rectangle(161_120, 2_950_000, 100, 100)))));
        // BB-1 reaching 10 m north into BB-3.
        List<String> overlapping = errors(() -> h.lineage.adjustBoundary(CLERK, moved("BB-1", "2.7182",
                rectangle(161_000, 2_950_000, 100, 110), "BB-2", "2.2240", rectangle(161_100, 2_950_000, 90, 100))));
        assertEquals(List.of("boundary boundary.overlap"), overlapping);
        assertEquals(List.of("neighbour.boundary required"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BB-1", "2.9653", rectangle(161_000, 2_950_000, 120, 100), "BB-2", "1.9768", null))));
        assertEquals(List.of("neighbour.boundary boundary.overlap"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BB-1", "2.9653", rectangle(161_000, 2_950_000, 120, 100), "BB-2", "1.9768",
                        rectangle(161_110, 2_950_000, 80, 100)))), "the two new boundaries may not overlap each other");
        assertEquals(List.of("neighbour.boundary boundary.not-adjoining"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BB-1", "2.4711", rectangle(161_000, 2_950_000, 100, 100), "BB-2", "2.4711",
                        rectangle(161_101, 2_950_000, 100, 100)))), "a metre apart: not neighbours");
        assertEquals(List.of("neighbour.boundary boundary.not-adjoining"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BB-1", "2.4711", rectangle(161_000, 2_950_000, 100, 100), "BB-2", "2.4711",
                        rectangle(161_100, 2_949_900, 100, 100)))), "a corner is not a border");
        assertEquals(List.of("neighbour.pin pin.duplicate"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BB-1", "2.4711", rectangle(161_000, 2_950_000, 100, 100), "bb-1", "2.4711",
                        rectangle(161_000, 2_950_000, 100, 100)))));
        assertEquals(calls, h.ledger.committedCalls().size(), "nothing refused reached the ledger");
        assertEquals(1, current("BB-2").version(), "nothing refused was saved");
    }

    @Test
    void aCaveatTheMinimumPlotAndWetlandStopAnAdjustment() {
        neighbours("BC-1", "BC-2", 162_000, LandType.WETLAND);
        // Wetland (BC-1) giving 20 m to dry land.
        assertEquals(List.of("areaAcres adjustment.wetland"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BC-1", "1.9768", rectangle(162_000, 2_950_000, 80, 100), "BC-2", "2.9653",
                        rectangle(162_080, 2_950_000, 120, 100)))));
        // Dry land giving to wetland is allowed by the Act; but not down to 3 m wide (7.41 decimals, under the 10-decimal plot).
        assertEquals(List.of("neighbour.areaAcres adjustment.plot-too-small"), errors(() -> h.lineage.adjustBoundary(CLERK,
                moved("BC-1", "4.8681", rectangle(162_000, 2_950_000, 197, 100), "BC-2", "0.0741",
                        rectangle(162_197, 2_950_000, 3, 100)))));

        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("BC-2", 1, "CV-3", "Boundary dispute"));
        List<String> refused = errors(() -> h.lineage.adjustBoundary(CLERK, twentyMetresEast("BC-1", "BC-2", 162_000)));
        assertEquals(List.of(" title.caveat-open"), refused, "the parcel's state is said first, whatever was typed");

    }
}
