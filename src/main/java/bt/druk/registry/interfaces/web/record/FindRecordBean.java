package bt.druk.registry.interfaces.web.record;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.RecordLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Find a record" on the search page: one box for a record key, a tender number, an OCID, a land
 * PIN or a SHA-256 hash, which goes straight to that record's public page. Also answers
 * {@code /records/search.xhtml?find=…}, so a link can name a record by any of these.
 */
@Named
@RequestScoped
public class FindRecordBean {

    static final String FIELD = "find:query";

    @Inject
    RecordQueryService records;

    @Inject
    ProcurementQueries procurement;

    @Inject
    RecordLinks links;

    @Inject
    Messages messages;

    private String query;

    /** View action: follows {@code ?find=…} when present. */
    public void load() {
        if (query != null && !query.isBlank()) {
            find();
        }
    }

    /** Submit: to the record's page, or a message next to the box. */
    public String find() {
        RecordFinder.Result result = RecordFinder.find(query, lookups());
        if (result instanceof RecordFinder.Found found) {
            Optional<String> href = links.publicPage(found.key()).map(RecordLinks.Link::href);
            if (href.isEmpty() && found.hash() != null) {
                href = Optional.of("/records/documents/" + found.hash() + ".json");
            }
            if (href.isPresent()) {
                redirect(href.get());
                return null;
            }
            messages.error(FIELD, "find.noPage", found.key().toString());
        } else if (result instanceof RecordFinder.NotFound notFound) {
            messages.error(FIELD, "find.notFound", notFound.query());
        } else {
            messages.error(FIELD, "find.empty");
        }
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    RecordFinder.Lookups lookups() {
        return new RecordFinder.Lookups() {
            @Override
            public Optional<RecordKey> recordOfHash(String sha256) {
                return records.publicDocument(sha256).map(d -> RecordKey.parse(d.recordKey()));
            }

            @Override
            public boolean exists(RecordKey key) {
                return !records.versions(key.toString()).isEmpty();
            }

            @Override
            public Optional<RecordKey> tenderNumbered(String tenderNumber) {
                String wanted = tenderNumber.toUpperCase(Locale.ROOT);
                return procurement.search(tenderNumber, List.of(), null).stream()
                        .filter(t -> t.tenderNumber().toUpperCase(Locale.ROOT).equals(wanted))
                        .map(t -> Tender.keyOf(t.ocid()))
                        .findFirst();
            }
        };
    }

    private static void redirect(String contextRelativeHref) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + contextRelativeHref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
}
