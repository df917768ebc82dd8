package bt.druk.registry.chaincode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON arguments of {@code SubdivideParcel}, {@code MergeParcels} and {@code AdjustBoundary};
 * every failure is {@code [INVALID_ARGUMENT]}. Versions are JSON integers; keys, hashes, mortgage
 * references and facts follow the rules of the single-record transactions ({@link Args},
 * {@link ParcelFacts}).
 */
final class LineageArgs {
    static final int MAX_CHILDREN = 100;
    static final int MAX_PARENTS = 20;
    static final int MAX_MORTGAGES = 50;
    private static final int MAX_JSON = 200_000;
    private static final Set<String> NEW_PARCEL = Set.of("key", "hash", "facts", "openMortgages");
    private static final Set<String> PARENT = Set.of("key", "version", "hash", "previousHash");
    private static final Set<String> ADJUSTED = Set.of("key", "version", "hash", "previousHash", "facts");

    /**
     * A title a subdivision or merger makes: its key, the hash of its version 1, its facts and the
     * mortgage references it carries from its parent(s).
     */
    record NewParcel(String key, String hash, ParcelFacts facts, List<String> openMortgages) {
        NewParcel {
            openMortgages = List.copyOf(openMortgages);
        }
    }

    /** One parcel's next version in a boundary adjustment, with its facts after it. */
    record Adjusted(Update update, ParcelFacts facts) {
    }

    private LineageArgs() {
    }

    /** {@code childrenJson}: a JSON array of 2 to 100 new parcels with distinct keys. */
    static List<NewParcel> children(String childrenJson) {
        List<?> list = array("childrenJson", childrenJson, 2, MAX_CHILDREN);
        List<NewParcel> children = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Object item : list) {
            NewParcel child = newParcel("childrenJson[" + children.size() + "]", item);
            if (!keys.add(child.key())) {
                throw ErrorCode.INVALID_ARGUMENT.error("childrenJson names %s twice", child.key());
            }
            children.add(child);
        }
        return children;
    }

    /** {@code childJson}: one new parcel. */
    static NewParcel child(String childJson) {
        return newParcel("childJson", Args.json("childJson", childJson, MAX_JSON));
    }

    /** {@code parentsJson}: a JSON array of 2 to 20 updates {@code {"key","version","hash","previousHash"}} of distinct titles. */
    static List<Update> parents(String parentsJson) {
        List<?> list = array("parentsJson", parentsJson, 2, MAX_PARENTS);
        List<Update> parents = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Object item : list) {
            String name = "parentsJson[" + parents.size() + "]";
            Update u = update(name, Args.object(name, item, PARENT));
            if (!keys.add(u.key())) {
                throw ErrorCode.INVALID_ARGUMENT.error("parentsJson names %s twice", u.key());
            }
            parents.add(u);
        }
        return parents;
    }

    /** {@code parcelsJson}: exactly two updates of distinct titles, each with its {@code facts} after the adjustment. */
    static List<Adjusted> adjusted(String parcelsJson) {
        List<?> list = array("parcelsJson", parcelsJson, 2, 2);
        List<Adjusted> parcels = new ArrayList<>();
        for (Object item : list) {
            String name = "parcelsJson[" + parcels.size() + "]";
            Map<String, Object> m = Args.object(name, item, ADJUSTED);
            parcels.add(new Adjusted(update(name, m), ParcelFacts.parse(name + ".facts", m.get("facts"))));
        }
        if (parcels.get(0).update().key().equals(parcels.get(1).update().key())) {
            throw ErrorCode.INVALID_ARGUMENT.error("parcelsJson names %s twice: a boundary is adjusted between two parcels",
                    parcels.get(0).update().key());
        }
        return parcels;
    }

    private static NewParcel newParcel(String name, Object item) {
        Map<String, Object> m = Args.object(name, item, NEW_PARCEL);
        String key = Args.key(Kind.LAND_TITLE, name + ".key", text(m, "key"));
        String hash = Args.hash(name + ".hash", text(m, "hash"));
        ParcelFacts facts = ParcelFacts.parse(name + ".facts", m.get("facts"));
        if (!(m.get("openMortgages") instanceof List<?> refs) || refs.size() > MAX_MORTGAGES) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s.openMortgages must be a JSON array of at most %d mortgage references",
                    name, MAX_MORTGAGES);
        }
        List<String> mortgages = new ArrayList<>();
        for (Object ref : refs) {
            String r = Args.ref(name + ".openMortgages", ref instanceof String s ? s : null);
            if (mortgages.contains(r)) {
                throw ErrorCode.INVALID_ARGUMENT.error("%s.openMortgages names %s twice", name, r);
            }
            mortgages.add(r);
        }
        return new NewParcel(key, hash, facts, mortgages);
    }

    private static Update update(String name, Map<String, Object> m) {
        Object version = m.get("version");
        if (!(version instanceof Integer v) || v < 1) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s.version must be a positive JSON integer", name);
        }
        return new Update(Args.key(Kind.LAND_TITLE, name + ".key", text(m, "key")), v,
                Args.hash(name + ".hash", text(m, "hash")), Args.hash(name + ".previousHash", text(m, "previousHash")));
    }

    private static List<?> array(String name, String json, int min, int max) {
        Object parsed = Args.json(name, json, MAX_JSON);
        if (!(parsed instanceof List<?> list) || list.size() < min || list.size() > max) {
            throw ErrorCode.INVALID_ARGUMENT.error(min == max ? "%s must be a JSON array of %d objects" : "%s must be a JSON array of %d to %d objects",
                    name, min, max);
        }
        return list;
    }

    private static String text(Map<String, Object> m, String member) {
        return m.get(member) instanceof String s ? s : null;
    }
}
