package bt.druk.registry.application.land;

import static bt.druk.registry.application.land.LandTests.errors;
import static bt.druk.registry.application.land.LandTests.json;
import static bt.druk.registry.application.land.LandTests.rectangle;
import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Lineage;
import bt.druk.registry.domain.land.OwnersDigest;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A subdivision through the portal: the checks before anything is saved, and one ledger call for every version. */
class ParcelSubdivisionTest {

    private final PortalHarness h = new PortalHarness();
    private void register(String pin, String acres, LandType type, String boundary) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-1", "Thimphu", "Kawang", new BigDecimal(acres), type,
                List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1/2"), new OwnerInput("Sonam Choden", "10101001235", "1/2")),
                boundary, null));
    }

    private static SubdivideCommand.Child child(String pin, String acres, String boundary) {
        return new SubdivideCommand.Child(pin, null, null, new BigDecimal(acres), null, boundary);
    }

    private LandTitle title(String pin) {
        return h.reader.read(h.pipeline.current(LandTitle.recordKeyOf(pin)).orElseThrow().canonicalJson());
    }

    private RecordVersion current(String pin) {
        return h.pipeline.current(LandTitle.recordKeyOf(pin)).orElseThrow();
    }

    @Test
    void anInheritanceIntoThreeIsOneLedgerCallAndTheLineageReadsBothWays() {
        register("SD-1", "2.4711", LandType.DRY_LAND, rectangle(150_000, 2_950_000, 100, 100));
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("SD-1", 1, "BOB-7", "Bank of Bhutan"));
        h.submitter.submitDue();

        List<SubmissionAck> acks = h.lineage.subdivide(CLERK, new SubdivideCommand("SD-1", 2, List.of(
                child("SD-11", "0.9884", rectangle(150_000, 2_950_000, 40, 100)),
                child("SD-12", "0.7414", rectangle(150_040, 2_950_000, 30, 100)),
                child("SD-13", "0.7413", rectangle(150_070, 2_950_000, 30, 100)))));
        assertEquals(List.of("land-title:SD-1", "land-title:SD-11", "land-title:SD-12", "land-title:SD-13"),
                acks.stream().map(SubmissionAck::recordKey).toList());
        assertEquals(4, acks.get(0).version(), "v3 records the parcel's facts first, v4 retires it");
        h.submitter.submitDue();
        h.submitter.submitDue();

        List<LedgerCall> calls = h.ledger.committedCalls();
        LedgerCall facts = calls.get(calls.size() - 2);
        LedgerCall subdivision = calls.get(calls.size() - 1);
        assertEquals("RecordParcelFacts", facts.function());
        assertEquals("SubdivideParcel", subdivision.function());
        JsonObject parentFacts = json(facts.arguments().get(4)).asJsonObject();
        assertEquals("247.11", parentFacts.getString("areaDecimals"));
        assertEquals("DRY_LAND", parentFacts.getString("landType"));
        String digest = OwnersDigest.of(h.secrets.secret(OwnersDigest.KEY_NAME), title("SD-11").owners());
        assertEquals(digest, parentFacts.getString("ownersDigest"));
        JsonArray children = json(subdivision.arguments().get(4)).asJsonArray();
        assertEquals(3, children.size());
        for (int i = 0; i < 3; i++) {
            JsonObject c = children.getJsonObject(i);
            RecordVersion child = current("SD-1" + (i + 1));
            assertEquals(child.recordKey(), c.getString("key"));
            assertEquals(child.hash(), c.getString("hash"), "the ledger holds each child's own hash");
            assertEquals(List.of("BOB-7"), c.getJsonArray("openMortgages").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList());
            assertEquals(digest, c.getJsonObject("facts").getString("ownersDigest"), "same owners, same digest");
            assertEquals(LedgerState.COMMITTED, child.ledgerState(), child.recordKey());
            assertEquals(current("SD-1").receipt().txId(), child.receipt().txId(), "one transaction wrote them all");
        }
        assertEquals(LedgerState.COMMITTED, current("SD-1").ledgerState());

        LandTitle parent = title("SD-1");
        assertEquals(TitleStatus.RETIRED, parent.status());
        assertEquals(new Lineage(List.of(), List.of("SD-11", "SD-12", "SD-13")), parent.lineage());
        assertEquals(List.of(), parent.mortgages(), "the mortgage went with the land");
        LandTitle first = title("SD-11");
        assertEquals(Lineage.cameFrom("SD-1"), first.lineage());
        assertEquals(TitleStatus.ENCUMBERED, first.status());
        assertEquals("BOB-7", first.mortgages().get(0).ref());
        assertEquals(parent.owners(), first.owners(), "the heirs hold every part as they held the whole");
        assertEquals(TitleStatus.RETIRED, h.parcels.findByPin("SD-1").orElseThrow().status(), "the parent stays searchable");

        // The parent's boundary no longer counts: a child's neighbour may now be drawn where the parent was not subdivided.
        assertEquals(3, h.liveBoundaries.size(bt.druk.registry.domain.land.SurveyCrs.BHUTAN_NATIONAL_GRID));
        // A retired title takes no further dealing.
        assertEquals(List.of(" title.retired"), errors(() -> h.land.lodgeCaveat(CLERK,
                new LodgeCaveatCommand("SD-1", 4, "CV-1", "Court order"))));

        // A child subdivided again needs no second facts version: its first version carried them.
        int before = h.ledger.committedCalls().size();
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-12", 1, List.of(child("SD-121", "0.4", null), child("SD-122", "0.3414", null))));
        h.submitter.submitDue();
        assertEquals(List.of("SubdivideParcel"), h.ledger.committedCalls().subList(before, h.ledger.committedCalls().size())
                .stream().map(LedgerCall::function).toList());
    }

    @Test
    void theLandActsLimitsAndTheAreasAreCheckedAtTheirFieldsBeforeAnythingIsSaved() {
        register("SD-2", "1", LandType.WETLAND, null);
        int versions = h.records.versionsOf("land-title:SD-2").size();
        assertEquals(List.of("children[1].areaAcres plot.too-small"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-2", 1, List.of(child("SD-21", "0.95", null), child("SD-22", "0.05", null))))));
        assertEquals(List.of("children[0].landType wetland.conversion"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-2", 1, List.of(new SubdivideCommand.Child("SD-21", null, null, new BigDecimal("0.5"),
                        LandType.HOUSE_PLOT, null), child("SD-22", "0.5", null))))));
        assertEquals(List.of("children area.mismatch"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-2", 1, List.of(child("SD-21", "0.5", null), child("SD-22", "0.4", null))))));
        assertEquals(List.of("children children.count"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-2", 1, List.of(child("SD-21", "1", null))))));
        assertEquals(List.of("children[1].pin pin.duplicate"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-2", 1, List.of(child("SD-21", "0.5", null), child("SD-21", "0.5", null))))));
        register("SD-3", "1", LandType.DRY_LAND, null);
        assertEquals(List.of("children[1].pin pin.registered"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-2", 1, List.of(child("SD-21", "0.5", null), child("SD-3", "0.5", null))))));
        // Within 0.5 % the parts may be measured anew.
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-2", 1, List.of(child("SD-21", "0.502", null), child("SD-22", "0.502", null))));
        assertEquals(versions + 2, h.records.versionsOf("land-title:SD-2").size(), "only the accepted subdivision was saved");
    }

    @Test
    void aCaveatOrAPendingTransferStopsASubdivision() {
        register("SD-4", "1", LandType.DRY_LAND, null);
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("SD-4", 1, "CV-9", "Boundary dispute"));
        // What stops any subdivision of the parcel is said first, before the children's fields (a plot too small here).
        assertEquals(List.of(" title.caveat-open"), errors(() -> h.lineage.subdivide(CLERK,
                new SubdivideCommand("SD-4", 2, List.of(child("SD-41", "0.99", null), child("SD-42", "0.01", null))))));
    }

    @Test
    void aChildsBoundaryOverlappingALiveParcelOrASiblingIsRefusedNamingThePins() {
        register("SD-5", "2.4711", LandType.DRY_LAND, rectangle(150_000, 2_950_000, 100, 100));
        register("SD-6", "2.4711", LandType.DRY_LAND, rectangle(150_100, 2_950_000, 100, 100));
        ValidationException e = assertThrows(ValidationException.class, () -> h.lineage.subdivide(CLERK, new SubdivideCommand("SD-5", 1,
                List.of(child("SD-51", "1.2356", rectangle(150_000, 2_950_000, 50, 100)),
                        child("SD-52", "1.4826", rectangle(150_045, 2_950_000, 60, 100))))));
        Map<String, String> byField = e.errors().stream().collect(Collectors.toMap(f -> f.field(), f -> f.message()));
        assertEquals(List.of("children[1].boundary"), List.copyOf(byField.keySet()));
        String message = byField.get("children[1].boundary");
        assertTrue(message.contains("SD-6 (500.00 m²)") && message.contains("SD-51 (500.00 m²)"), message);
        assertFalse(message.contains("SD-5 "), "the parent itself is not in the way: " + message);
    }

    @Test
    void aSubdivisionTheLedgerRefusesTakesEveryVersionBackWithIt() {
        register("SD-7", "1", LandType.DRY_LAND, null);
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-7", 1, List.of(child("SD-71", "0.5", null), child("SD-72", "0.5", null))));
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, current("SD-71").ledgerState());
        // SD-71's facts came with its first version: its subdivision is the one call, and the ledger refuses it.
        h.ledger.refuseNext("ENCUMBERED", "land-title:SD-71 has an open caveat lodged by another portal");
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-71", 1, List.of(child("SD-711", "0.25", null), child("SD-712", "0.25", null))));
        h.submitter.submitDue();
        assertTrue(h.pipeline.current("land-title:SD-711").isEmpty(), "a child the ledger never wrote is gone");
        assertTrue(h.pipeline.current("land-title:SD-712").isEmpty());
        assertEquals(LedgerState.REJECTED, h.records.versionsOf("land-title:SD-711").get(0).ledgerState());
        assertEquals("ENCUMBERED", h.records.versionsOf("land-title:SD-712").get(0).rejectionCode());
        assertEquals(1, current("SD-71").version(), "the parent is back at its first version");
        assertEquals(TitleStatus.REGISTERED, title("SD-71").status());
        assertTrue(h.parcels.findByPin("SD-711").isEmpty(), "nor is it searchable");
        assertEquals(TitleStatus.REGISTERED, h.parcels.findByPin("SD-71").orElseThrow().status());
    }

    @Test
    void aGrandchildSubdivisionWaitingForARefusedSubdivisionFallsWithIt() {
        register("SD-9", "1", LandType.DRY_LAND, null);
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-9", 1, List.of(child("SD-91", "0.5", null), child("SD-92", "0.5", null))));
        h.submitter.submitDue();
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-91", 1, List.of(child("SD-911", "0.25", null), child("SD-912", "0.25", null))));
        // SD-911 divided again before its own subdivision reached the ledger: that call waits for the first.
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-911", 1, List.of(child("SD-9111", "0.125", null),
                child("SD-9112", "0.125", null))));
        h.ledger.refuseNext("ENCUMBERED", "land-title:SD-91 has an open caveat lodged by another portal");
        h.submitter.submitDue();
        h.submitter.submitDue();
        for (String gone : List.of("SD-911", "SD-912", "SD-9111", "SD-9112")) {
            assertTrue(h.pipeline.current("land-title:" + gone).isEmpty(), gone + " was never written and is gone");
        }
        assertEquals(OutboxProcessor.PREDECESSOR_REJECTED, h.records.versionsOf("land-title:SD-9112").get(0).rejectionCode(),
                "the grandchild falls with the subdivision it waited for");
        assertEquals(1, current("SD-91").version());
        assertEquals(List.of("RegisterTitle", "RecordParcelFacts", "SubdivideParcel"),
                h.ledger.committedCalls().stream().map(LedgerCall::function).toList(), "nothing more reached the ledger");
    }

    @Test
    void aMortgageOnAChildWaitsForTheSubdivisionThatCreatesIt() {
        register("SD-8", "1", LandType.DRY_LAND, null);
        h.lineage.subdivide(CLERK, new SubdivideCommand("SD-8", 1, List.of(child("SD-81", "0.5", null), child("SD-82", "0.5", null))));
        // Before anything reached the ledger: the bank's mortgage on one child.
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("SD-81", 1, "BNB-9", "Bhutan National Bank"));
        h.submitter.submitDue();
        h.submitter.submitDue();
        assertEquals(List.of("RegisterTitle", "RecordParcelFacts", "SubdivideParcel", "RegisterMortgage"),
                h.ledger.committedCalls().stream().map(LedgerCall::function).toList(), "each record's writes in order");
        assertEquals(LedgerState.COMMITTED, current("SD-81").ledgerState());
        assertEquals(2, current("SD-81").version());
    }

    @Test
    void aRegistrationWithABoundaryAndASubdivisionTakeTheBoundaryLockAndABoundlessRegistrationDoesNot() {
        register("LK-1", "1", LandType.DRY_LAND, null);
        assertEquals(0, h.parcels.boundaryLocks(), "nothing drawn, nothing to serialise");
        register("LK-2", "1", LandType.DRY_LAND, rectangle(214000, 3041900, 100, 40.468564224));
        assertEquals(1, h.parcels.boundaryLocks());
        h.lineage.subdivide(CLERK, new SubdivideCommand("LK-1", 1, List.of(child("LK-11", "0.5", null), child("LK-12", "0.5", null))));
        assertEquals(2, h.parcels.boundaryLocks());
    }
}
