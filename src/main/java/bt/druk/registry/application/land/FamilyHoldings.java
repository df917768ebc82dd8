package bt.druk.registry.application.land;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import bt.druk.registry.domain.land.CensusHousehold;
import bt.druk.registry.domain.land.CensusHouseholdRepository;
import bt.druk.registry.domain.land.FamilyCeiling;
import bt.druk.registry.domain.land.FamilyCeiling.Excess;
import bt.druk.registry.domain.land.FamilyCeiling.Family;
import bt.druk.registry.domain.land.LandHoldingRepository;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Land Act 2007's family ceiling for the land register's writes: which family each receiving
 * owner belongs to (the household number a clerk entered from the census, or the owner alone), what
 * that family holds ({@link LandHoldingRepository}), and the household numbers typed with the owners,
 * kept in the portal's database only ({@link CensusHouseholdRepository}).
 *
 * <p>A household number typed with an owner counts at once, over the one recorded for that CID: the
 * clerk has the newer census record in hand. It is stored only with the write it came with.
 *
 * <p>Not closed: two writes for one family whose transactions overlap in time each see the family
 * without the other's parcel and may both pass. Closing it needs a lock per household held to the
 * commit, left for when clerks of several offices register land of one family at the same hour.
 */
@ApplicationScoped
public class FamilyHoldings {

    private CensusHouseholdRepository households;
    private LandHoldingRepository holdings;
    private FamilyCeiling ceiling;
    private StaffEventLog staffLog;
    private Clock clock;

    protected FamilyHoldings() {
    }

    /** @param policy the ceiling ({@code druk.land.familyCeilingAcres}) */
    @Inject
    public FamilyHoldings(CensusHouseholdRepository households, LandHoldingRepository holdings, FamilyCeilingPolicy policy,
                          StaffEventLog staffLog, Clock clock) {
        this.households = households;
        this.holdings = holdings;
        this.ceiling = policy.ceiling();
        this.staffLog = staffLog;
        this.clock = clock;
    }

    /**
     * The refusals of a change that gives the title {@code recordKey} of {@code areaAcres} to
     * {@code owners}: one per family it takes above the ceiling while raising its holding, at
     * {@code ownersField[i].household} (or {@code .cid} for an owner with no household number).
     *
     * @param typed the household numbers typed with the owners, normalised, null where none (or a
     *              shorter list, or null, where none was typed at all)
     */
    public List<FieldError> refusals(String recordKey, BigDecimal areaAcres, List<Owner> owners, List<String> typed,
                                     String ownersField) {
        return excesses(recordKey, areaAcres, owners, typed).stream().map(e -> ceiling.refusal(e, ownersField)).toList();
    }

    /** As {@link #refusals}, thrown. */
    public void requireWithinCeiling(String recordKey, BigDecimal areaAcres, List<Owner> owners, List<String> typed,
                                     String ownersField) {
        List<FieldError> refused = refusals(recordKey, areaAcres, owners, typed, ownersField);
        if (!refused.isEmpty()) {
            throw new ValidationException(refused);
        }
    }

    /** The families the change takes above the ceiling while raising their holding. */
    public List<Excess> excesses(String recordKey, BigDecimal areaAcres, List<Owner> owners, List<String> typed) {
        Map<String, Family> families = familiesOf(owners, typed);
        return ceiling.excesses(recordKey, areaAcres, owners, families, holdings.ofOwners(members(families)));
    }

    /**
     * Warnings for the families of a title's current owners that hold more than the ceiling now (a
     * court's verdict, land held before the Act), at {@code owners[i].household} or {@code .cid}.
     */
    public List<FieldError> aboveCeiling(List<Owner> owners) {
        Map<String, Family> families = familiesOf(owners, List.of());
        return ceiling.above(owners, families, holdings.ofOwners(members(families))).stream()
                .map(e -> ceiling.warning(e, "owners")).toList();
    }

    /**
     * Records the household numbers typed with the owners, in the caller's transaction: a new CID's
     * number, or a changed one (logged as {@link StaffEvent.Kind#HOUSEHOLD_CHANGED} with the old and
     * new number, so the activity log shows who moved whom between households).
     */
    public void record(StaffMember actor, List<Owner> owners, List<String> typed) {
        for (int i = 0; i < owners.size(); i++) {
            String household = typedAt(typed, i);
            if (household == null) {
                continue;
            }
            String cid = owners.get(i).cid();
            Optional<CensusHousehold> recorded = households.find(cid);
            if (recorded.isPresent() && recorded.get().household().equals(household)) {
                continue;
            }
            households.save(new CensusHousehold(cid, household, actor.username(), clock.instant()));
            recorded.ifPresent(before -> staffLog.append(new StaffEvent(clock.instant(), StaffEvent.Kind.HOUSEHOLD_CHANGED,
                    actor.username(), null, "cid " + cid, "household " + before.household() + " -> " + household)));
        }
    }

    /** The households recorded for these CIDs, by CID (those without one left out). */
    public Map<String, String> householdsOf(List<String> cids) {
        return households.householdsOf(cids);
    }

    /**
     * Flags a version registered although it takes families above the ceiling (a court's order): one
     * {@link StaffEvent.Kind#LAND_CEILING_EXCEEDED} entry per family in the activity log, in the
     * caller's transaction, for the registrar and inspectors to follow up.
     */
    public void flag(StaffMember actor, String recordKey, int version, List<Excess> excesses, String why) {
        for (Excess excess : excesses) {
            String family = excess.family().isHousehold() ? "household " + excess.family().household() : "cid " + excess.cid();
            staffLog.append(new StaffEvent(clock.instant(), StaffEvent.Kind.LAND_CEILING_EXCEEDED, actor.username(), null,
                    recordKey + " v" + version, why + ": " + family + " " + excess.before().stripTrailingZeros().toPlainString()
                    + " -> " + excess.after().stripTrailingZeros().toPlainString() + " acres (ceiling "
                    + ceiling.acres().stripTrailingZeros().toPlainString() + ")"));
        }
    }

    /**
     * Each owner's family: the household typed with it, else the one recorded for its CID, with every
     * CID recorded in that household except owners of this change typed into another one; an owner
     * with neither is a family of one.
     */
    private Map<String, Family> familiesOf(List<Owner> owners, List<String> typed) {
        Set<String> cids = owners.stream().map(Owner::cid).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> effective = new HashMap<>(households.householdsOf(cids));
        for (int i = 0; i < owners.size(); i++) {
            String household = typedAt(typed, i);
            if (household != null) {
                effective.put(owners.get(i).cid(), household);
            }
        }
        Map<String, Family> byHousehold = new HashMap<>();
        Map<String, Family> families = new HashMap<>();
        for (String cid : cids) {
            String household = effective.get(cid);
            if (household == null) {
                families.put(cid, Family.alone(cid));
                continue;
            }
            families.put(cid, byHousehold.computeIfAbsent(household, h -> {
                Set<String> members = new HashSet<>(households.membersOf(h));
                effective.forEach((owner, theirs) -> {
                    if (theirs.equals(h)) {
                        members.add(owner);
                    } else {
                        members.remove(owner);
                    }
                });
                return new Family(h, members);
            }));
        }
        return families;
    }

    private static Set<String> members(Map<String, Family> families) {
        Set<String> all = new HashSet<>();
        families.values().forEach(f -> all.addAll(f.cids()));
        return all;
    }

    private static String typedAt(List<String> typed, int i) {
        return typed == null || i >= typed.size() ? null : typed.get(i);
    }
}
