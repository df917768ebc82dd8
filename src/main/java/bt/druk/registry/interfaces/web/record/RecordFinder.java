package bt.druk.registry.interfaces.web.record;

import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.record.RecordKey;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what a "find a record" query names: a SHA-256 hash (of a version's document, or what the
 * ledger holds for it), a record key ({@code kind:id}), an OCID, a tender number, a notarisation number
 * ({@code 2026-000123}) or a land PIN, tried
 * in that order, and which record it is. The lookups are passed in, so the rules are testable without
 * a database.
 */
final class RecordFinder {

    static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    static final Pattern OCID = Pattern.compile("ocds-[a-z0-9]{6}-\\S+", Pattern.CASE_INSENSITIVE);

    /** What the registers know; each answers from the portal's database. */
    interface Lookups {

        /** The record a version of which has this document or ledger hash. */
        Optional<RecordKey> recordOfHash(String sha256);

        boolean exists(RecordKey key);

        /** The tender with exactly this number (case-insensitive). */
        Optional<RecordKey> tenderNumbered(String tenderNumber);
    }

    /** The answer: the record found (and by what), or nothing. */
    sealed interface Result {
    }

    /** @param hash the hash asked for, lowercase, when the query was one; else null */
    record Found(RecordKey key, String hash) implements Result {
    }

    record NotFound(String query) implements Result {
    }

    record Empty() implements Result {
    }

    private RecordFinder() {
    }

    static Result find(String query, Lookups lookups) {
        if (query == null || query.isBlank()) {
            return new Empty();
        }
        String q = query.strip();
        if (SHA256.matcher(q).matches()) {
            String hash = q.toLowerCase(Locale.ROOT);
            return lookups.recordOfHash(hash).<Result>map(key -> new Found(key, hash)).orElse(new NotFound(q));
        }
        if (OCID.matcher(q).matches()) {
            RecordKey key = Tender.keyOf(q.toLowerCase(Locale.ROOT));
            return lookups.exists(key) ? new Found(key, null) : new NotFound(q);
        }
        Optional<RecordKey> asKey = parseKey(q);
        if (asKey.isPresent() && lookups.exists(asKey.get())) {
            return new Found(asKey.get(), null);
        }
        Optional<RecordKey> tender = lookups.tenderNumbered(q);
        if (tender.isPresent()) {
            return new Found(tender.get(), null);
        }
        if (NotaryRules.isId(q) && lookups.exists(Notarisation.keyOf(q))) {
            return new Found(Notarisation.keyOf(q), null);
        }
        if (q.indexOf(':') < 0) {
            for (String pin : new String[] {q, q.toUpperCase(Locale.ROOT)}) {
                RecordKey land = new RecordKey(LandTitle.KIND, pin);
                if (lookups.exists(land)) {
                    return new Found(land, null);
                }
            }
        }
        return new NotFound(q);
    }

    private static Optional<RecordKey> parseKey(String q) {
        try {
            return Optional.of(RecordKey.parse(q));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
