package bt.druk.registry.application.land;

import static bt.druk.registry.application.land.LandTests.errors;
import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.land.CensusHousehold;
import bt.druk.registry.domain.land.LandHolding;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Land Act 2007's 25 acres per family: a family is a census household (or an owner without a
 * household number, alone), its holding the sum of area × share over live titles, checked whenever
 * land goes to owners.
 */
class FamilyCeilingTest {

    private static final String KARMA = "10101001234";
    private static final String SONAM = "10101001235";
    private static final String DORJI = "11512009871";
    private static final String PEMA = "11512009872";
    private static final String ORDER = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final PortalHarness h = new PortalHarness();

    private static FirstRegistrationCommand parcel(String pin, String acres, OwnerInput... owners) {
        return new FirstRegistrationCommand(pin, "T-" + pin, "Thimphu", "Kawang", new BigDecimal(acres), LandType.DRY_LAND,
                List.of(owners));
    }

    private void register(String pin, String acres, OwnerInput... owners) {
        h.land.registerFirstTitle(CLERK, parcel(pin, acres, owners));
        h.submitter.submitDue();
    }

    private static OwnerInput whole(String name, String cid, String household) {
        return new OwnerInput(name, cid, "1", household);
    }

    private int versionOf(String pin) {
        return h.pipeline.current(LandTitle.recordKeyOf(pin)).map(v -> v.version()).orElse(0);
    }

    @Test
    void twoMembersOfAHouseholdAreOneFamilyRefusedAboveTwentyFiveAcresAndAcceptedAtExactlyTwentyFive() {
        register("FC-1", "20", whole("Karma Wangchuk", KARMA, "1234-56"));

        // Sonam, of the same household, would take it to 25.5 acres.
        FirstRegistrationCommand over = parcel("FC-2", "5.5", whole("Sonam Choden", SONAM, "1234-56"));
        ValidationException refused = assertThrows(ValidationException.class, () -> h.land.registerFirstTitle(CLERK, over));
        FieldError error = refused.errors().get(0);
        assertEquals(List.of("owners[0].household family.ceiling"), refused.errors().stream().map(e -> e.field() + " " + e.code()).toList());
        assertEquals("The Land Act 2007 limits a family's land to 25 acres: household 1234-56 holds 20.0 acres and would hold 25.5"
                + " with this parcel.", error.message());
        assertEquals(List.of("25", "1234-56", "20.0", "25.5"), error.arguments());
        assertEquals(0, versionOf("FC-2"), "nothing saved");
        assertTrue(h.households.find(SONAM).isEmpty(), "the household of a refused registration is not kept");
        assertEquals(refused.errors(), h.land.checkFirstRegistration(CLERK, over), "the bulk import's check refuses it alike");

        // Exactly 25 is within the ceiling.
        assertEquals(List.of(), h.land.checkFirstRegistration(CLERK, parcel("FC-2", "5", whole("Sonam Choden", SONAM, "1234-56"))));
        register("FC-2", "5", whole("Sonam Choden", SONAM, "1234-56"));
        assertEquals(1, versionOf("FC-2"));

        // Another household is another family.
        register("FC-3", "24", whole("Dorji Wangmo", DORJI, "7788"));
        assertEquals(1, versionOf("FC-3"));
    }

    @Test
    void anOwnerWithNoHouseholdNumberIsAFamilyOfOneRefusedAtTheCid() {
        register("FC-11", "24.5", new OwnerInput("Karma Wangchuk", KARMA, "1"));

        assertEquals(List.of("owners[0].cid family.ceiling-alone"),
                errors(() -> h.land.registerFirstTitle(CLERK, parcel("FC-12", "1.5", new OwnerInput("Karma Wangchuk", KARMA, "1")))));
        FieldError error = h.land.checkFirstRegistration(CLERK, parcel("FC-12", "1.5", new OwnerInput("Karma Wangchuk", KARMA, "1"))).get(0);
        assertEquals("The Land Act 2007 limits a family's land to 25 acres: CID 10101001234 (no household number recorded: a family"
                + " of one) holds 24.5 acres and would hold 26.0 with this parcel.", error.message());

        // Someone else without a household number is a family of their own.
        register("FC-13", "10", new OwnerInput("Sonam Choden", SONAM, "1"));
        assertEquals(1, versionOf("FC-13"));
    }

    @Test
    void aHalfShareOfTenAcresCountsAsFive() {
        register("FC-21", "10", new OwnerInput("Karma Wangchuk", KARMA, "1/2", "1234-56"),
                new OwnerInput("Sonam Choden", SONAM, "1/2", "9999"));

        // Karma's household holds 5 acres: 20.5 more is too much, 20 is not.
        assertEquals(List.of("owners[0].household family.ceiling"),
                errors(() -> h.land.registerFirstTitle(CLERK, parcel("FC-22", "20.5", whole("Karma Wangchuk", KARMA, null)))));
        register("FC-22", "20", whole("Karma Wangchuk", KARMA, null));
        assertEquals(1, versionOf("FC-22"));

        // A third of 75 acres is 25, exactly: added up as fractions, never rounded below or above.
        register("FC-23", "75", new OwnerInput("Dorji Wangmo", DORJI, "1/3"), new OwnerInput("Pema Dorji", PEMA, "1/3"),
                new OwnerInput("Tashi Dorji", "10101007777", "1/3"));
        assertEquals(1, versionOf("FC-23"));
    }

