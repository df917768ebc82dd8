package bt.druk.registry.interfaces.web;

import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Links to the page that shows a record, for the public and for staff, from the pages the register
 * catalogue ({@link RecordKind#pages()}) names for its kind: a land title is opened by its PIN, a
 * tender by its OCID, a bid by its full key and a notarisation by its number. Generic pages (the
 * clerk dashboard, "find a record") link through it instead of slicing keys themselves.
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
            return RecordKind.Pages.href(path, parameter, value);
        }
    }

    @Inject
    Messages messages;

    public RecordLinks() {
    }

    RecordLinks(Messages messages) {
        this.messages = messages;
    }

    /** Whether some page shows records of this kind. */
    public static boolean isLinkable(RecordKey key) {
        return pagesOf(key).isPresent();
    }

    /** The page anyone can open for this record, if its kind has one. */
    public Optional<Link> publicPage(RecordKey key) {
        return pagesOf(key).map(pages -> new Link(pages.publicPath(), pages.parameter(), parameterValue(pages, key)));
    }

    /** The page staff work on this record from, if its kind has one. */
    public Optional<Link> staffPage(RecordKey key) {
        return pagesOf(key).map(pages -> new Link(pages.staffPath(), pages.parameter(), parameterValue(pages, key)));
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

    private static Optional<RecordKind.Pages> pagesOf(RecordKey key) {
        return RecordKind.fromCode(key.kind()).flatMap(RecordKind::pages);
    }

    private static String parameterValue(RecordKind.Pages pages, RecordKey key) {
        return pages.byWholeKey() ? key.toString() : key.id();
    }

    private static Optional<RecordKey> parse(String recordKey) {
        try {
            return Optional.of(RecordKey.parse(recordKey));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
