package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TitleStatus;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Display text for enums, times and organisations, from the message bundle (so it can be translated). */
@Named("labels")
@ApplicationScoped
public class Labels {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Deadlines are set and read in Bhutan time (BTT, UTC+6, no daylight saving). */
    private static final DateTimeFormatter BHUTAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'BTT'", Locale.ENGLISH)
            .withZone(ProcurementPolicy.BHUTAN);

    /** Dzongkha (CLDR's dz: Tibetan digits, སྤྱི་ལོ་༢༠༢༦ ཟླ་གསུམ་པ་ ཚེས་ ༡༥). */
    static final Locale DZONGKHA = Locale.forLanguageTag("dz");
    private static final DateTimeFormatter DZ_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(DZONGKHA).withDecimalStyle(DecimalStyle.of(DZONGKHA));
    private static final DateTimeFormatter DZ_UTC = dzongkhaDateTime("HH:mm:ss", " 'UTC'", ZoneOffset.UTC);
    private static final DateTimeFormatter DZ_BHUTAN = dzongkhaDateTime("HH:mm", " 'BTT'", ProcurementPolicy.BHUTAN);

    /** Status code of a bid lodged and not yet opened: nobody can read it yet. */
    public static final String BID_SEALED = BidView.SEALED;

    @Inject
    Messages messages;

    /**
     * Who wrote a version, as a public page says it: the role, e.g. {@code land clerk}
     * ({@link StaffMember#publicRole()}), with the office next to it; never the clerk's user name,
     * which only signed-in staff pages show.
     */
    public String publicSubmitter(VersionView version) {
        Register register = RecordKind.fromCode(RecordKey.parse(version.recordKey()).kind()).map(RecordKind::register)
                .orElse(null);
        return StaffMember.publicRole(Role.CLERK, register);
    }

    /**
     * CSS-friendly code of a status, used for the badge's class and the {@code status.<code>} message:
     * a title status or tender status by its ledger code ({@code transfer-pending}, {@code active.tendering}
     * → {@code active-tendering}), a bid ({@link BidView}, {@link BidSummary}) as {@value #BID_SEALED} until
     * the opening, then {@code opened}, {@code invalid}, or {@code withdrawn}, a ledger state by name ({@code committed}).
     */
    public String statusCode(Object value) {
        if (value == null) {
            return "unknown";
        }
        if (value instanceof TitleStatus status) {
            return status.ledgerCode();
        }
        if (value instanceof TenderStatus status) {
            return cssCode(status.ledgerCode());
        }
        if (value instanceof BidView bid) {
            return bid.statusCode();
        }
        if (value instanceof BidSummary bid) {
            return SealedBidRecord.LODGED.equals(bid.status()) ? BID_SEALED : cssCode(bid.status());
        }
        if (value instanceof Enum<?> e) {
            return cssCode(e.name());
        }
        return cssCode(value.toString());
    }

    /** Lower case, with anything but letters and digits turned into single hyphens ({@code active.tendering} → {@code active-tendering}). */
    static String cssCode(String raw) {
        String code = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return code.isEmpty() ? "unknown" : code;
    }

    public String status(Object value) {
        return lookup("status." + statusCode(value), value);
    }

    /** A moment in UTC: {@code 2026-03-15 06:00:00 UTC}, in Dzongkha its date and Tibetan digits. */
    public String instant(Instant instant) {
        return instant == null ? "—" : (dzongkha() ? DZ_UTC : UTC).format(instant);
    }

    /** A day (UTC): {@code 15 March 2026}, in Dzongkha {@code སྤྱི་ལོ་༢༠༢༦ ཟླ་གསུམ་པ་ ཚེས་ ༡༥}. */
    public String date(Instant instant) {
        return instant == null ? "—" : (dzongkha() ? DZ_DATE.withZone(ZoneOffset.UTC) : DATE).format(instant);
    }

    /** Bhutan time, e.g. {@code 2026-03-15 12:00 BTT} (deadlines are entered and shown in it; stored UTC). */
    public String bhutanTime(Instant instant) {
        return instant == null || !dzongkha() ? formatBhutanTime(instant) : DZ_BHUTAN.format(instant);
    }

    /** An amount in Ngultrum with thousands separators, e.g. {@code Nu. 1,250,000.00} (Tibetan digits in Dzongkha). */
    public String ngultrum(BigDecimal amount) {
        return formatNgultrum(amount, messages.currentLocale());
    }

    public static String formatBhutanTime(Instant instant) {
        return instant == null ? "—" : BHUTAN.format(instant);
    }

    public static String formatUtc(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    public static String formatNgultrum(BigDecimal amount) {
        return formatNgultrum(amount, Locale.ENGLISH);
    }

    /** {@code Nu.} and the amount in the language's digits (Dzongkha: ༡,༢༥༠,༠༠༠.༠༠), two decimals. */
    static String formatNgultrum(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "—";
        }
        // DecimalFormat is not thread-safe: one per call.
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols(locale));
        return "Nu. " + format.format(amount);
    }

    private static DecimalFormatSymbols symbols(Locale locale) {
        return DecimalFormatSymbols.getInstance(isDzongkha(locale) ? DZONGKHA : Locale.ENGLISH);
    }

    private static boolean isDzongkha(Locale locale) {
        return locale != null && DZONGKHA.getLanguage().equals(locale.getLanguage());
    }

    private boolean dzongkha() {
        return isDzongkha(messages.currentLocale());
    }

    private static DateTimeFormatter dzongkhaDateTime(String time, String zoneName, java.time.ZoneId zone) {
        return new java.time.format.DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG))
                .appendLiteral(' ')
                .appendPattern(time + zoneName)
                .toFormatter(DZONGKHA)
                .withDecimalStyle(DecimalStyle.of(DZONGKHA))
                .withZone(zone);
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
        if (acres == null) {
            return "—";
        }
        DecimalFormat plain = new DecimalFormat("0.##########", symbols(messages.currentLocale()));
        return messages.text("unit.acres", plain.format(acres.stripTrailingZeros()));
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
