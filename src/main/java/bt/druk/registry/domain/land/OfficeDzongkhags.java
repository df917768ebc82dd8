package bt.druk.registry.domain.land;

import bt.druk.registry.domain.shared.FieldError;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which land office serves which dzongkhags: a parcel is first registered only by a clerk of an office
 * that serves its dzongkhag. The portal's table is the setting {@code druk.land.officeDzongkhags}; the
 * ledger holds its own ({@code GetLandOffices}, set by a land admin with {@code SetLandOffices}) and
 * refuses the same registrations, so the two are kept alike.
 *
 * @param dzongkhagsByOffice office code → names of the dzongkhags it serves, as the reference data spells them
 */
public record OfficeDzongkhags(SortedMap<String, SortedSet<String>> dzongkhagsByOffice) {

    /** The error code of a first registration by an office that does not serve the parcel's dzongkhag. */
    public static final String OTHER_OFFICE = "dzongkhag.otherOffice";

    /** The ledger's built-in table: the Paro office serves Paro, Haa and Chhukha; the Thimphu office every other dzongkhag. */
    public static final String DEFAULT_SETTING = "PARO=Paro,Haa,Chhukha;"
            + "THIMPHU=Bumthang,Dagana,Gasa,Lhuentse,Mongar,Pema Gatshel,Punakha,Samdrup Jongkhar,Samtse,Sarpang,Thimphu,"
            + "Trashigang,Trashi Yangtse,Trongsa,Tsirang,Wangdue Phodrang,Zhemgang";

    public static final OfficeDzongkhags DEFAULT = parse(DEFAULT_SETTING);

    public OfficeDzongkhags {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        dzongkhagsByOffice.forEach((office, names) -> copy.put(office, Collections.unmodifiableSortedSet(new TreeSet<>(names))));
        dzongkhagsByOffice = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Parses the setting's form: {@code OFFICE=Dzongkhag,Dzongkhag;OFFICE=...} (office codes are
     * upper-cased, spaces around names dropped).
     *
     * @throws IllegalArgumentException if an office has no dzongkhag, is named twice, or nothing is given
     */
    public static OfficeDzongkhags parse(String setting) {
        SortedMap<String, SortedSet<String>> table = new TreeMap<>();
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String office = eq < 0 ? "" : entry.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            SortedSet<String> names = new TreeSet<>();
            for (String name : eq < 0 ? new String[0] : entry.substring(eq + 1).split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            if (office.isEmpty() || names.isEmpty()) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not OFFICE=Dzongkhag,Dzongkhag");
            }
            if (table.put(office, names) != null) {
                throw new IllegalArgumentException("office " + office + " is named twice");
            }
        }
        if (table.isEmpty()) {
            throw new IllegalArgumentException("no office is given");
        }
        return new OfficeDzongkhags(table);
    }

    public boolean serves(String office, String dzongkhag) {
        return office != null && dzongkhagsOf(office).contains(dzongkhag);
    }

    public Set<String> dzongkhagsOf(String office) {
        return dzongkhagsByOffice.getOrDefault(office, Collections.emptySortedSet());
    }

    /**
     * The refusal, next to the dzongkhag field, of a first registration of a parcel in
     * {@code dzongkhag} by a clerk of {@code office}, which does not serve it; its translation gets
     * the office {0} and the dzongkhag {1}.
     */
    public static FieldError notServed(String office, String dzongkhag) {
        return new FieldError("dzongkhag", OTHER_OFFICE, "The " + office + " land office does not register parcels in "
                + dzongkhag + " dzongkhag: a parcel is first registered by the land office of its dzongkhag.", List.of(office, dzongkhag));
    }

    /** The table as the setting writes it, offices and names sorted. */
    public String toSetting() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, SortedSet<String>> e : dzongkhagsByOffice.entrySet()) {
            out.append(out.isEmpty() ? "" : ";").append(e.getKey()).append('=').append(String.join(",", e.getValue()));
        }
        return out.toString();
    }
}
