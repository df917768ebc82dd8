package bt.druk.registry.interfaces.web;

import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which page shows a record of each kind, for the public and for staff: the one place that knows
 * that a land title is opened by its PIN, a tender by its OCID, a bid by its full key and a
 * notarisation by its number. Generic
 * pages (the clerk dashboard, "find a record") link through it instead of slicing keys themselves;
 * a new register adds one entry to {@link #PAGES}.
 *
 * <p>Links are context-relative hrefs ({@code /records/land.xhtml?pin=TH-1001}) for
 * {@code h:outputLink}, so they work whether or not the target view exists in this build.
 */
@Named("recordLinks")
@ApplicationScoped
public class RecordLinks {

    /** A page and the one query parameter that names the record on it. */
    public record Link(String path, String parameter, String value) {

        /** Context-relative URL with the value encoded, e.g. {@code /tenders/bid.xhtml?key=bid%3Aocds-…%3A3}. */
        public String href() {
            return path + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** The pages of one kind of record; {@code parameterValue} picks what the pages expect from the key. */
    record Pages(String publicPath, String staffPath, String parameter, Function<RecordKey, String> parameterValue) {

        Link publicLink(RecordKey key) {
            return new Link(publicPath, parameter, parameterValue.apply(key));
        }

        Link staffLink(RecordKey key) {
            return new Link(staffPath, parameter, parameterValue.apply(key));
        }
    }

    static final Map<String, Pages> PAGES = Map.of(
            LandTitle.KIND, new Pages("/records/land.xhtml", "/clerk/land/title.xhtml", "pin", RecordKey::id),
            Tender.KIND, new Pages("/tenders/tender.xhtml", "/clerk/procurement/tender.xhtml", "ocid", RecordKey::id),
            // A bid has one page for everybody: before the opening what the public sees is all there is.
            BidKeys.KIND, new Pages("/tenders/bid.xhtml", "/tenders/bid.xhtml", "key", RecordKey::toString),
            Notarisation.KIND, new Pages("/notary/notarisation.xhtml", "/clerk/notary/notarisation.xhtml", "id", RecordKey::id));

    @Inject
    Messages messages;

    public RecordLinks() {
    }

    RecordLinks(Messages messages) {
        this.messages = messages;
    }

    /** Whether some page shows records of this kind. */
    public static boolean isLinkable(RecordKey key) {
        return PAGES.containsKey(key.kind());
    }

    /** The page anyone can open for this record, if its kind has one. */
    public Optional<Link> publicPage(RecordKey key) {
        return Optional.ofNullable(PAGES.get(key.kind())).map(p -> p.publicLink(key));
    }

    /** The page staff work on this record from, if its kind has one. */
    public Optional<Link> staffPage(RecordKey key) {
        return Optional.ofNullable(PAGES.get(key.kind())).map(p -> p.staffLink(key));
    }

    /** For pages: context-relative href of the public page of {@code kind:id}, or null. */
    public String publicHref(String recordKey) {
        return parse(recordKey).flatMap(this::publicPage).map(Link::href).orElse(null);
    }

    /** For pages: context-relative href of the staff page of {@code kind:id}, or null. */
    public String staffHref(String recordKey) {
        return parse(recordKey).flatMap(this::staffPage).map(Link::href).orElse(null);
    }

    /**
     * What people call the record: a land title's PIN, a tender's OCID, "Bid 3 · ocds-…" for a bid;
     * the key itself for kinds without pages.
     */
    public String label(String recordKey) {
        Optional<RecordKey> key = parse(recordKey);
        if (key.isEmpty()) {
            return recordKey == null ? "" : recordKey;
        }
        RecordKey k = key.get();
        if (k.isKind(BidKeys.KIND) && k.id().lastIndexOf(':') > 0) {
            return messages.text("nav.bidLabel", BidKeys.numberOf(k), BidKeys.ocidOf(k));
        }
        return isLinkable(k) ? k.id() : k.toString();
    }

    private static Optional<RecordKey> parse(String recordKey) {
        try {
            return Optional.of(RecordKey.parse(recordKey));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
