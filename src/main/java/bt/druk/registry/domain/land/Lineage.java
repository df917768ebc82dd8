package bt.druk.registry.domain.land;

import java.util.List;

/**
 * Where a parcel came from and what it went into, by PIN: a subdivision's children came from their
 * parent, which went into them. Both lists are on the ledger as record keys too
 * ({@code cameFrom}, {@code wentInto}), so the ancestry of every parcel can be followed both ways
 * from either side.
 */
public record Lineage(List<String> cameFrom, List<String> wentInto) {

    public static final Lineage NONE = new Lineage(List.of(), List.of());

    public Lineage {
        cameFrom = List.copyOf(cameFrom);
        wentInto = List.copyOf(wentInto);
    }

    public boolean isEmpty() {
        return cameFrom.isEmpty() && wentInto.isEmpty();
    }

    public Lineage wentInto(List<String> pins) {
        return new Lineage(cameFrom, pins);
    }

    public static Lineage cameFrom(String pin) {
        return new Lineage(List.of(pin), List.of());
    }
}
