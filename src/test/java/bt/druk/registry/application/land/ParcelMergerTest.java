package bt.druk.registry.application.land;

import static bt.druk.registry.application.land.LandTests.errors;
import static bt.druk.registry.application.land.LandTests.json;
import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Lineage;
import bt.druk.registry.domain.land.Mortgage;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A merger through the portal: parcels of the same owners joined by one ledger call, their mortgages carried. */
class ParcelMergerTest {

    private final PortalHarness h = new PortalHarness();

    private void register(String pin, String acres, LandType type, String secondOwnerShare) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-" + pin, "Thimphu", "Kawang",
                new BigDecimal(acres), type, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1/2"),
                        new OwnerInput("Sonam Choden", "10101001235", secondOwnerShare)), null, null));
    }

    private static MergeCommand merger(String child, String acres, String... parents) {
        return new MergeCommand(java.util.Arrays.stream(parents).map(p -> new MergeCommand.Parent(p, null)).toList(),
                new SubdivideCommand.Child(child, null, null, new BigDecimal(acres), null, null));
    }

    private LandTitle title(String pin) {
        return h.reader.read(h.pipeline.current(LandTitle.recordKeyOf(pin)).orElseThrow().canonicalJson());
    }

    @Test
    void twoParcelsOfTheSameOwnersBecomeOneCarryingBothMortgages() {
        register("MG-1", "0.6", LandType.DRY_LAND, "1/2");
        register("MG-2", "0.4", LandType.DRY_LAND, "1/2");
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("MG-1", 1, "BOB-1", "Bank of Bhutan"));
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("MG-2", 1, "BNB-2", "Bhutan National Bank"));
        h.submitter.submitDue();

        List<SubmissionAck> acks = h.lineage.merge(CLERK, merger("MG-3", "1", "MG-1", "MG-2"));
        assertEquals(List.of("land-title:MG-3", "land-title:MG-1", "land-title:MG-2"), acks.stream().map(SubmissionAck::recordKey).toList());
        h.submitter.submitDue();
        h.submitter.submitDue();

        List<LedgerCall> calls = h.ledger.committedCalls();
        assertEquals(List.of("RecordParcelFacts", "RecordParcelFacts", "MergeParcels"), calls.subList(calls.size() - 3, calls.size())
                .stream().map(LedgerCall::function).toList(), "each parent's facts reach the ledger before the merger");
        LedgerCall merge = calls.get(calls.size() - 1);
        JsonArray parents = json(merge.arguments().get(0)).asJsonArray();
        assertEquals(List.of("land-title:MG-1", "land-title:MG-2"), parents.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("key")).toList());
        assertEquals(4, parents.getJsonObject(0).getInt("version"), "v3 the facts, v4 retired");
        JsonObject child = json(merge.arguments().get(1)).asJsonObject();
        assertEquals("100", child.getJsonObject("facts").getString("areaDecimals"));
        assertEquals(List.of("BOB-1", "BNB-2"), child.getJsonArray("openMortgages").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());

        LandTitle made = title("MG-3");
        assertEquals(new Lineage(List.of("MG-1", "MG-2"), List.of()), made.lineage());
        assertEquals(List.of("BOB-1", "BNB-2"), made.mortgages().stream().map(Mortgage::ref).toList());
        assertEquals(TitleStatus.ENCUMBERED, made.status());
        for (String pin : List.of("MG-1", "MG-2", "MG-3")) {
            assertEquals(LedgerState.COMMITTED, h.pipeline.current(LandTitle.recordKeyOf(pin)).orElseThrow().ledgerState(), pin);
        }
        assertEquals(TitleStatus.RETIRED, title("MG-1").status());
        assertEquals(List.of("MG-3"), title("MG-2").lineage().wentInto());
    }

    @Test
    void parcelsOfOtherOwnersOrSharesAreNotMergedAndTheAreasMustAddUp() {
        register("MG-4", "0.5", LandType.DRY_LAND, "1/2");
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("MG-5", "T-5", "Thimphu", "Kawang", new BigDecimal("0.5"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1/3"),
                        new OwnerInput("Sonam Choden", "10101001235", "2/3")), null, null));
        ValidationException differ = assertThrows(ValidationException.class, () -> h.lineage.merge(CLERK, merger("MG-6", "1", "MG-4", "MG-5")));
        assertEquals("owners.differ", differ.errors().get(0).code());
        assertTrue(differ.getMessage().contains("MG-4") && differ.getMessage().contains("MG-5"), differ.getMessage());

        register("MG-7", "0.5", LandType.WETLAND, "1/2");
        assertEquals(List.of("child.areaAcres area.mismatch"), errors(() -> h.lineage.merge(CLERK, merger("MG-8", "0.9", "MG-4", "MG-7"))));
        assertEquals(List.of("child.landType wetland.conversion"), errors(() -> h.lineage.merge(CLERK,
                new MergeCommand(List.of(new MergeCommand.Parent("MG-7", 1), new MergeCommand.Parent("MG-4", 1)),
                        new SubdivideCommand.Child("MG-8", null, null, BigDecimal.ONE, LandType.DRY_LAND, null)))));
        assertEquals(List.of("parents parents.count"), errors(() -> h.lineage.merge(CLERK, merger("MG-8", "0.5", "MG-4"))));
        assertEquals(1, h.records.versionsOf("land-title:MG-4").size(), "nothing saved");
    }
}
