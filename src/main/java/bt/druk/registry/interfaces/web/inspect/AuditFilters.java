package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.domain.audit.AuditFilter;
import bt.druk.registry.domain.shared.Register;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit view's filter as the page and the CSV download take it: a register code, an office, a
 * user name, and dates (UTC, both ends included). The same query string opens the same rows in both.
 */
record AuditFilters(String register, String office, String user, LocalDate from, LocalDate to) {

    AuditFilters {
        register = blankToNull(register);
        office = blankToNull(office);
        user = blankToNull(user);
    }

    static final AuditFilters NONE = new AuditFilters(null, null, null, null, null);

    /** What the trail is asked for; {@code to} counts whole: up to the start of the next day. */
    AuditFilter toFilter() {
        return new AuditFilter(register == null ? null : Register.fromCode(register).code(), office, user,
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The problems, as (field, message key) pairs; empty when the filter may be applied. */
    List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (register != null) {
            try {
                Register.fromCode(register);
            } catch (IllegalArgumentException e) {
                problems.add(new String[] {"register", "audit.error.register"});
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new String[] {"to", "audit.error.dates"});
        }
        return problems;
    }

    /** Query string of the CSV download, e.g. {@code register=land&from=2026-11-01}. */
    String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "register", register);
        add(parts, "office", office);
        add(parts, "user", user);
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        return String.join("&", parts);
    }

    /**
     * From request parameters.
     *
     * @throws IllegalArgumentException for a date that is not yyyy-MM-dd
     */
    static AuditFilters parse(String register, String office, String user, String from, String to) {
        return new AuditFilters(register, office, user, date(from), date(to));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (yyyy-MM-dd): " + text, e);
        }
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
