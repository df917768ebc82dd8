package bt.druk.registry.domain.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.land.FamilyCeiling.Excess;
import bt.druk.registry.domain.land.FamilyCeiling.Family;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The family ceiling's sums: exact fractions, the title changed counted once, figures as the refusal shows them. */
class FamilyCeilingArithmeticTest {

    private static final FamilyCeiling CEILING = new FamilyCeiling(new BigDecimal("25"));
    private static final Family HOUSEHOLD = new Family("5501", Set.of("10000000001", "10000000002"));

    private static Owner owner(String cid, String share) {
        return Owner.named("Owner " + cid, cid, Share.parse(share));
    }

    private static List<Excess> giving(String acres, List<Owner> owners, List<LandHolding> held) {
        Map<String, Family> families = Map.of("10000000001", HOUSEHOLD, "10000000002", HOUSEHOLD);
        return CEILING.excesses("land-title:NEW", new BigDecimal(acres), owners, families, held);
    }

    @Test
    void thirdsAddUpToExactlyTheCeilingAndAnyMoreIsAbove() {
        // A third and two thirds of 10 acres, held by two members: 10 acres, not 9.9999 or 10.0001.
        List<LandHolding> held = List.of(
                new LandHolding("land-title:A", "10000000001", Share.parse("1/3"), new BigDecimal("10")),
                new LandHolding("land-title:A", "10000000002", Share.parse("2/3"), new BigDecimal("10")));
        assertEquals(List.of(), giving("15", List.of(owner("10000000001", "1")), held));
        Excess over = giving("15.0001", List.of(owner("10000000001", "1")), held).get(0);
        assertEquals("10.0", FamilyCeiling.shown(over.before()));
        assertEquals("25.0001", FamilyCeiling.shown(over.after()));
        assertEquals("owners[0].household", over.field("owners"));
    }

    @Test
    void theTitleChangedCountsWithItsNewOwnersNotItsOldAndAFamilyAboveMayKeepWhatItHas() {
        // The family holds 30 acres, 20 of them this title: passing it between its members raises nothing.
        List<LandHolding> held = List.of(
                new LandHolding("land-title:NEW", "10000000001", Share.WHOLE, new BigDecimal("20")),
                new LandHolding("land-title:B", "10000000002", Share.WHOLE, new BigDecimal("10")));
        assertEquals(List.of(), giving("20", List.of(owner("10000000001", "1/2"), owner("10000000002", "1/2")), held));
        // Two members receiving one parcel: one refusal for the family, at its first member.
        List<Excess> excesses = CEILING.excesses("land-title:C", new BigDecimal("20"),
                List.of(owner("10000000009", "1/2"), owner("10000000001", "1/4"), owner("10000000002", "1/4")),
                Map.of("10000000001", HOUSEHOLD, "10000000002", HOUSEHOLD), held);
        assertEquals(1, excesses.size());
        assertEquals(1, excesses.get(0).ownerIndex());
        assertEquals(new BigDecimal("40.0000"), excesses.get(0).after());
    }

    @Test
    void aCeilingIsAboveZeroAndShownAsSet() {
        assertThrows(IllegalArgumentException.class, () -> new FamilyCeiling(BigDecimal.ZERO));
        assertEquals("25", FamilyCeiling.ceiling(new BigDecimal("25.00")));
        assertEquals("12.5", FamilyCeiling.ceiling(new BigDecimal("12.50")));
        assertEquals("26.0", FamilyCeiling.shown(new BigDecimal("26.0000")));
        assertEquals("30.0", FamilyCeiling.shown(new BigDecimal("3E+1")));
    }
}
