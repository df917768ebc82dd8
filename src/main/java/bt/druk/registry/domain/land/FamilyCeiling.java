package bt.druk.registry.domain.land;

import bt.druk.registry.domain.shared.FieldError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Land Act 2007's ceiling on the land one family may hold, in acres (25 by default). A family is
 * a household as the census records it; a person with no household number recorded is a family of
 * one. A family's holding is the sum, over live titles, of the title's area times the share of each
 * of its owners in that family, added up exactly (a third of 75 acres is 25, not 24.9999).
 *
 * <p>A change of owners is refused for a family it takes above the ceiling, and only when it raises
 * that family's holding: a family already above it (land held before the Act, a court's verdict)
 * may still pass a parcel between its own members or sell one.
 *
 * <p>The check needs personal data (who lives in which household), so the portal makes it and the
 * chaincode never sees it.
 *
 * @param acres the most a family may hold; above zero
 */
public record FamilyCeiling(BigDecimal acres) {

    /** The error code of a change refused for a household's holding, and of one refused for a family of one. */
    public static final String CODE = "family.ceiling";
    public static final String CODE_ALONE = "family.ceiling-alone";
    /** The code of a family found above the ceiling now (a court's verdict, land held before the Act): a warning, not a refusal. */
    public static final String ABOVE = "family.above-ceiling";
    public static final String ABOVE_ALONE = "family.above-ceiling-alone";

    public FamilyCeiling {
        Objects.requireNonNull(acres, "acres");
        if (acres.signum() <= 0) {
            throw new IllegalArgumentException("a family's ceiling is above zero acres: " + acres);
        }
    }

    /**
     * A family: a household and the CIDs recorded in it, or one person without a household number.
     *
     * @param household the household number, or null for a family of one
     * @param cids      its members; the one person's CID for a family of one
     */
    public record Family(String household, Set<String> cids) {
        public Family {
            cids = Set.copyOf(cids);
        }

        public static Family alone(String cid) {
            return new Family(null, Set.of(cid));
        }

        public boolean isHousehold() {
            return household != null;
        }
    }

    /**
     * A family a change takes above the ceiling (or, for {@link #above}, one above it now), named at
     * the first of its members among the title's owners.
     *
     * @param ownerIndex where that owner is in the list of owners checked
     * @param cid        that owner's CID
     * @param before     the family's holding before the change, in acres (exact up to 4 places)
     * @param after      and after it
     */
    public record Excess(int ownerIndex, String cid, Family family, BigDecimal before, BigDecimal after) {

        /** The field of a refusal or warning: the owner's household where the family is one, else the CID. */
        public String field(String ownersField) {
            return ownersField + "[" + ownerIndex + "]." + (family.isHousehold() ? "household" : "cid");
        }
    }

    /**
     * The families whose holding the change takes above the ceiling while raising it.
     *
     * @param recordKey the title changed: its holdings by its current owners count before the change, never after
     * @param areaAcres its area after the change
     * @param owners    its owners after the change, in the order the refusals name them
     * @param familyOf  each owner's family, by CID
     * @param held      the live titles' holdings of every member of those families (those of the
     *                  title changed by its current owners among them; any of another CID are ignored)
     */
    public List<Excess> excesses(String recordKey, BigDecimal areaAcres, List<Owner> owners, Map<String, Family> familyOf,
                                 List<LandHolding> held) {
        List<Excess> found = new ArrayList<>();
        for (Standing standing : standings(owners, familyOf)) {
            Acres before = heldBy(standing.family(), held, holding -> true);
            Acres after = heldBy(standing.family(), held, holding -> !holding.recordKey().equals(recordKey));
            for (Owner owner : owners) {
                if (standing.family().cids().contains(owner.cid())) {
                    after = after.plus(areaAcres, owner.share());
                }
            }
            if (after.isAbove(acres) && after.compareTo(before) > 0) {
                found.add(new Excess(standing.ownerIndex(), standing.cid(), standing.family(), before.shown(), after.shown()));
            }
        }
        return found;
    }

    /** The families of these owners that hold more than the ceiling now ({@code before} and {@code after} alike). */
    public List<Excess> above(List<Owner> owners, Map<String, Family> familyOf, List<LandHolding> held) {
        List<Excess> found = new ArrayList<>();
        for (Standing standing : standings(owners, familyOf)) {
            Acres now = heldBy(standing.family(), held, holding -> true);
            if (now.isAbove(acres)) {
                found.add(new Excess(standing.ownerIndex(), standing.cid(), standing.family(), now.shown(), now.shown()));
            }
        }
        return found;
    }