    @Test
    void aRetiredParcelIsNotCountedOnlyTheParcelsItWentInto() {
        register("FC-31", "20", whole("Karma Wangchuk", KARMA, "1234-56"));
        h.lineage.subdivide(CLERK, new SubdivideCommand("FC-31", 1, List.of(
                new SubdivideCommand.Child("FC-311", null, null, new BigDecimal("12"), null, null),
                new SubdivideCommand.Child("FC-312", null, null, new BigDecimal("8"), null, null))));
        h.submitter.submitDue();
        assertEquals(TitleStatus.RETIRED, h.parcels.findByPin("FC-31").orElseThrow().status());
        assertEquals(List.of("land-title:FC-311", "land-title:FC-312"),
                h.holdings.ofOwners(List.of(KARMA)).stream().map(LandHolding::recordKey).sorted().toList());

        // The household holds 20 acres (the children), not 40: 5 more is exactly the ceiling.
        register("FC-32", "5", whole("Sonam Choden", SONAM, "1234-56"));
        assertEquals(1, versionOf("FC-32"));
    }

    @Test
    void aTransferToAFamilyNearTheCeilingIsRefusedWhenItIsLodged() {
        register("FC-41", "24", whole("Dorji Wangmo", DORJI, "5501"));
        register("FC-42", "2", new OwnerInput("Karma Wangchuk", KARMA, "1"));

        // Pema joins Dorji's household (typed in lower case) as the buyer.
        LodgeTransferCommand sale = new LodgeTransferCommand("FC-42", 1, TransferType.SALE,
                List.of(new OwnerInput("Pema Dorji", PEMA, "1", " 5501 ")));
        ValidationException refused = assertThrows(ValidationException.class, () -> h.land.lodgeTransfer(CLERK, sale));
        assertEquals("newOwners[0].household", refused.errors().get(0).field());
        assertEquals("The Land Act 2007 limits a family's land to 25 acres: household 5501 holds 24.0 acres and would hold 26.0"
                + " with this parcel.", refused.errors().get(0).message());
        assertEquals(1, versionOf("FC-42"), "nothing lodged");

        // A household above the ceiling (by a court's order) may still pass land between its members: its holding does not grow.
        register("FC-43", "20", whole("Sonam Choden", SONAM, "8800"));
        register("FC-44", "10", new OwnerInput("Yeshi Lhaden", "10107000241", "1"));
        h.land.transferByCourtOrder(CLERK, new CourtOrderTransferCommand("FC-44", 1, "High Court", "HC-1/2026", ORDER,
                List.of(new OwnerInput("Sonam Choden", SONAM, "1"))));
        h.land.lodgeTransfer(CLERK, new LodgeTransferCommand("FC-43", 1, TransferType.GIFT,
                List.of(new OwnerInput("Sonam Choden", SONAM, "1/2"), new OwnerInput("Tashi Dorji", "10101007777", "1/2", "8800"))));
        assertEquals(2, versionOf("FC-43"));
    }

