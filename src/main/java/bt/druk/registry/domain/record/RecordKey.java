package bt.druk.registry.domain.record;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ledger key of a record: its kind and the register's own id, written {@code kind:id}
 * ({@code land-title:TH-1}, {@code tender:ocds-b5fd17-2026-0042}, {@code bid:ocds-b5fd17-2026-0042:3}).
 * The id may itself contain colons; the kind never does.
 */
public record RecordKey(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,39}");

    public RecordKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("not a record kind: " + kind);
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty record id");
        }
    }

    /** Splits {@code kind:id} at its first colon. */
    public static RecordKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not a record key: " + key);
        }
        return new RecordKey(key.substring(0, colon), key.substring(colon + 1));
    }

    /** The key of this kind in {@code key}, if it is one. */
    public static java.util.Optional<RecordKey> parseIfKind(String key, String kind) {
        if (key == null || !key.startsWith(kind + ":") || key.length() == kind.length() + 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RecordKey(kind, key.substring(kind.length() + 1)));
    }

    public boolean isKind(String otherKind) {
        return kind.equals(otherKind);
    }

    /** The ledger's spelling, {@code kind:id}. */
    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