    /** The refusal of a change, at {@code ownersField[i].household} (or {@code .cid} for a family of one). */
    public FieldError refusal(Excess excess, String ownersField) {
        String limit = "The Land Act 2007 limits a family's land to " + ceiling(acres) + " acres: ";
        String who = excess.family().isHousehold() ? "household " + excess.family().household()
                : "CID " + excess.cid() + " (no household number recorded: a family of one)";
        return new FieldError(excess.field(ownersField), excess.family().isHousehold() ? CODE : CODE_ALONE,
                limit + who + " holds " + shown(excess.before()) + " acres and would hold " + shown(excess.after())
                        + " with this parcel.", arguments(excess));
    }

    /** The warning that a family holds more than the ceiling now, at the same field as {@link #refusal}. */
    public FieldError warning(Excess excess, String ownersField) {
        String who = excess.family().isHousehold() ? "Household " + excess.family().household()
                : "CID " + excess.cid() + " (no household number recorded: a family of one)";
        return new FieldError(excess.field(ownersField), excess.family().isHousehold() ? ABOVE : ABOVE_ALONE,
                who + " holds " + shown(excess.after()) + " acres, above the Land Act 2007's ceiling of " + ceiling(acres)
                        + " acres for a family.", arguments(excess));
    }

    /** {0} the ceiling, {1} the household (or the CID of a family of one), {2} the holding before, {3} after. */
    private List<String> arguments(Excess excess) {
        return List.of(ceiling(acres), excess.family().isHousehold() ? excess.family().household() : excess.cid(),
                shown(excess.before()), shown(excess.after()));
    }

    /** A holding as a message shows it: at least one decimal place, at most four ({@code 26.0}, {@code 24.25}). */
    static String shown(BigDecimal acres) {
        BigDecimal stripped = acres.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }

    /** The ceiling as a message shows it: as set ({@code 25}, {@code 12.5}). */
    static String ceiling(BigDecimal acres) {
        BigDecimal stripped = acres.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** What the family holds by those of the holdings {@code counted} takes. */
    private static Acres heldBy(Family family, List<LandHolding> held, Predicate<LandHolding> counted) {
        Acres total = Acres.ZERO;
        for (LandHolding holding : held) {
            if (family.cids().contains(holding.cid()) && counted.test(holding)) {
                total = total.plus(holding.areaAcres(), holding.share());
            }
        }
        return total;
    }

    /** Each family among the owners once, at its first owner. */
    private static List<Standing> standings(List<Owner> owners, Map<String, Family> familyOf) {
        List<Standing> standings = new ArrayList<>();
        Set<Family> seen = new LinkedHashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            String cid = owners.get(i).cid();
            Family family = familyOf.getOrDefault(cid, Family.alone(cid));
            if (seen.add(family)) {
                standings.add(new Standing(i, cid, family));
            }
        }
        return standings;
    }

    private record Standing(int ownerIndex, String cid, Family family) {
    }

    /** Acres as an exact fraction: areas have at most 4 decimal places, shares are fractions. */
    private record Acres(BigInteger numerator, BigInteger denominator) {

        static final Acres ZERO = new Acres(BigInteger.ZERO, BigInteger.ONE);

        Acres plus(BigDecimal area, Share share) {
            BigInteger n = area.unscaledValue().multiply(share.numerator());
            BigInteger d = BigInteger.TEN.pow(Math.max(area.scale(), 0)).multiply(share.denominator());
            if (area.scale() < 0) {
                n = n.multiply(BigInteger.TEN.pow(-area.scale()));
            }
            return plus(new Acres(n, d));
        }

        Acres plus(Acres other) {
            BigInteger n = numerator.multiply(other.denominator).add(other.numerator.multiply(denominator));
            BigInteger d = denominator.multiply(other.denominator);
            BigInteger gcd = n.gcd(d);
            return gcd.signum() == 0 ? ZERO : new Acres(n.divide(gcd), d.divide(gcd));
        }

        int compareTo(Acres other) {
            return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
        }

        boolean isAbove(BigDecimal limit) {
            return compareTo(ZERO.plus(limit, Share.WHOLE)) > 0;
        }

        /** Rounded half up to 4 places, as areas are recorded. */
        BigDecimal shown() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), 4, RoundingMode.HALF_UP);
        }
    }
}