    @Test
    void aTransferIsCheckedAgainWhenItIsFinalised() {
        register("FC-51", "2", new OwnerInput("Karma Wangchuk", KARMA, "1"));
        h.land.lodgeTransfer(CLERK, new LodgeTransferCommand("FC-51", 1, TransferType.SALE,
                List.of(new OwnerInput("Pema Dorji", PEMA, "1", "6600"))));
        h.submitter.submitDue();
        // During the notice period the buyer's household is given 24 acres elsewhere.
        register("FC-52", "24", whole("Dorji Wangmo", DORJI, "6600"));

        h.clock.advance(Duration.ofSeconds(PortalHarness.NOTICE_SECONDS + 1));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> h.land.finaliseTransfer(CLERK, new FinaliseTransferCommand("FC-51", 2)));
        assertEquals(List.of("newOwners[0].household family.ceiling"),
                refused.errors().stream().map(e -> e.field() + " " + e.code()).toList());
        assertEquals(List.of("25", "6600", "24.0", "26.0"), refused.errors().get(0).arguments());
        assertEquals(TitleStatus.TRANSFER_PENDING, h.parcels.findByPin("FC-51").orElseThrow().status(), "still pending");
    }

    @Test
    void theHouseholdIsKeptInThePortalAndAChangeIsLoggedWithWhoMadeIt() {
        register("FC-61", "20", whole("Karma Wangchuk", KARMA, "1234-ab"));
        CensusHousehold kept = h.households.find(KARMA).orElseThrow();
        assertEquals("1234-AB", kept.household(), "upper-cased as the census writes it");
        assertEquals("land.clerk", kept.recordedBy());
        String document = h.pipeline.current("land-title:FC-61").orElseThrow().canonicalJson();
        assertFalse(document.contains("1234-AB") || document.contains(KARMA), "neither in the hashed document");
        assertFalse(h.ledger.committedCalls().toString().contains("1234-AB"), "nor on the ledger");

        // The census moves Karma to another household: his 20 acres go with him.
        register("FC-62", "1", whole("Karma Wangchuk", KARMA, "4321"));
        assertEquals("4321", h.households.find(KARMA).orElseThrow().household());
        StaffEvent moved = h.staffLog.all().stream().filter(e -> e.kind() == StaffEvent.Kind.HOUSEHOLD_CHANGED).findFirst().orElseThrow();
        assertEquals("land.clerk", moved.actor());
        assertEquals("cid " + KARMA, moved.subject());
        assertEquals("household 1234-AB -> 4321", moved.detail());

        register("FC-63", "25", whole("Sonam Choden", SONAM, "1234-AB"));
        assertEquals(1, versionOf("FC-63"), "household 1234-AB holds nothing once Karma left it");
        assertEquals(List.of("owners[0].household family.ceiling"),
                errors(() -> h.land.registerFirstTitle(CLERK, parcel("FC-64", "5", whole("Dorji Wangmo", DORJI, "4321")))));
        // Typed again with the same number, nothing changes and nothing more is logged.
        register("FC-65", "1", whole("Pema Dorji", PEMA, "9000"));
        register("FC-66", "1", whole("Pema Dorji", PEMA, "9000"));
        assertEquals(1, h.staffLog.all().stream().filter(e -> e.kind() == StaffEvent.Kind.HOUSEHOLD_CHANGED).count());
    }

    @Test
    void aHouseholdNumberIsCheckedAtItsField() {
        assertEquals(List.of("owners[0].household household.format", "owners[1].household text.characters"),
                errors(() -> h.land.registerFirstTitle(CLERK, parcel("FC-71", "1",
                        new OwnerInput("Karma Wangchuk", KARMA, "1/2", "12 34"),
                        new OwnerInput("Sonam Choden", SONAM, "1/2", "12\u202e34")))));
        assertEquals(List.of("newOwners[0].household household.format"),
                errors(() -> h.land.lodgeTransfer(CLERK, new LodgeTransferCommand("FC-71", 1, TransferType.SALE,
                        List.of(new OwnerInput("Karma Wangchuk", KARMA, "1", "1".repeat(21)))))));
        register("FC-72", "1", new OwnerInput("Karma Wangchuk", KARMA, "1", " "));
        assertTrue(h.households.find(KARMA).isEmpty(), "a blank household number is none");
    }

    @Test
    void aCourtOrderOverTheCeilingIsRegisteredAndFlaggedForTheRegistrar() {
        register("FC-81", "24", whole("Dorji Wangmo", DORJI, "5501"));
        register("FC-82", "2", new OwnerInput("Karma Wangchuk", KARMA, "1"));

        h.land.transferByCourtOrder(CLERK, new CourtOrderTransferCommand("FC-82", 1, "High Court", "HC-9/2026", ORDER,
                List.of(new OwnerInput("Pema Dorji", PEMA, "1", "5501"))));
        h.submitter.submitDue();
        LandTitle t = h.reader.read(h.pipeline.current("land-title:FC-82").orElseThrow().canonicalJson());
        assertEquals(List.of(PEMA), t.owners().stream().map(Owner::cid).toList(), "the court's order outranks the ceiling");

        StaffEvent flag = h.staffLog.all().stream().filter(e -> e.kind() == StaffEvent.Kind.LAND_CEILING_EXCEEDED)
                .findFirst().orElseThrow();
        assertEquals("land-title:FC-82 v2", flag.subject());
        assertEquals("court order HC-9/2026: household 5501 24 -> 26 acres (ceiling 25)", flag.detail());

        List<FieldError> warnings = h.land.familyCeilingWarnings(CLERK, "FC-82");
        assertEquals(List.of("owners[0].household family.above-ceiling"), warnings.stream().map(w -> w.field() + " " + w.code()).toList());
        assertEquals("Household 5501 holds 26.0 acres, above the Land Act 2007's ceiling of 25 acres for a family.",
                warnings.get(0).message());
        assertEquals(warnings, h.land.familyCeilingWarnings(CLERK, "FC-81"), "the household's other parcel says the same");

        // Within the ceiling, a court order is registered without a flag.
        register("FC-83", "1", new OwnerInput("Sonam Choden", SONAM, "1"));
        h.land.transferByCourtOrder(CLERK, new CourtOrderTransferCommand("FC-83", 1, "High Court", "HC-10/2026", ORDER,
                List.of(new OwnerInput("Karma Wangchuk", KARMA, "1"))));
        assertEquals(1, h.staffLog.all().stream().filter(e -> e.kind() == StaffEvent.Kind.LAND_CEILING_EXCEEDED).count());
        assertEquals(List.of(), h.land.familyCeilingWarnings(CLERK, "FC-83"));
    }
}
