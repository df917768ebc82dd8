package bt.druk.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which land office serves which dzongkhags: a first registration of a parcel is made only by a
 * clerk of an office that serves the parcel's dzongkhag.
 * <p>
 * The table in force is the ledger's {@code config:landOffices}, set by an admin of the land
 * register's MSP ({@code SetLandOffices}) and readable by every reader ({@code GetLandOffices}), so
 * that an auditor sees which table judged each registration and who changed it when; until one is
 * set it is {@link #DEFAULT}, the demo and test offices.
 * <p>
 * The parcel's dzongkhag is an argument of {@code RegisterTitle}: the key ({@code land-title:<PIN>})
 * does not hold it. It is not trusted on its own: the same dzongkhag is inside the title record
 * whose SHA-256 is the entry's {@code hash} and is kept in the entry's {@code dzongkhag} field, so a
 * clerk who names another dzongkhag than the record's is found out by anyone verifying the record
 * against the ledger. The clerk's office always comes from the certificate.
 */
public record LandOffices(SortedMap<String, SortedSet<String>> dzongkhagsByOffice) {

    /** A dzongkhag's name as the portal's reference data spells it: words of letters, e.g. {@code Wangdue Phodrang}. */
    static final Pattern DZONGKHAG = Pattern.compile("[A-Z][A-Za-z]{1,29}( [A-Z][A-Za-z]{1,29}){0,2}");
    private static final int MAX_OFFICES = 100;

    /** The built-in table: the Paro office serves Paro, Haa and Chhukha; the Thimphu office every other dzongkhag. */
    public static final LandOffices DEFAULT = new LandOffices(Map.of(
            "PARO", Set.of("Paro", "Haa", "Chhukha"),
            "THIMPHU", Set.of("Bumthang", "Dagana", "Gasa", "Lhuentse", "Mongar", "Pema Gatshel", "Punakha",
                    "Samdrup Jongkhar", "Samtse", "Sarpang", "Thimphu", "Trashigang", "Trashi Yangtse", "Trongsa",
                    "Tsirang", "Wangdue Phodrang", "Zhemgang")));

    public LandOffices {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        dzongkhagsByOffice.forEach((office, dzongkhags) -> copy.put(office, new TreeSet<>(dzongkhags)));
        dzongkhagsByOffice = java.util.Collections.unmodifiableSortedMap(copy);
    }

    LandOffices(Map<String, Set<String>> table) {
        this(toSorted(table));
    }

    private static SortedMap<String, SortedSet<String>> toSorted(Map<String, Set<String>> table) {
        SortedMap<String, SortedSet<String>> sorted = new TreeMap<>();
        table.forEach((office, dzongkhags) -> sorted.put(office, new TreeSet<>(dzongkhags)));
        return sorted;
    }

    public boolean serves(String office, String dzongkhag) {
        return office != null && dzongkhagsByOffice.getOrDefault(office, new TreeSet<>()).contains(dzongkhag);
    }

    /** The dzongkhags {@code office} serves, sorted; empty for an office not in the table. */
    public SortedSet<String> dzongkhagsOf(String office) {
        return dzongkhagsByOffice.getOrDefault(office, new TreeSet<>());
    }

    /** {@code {"PARO":["Chhukha","Haa","Paro"],...}}: sorted offices, each with its sorted dzongkhags. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        dzongkhagsByOffice.forEach((office, dzongkhags) -> m.put(office, List.copyOf(dzongkhags)));
        return m;
    }

    /**
     * A table from {@code SetLandOffices}' argument or the stored setting: a JSON object of office
     * codes, each with a non-empty array of dzongkhag names; {@code [INVALID_ARGUMENT]} otherwise.
     */
    static LandOffices parse(Object json) {
        if (!(json instanceof Map<?, ?> offices) || offices.isEmpty() || offices.size() > MAX_OFFICES) {
            throw invalid("an object of 1 to " + MAX_OFFICES + " offices");
        }
        Map<String, Set<String>> table = new TreeMap<>();
        for (Map.Entry<?, ?> e : offices.entrySet()) {
            String office = Args.office(String.valueOf(e.getKey()));
            if (!(e.getValue() instanceof List<?> names) || names.isEmpty()) {
                throw invalid("office " + office + " with a non-empty array of dzongkhags");
            }
            Set<String> dzongkhags = new TreeSet<>();
            for (Object name : names) {
                if (!(name instanceof String s) || !DZONGKHAG.matcher(s).matches()) {
                    throw invalid("dzongkhag names as the reference data spells them (e.g. \"Wangdue Phodrang\"), got '"
                            + Args.clip(String.valueOf(name)) + "'");
                }
                dzongkhags.add(s);
            }
            table.put(office, dzongkhags);
        }
        return new LandOffices(table);
    }

    /** {@link #parse} of {@code SetLandOffices}' JSON text. */
    static LandOffices parse(String text) {
        if (text == null) {
            throw invalid("a JSON object");
        }
        try {
            return parse(Json.parse(text));
        } catch (IllegalArgumentException e) {
            throw invalid("a JSON object");
        }
    }

    private static RegistryException invalid(String what) {
        return ErrorCode.INVALID_ARGUMENT.error("officesJson must be %s, e.g. {\"PARO\":[\"Paro\",\"Haa\"]}", what);
    }

    /** "Chhukha, Haa, Paro", or "no dzongkhag" for messages. */
    String describe(String office) {
        List<String> names = new ArrayList<>(dzongkhagsOf(office));
        return names.isEmpty() ? "no dzongkhag" : String.join(", ", names);
    }
}
