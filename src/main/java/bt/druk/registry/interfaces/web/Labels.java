package bt.druk.registry.interfaces.web;

import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TitleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display text for enums, times and organisations, from the message bundle (so it can be translated). */
@Named("labels")
@ApplicationScoped
public class Labels {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    Messages messages;

    /** CSS-friendly code of a title status or ledger state, e.g. {@code transfer-pending}, {@code committed}. */
    public String statusCode(Object value) {
        if (value == null) {
            return "unknown";
        }
        if (value instanceof TitleStatus status) {
            return status.ledgerCode();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return value.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String status(Object value) {
        return lookup("status." + statusCode(value), value);
    }

    public String instant(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant);
    }

    public String organisation(String mspId) {
        return lookup("org." + mspId, mspId);
    }

    public String landType(LandType type) {
        if (type == null) {
            return "—";
        }
        String english = lookup("landType." + type.name(), type.name());
        return type.localName().equalsIgnoreCase(english) ? english : english + " (" + type.localName() + ")";
    }

    public String transferType(Object type) {
        return type == null ? "—" : lookup("transferType." + type, type);
    }

    public String operation(String operation) {
        return operation == null ? "—" : lookup("operation." + operation, operation);
    }

    public String encumbrance(Object kind) {
        return kind == null ? "—" : lookup("encumbrance." + kind, kind);
    }

    public String match(Object match) {
        return match == null ? "—" : lookup("match." + match, match);
    }

    public String outcome(Object outcome) {
        return outcome == null ? "—" : lookup("outcome." + outcome, outcome);
    }

    public String acres(BigDecimal acres) {
        return acres == null ? "—" : messages.text("unit.acres", acres.stripTrailingZeros().toPlainString());
    }

    /** A copy of the list, newest (last) first — for chains of title kept oldest first. */
    public <T> java.util.List<T> newestFirst(java.util.List<T> oldestFirst) {
        if (oldestFirst == null) {
            return java.util.List.of();
        }
        java.util.List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private String lookup(String key, Object fallback) {
        String text = messages.text(key);
        if (!text.equals(key)) {
            return text;
        }
        String raw = String.valueOf(fallback).replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return raw.isEmpty() ? raw : Character.toUpperCase(raw.charAt(0)) + raw.substring(1);
    }
}
