package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.ProcurementQueries;
import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public tender list ({@code /tenders/index.xhtml}): search text, status and agency are view
 * parameters ({@code ?q=bridge&status=active-tendering&agency=MOWHS}), so every result is a link
 * anyone can share. Without criteria it lists the newest tenders.
 */
@Named
@RequestScoped
public class TenderListBean {

    /** The status filter's order: the tender's life from open to its end. */
    static final List<TenderStatus> STATUS_FILTER = List.of(TenderStatus.ACTIVE_TENDERING, TenderStatus.EVALUATION,
            TenderStatus.AWARDED, TenderStatus.COMPLETE, TenderStatus.UNSUCCESSFUL, TenderStatus.CANCELLED);

    /**
     * One row of the list.
     *
     * @param recordKey      the tender's record key (the link goes through {@code RecordLinks})
     * @param deadlinePassed still open on the ledger but the deadline has passed: bids wait to be opened
     */
    public record Row(String recordKey, String ocid, String tenderNumber, String title, String agency,
                      TenderStatus status, Instant bidDeadline, BigDecimal estimatedValue, boolean deadlinePassed) {

        static Row of(TenderSummary s, Instant now) {
            return new Row(s.recordKey(), s.ocid(), s.tenderNumber(), s.title(), s.entityName(), s.status(),
                    s.bidDeadline(), s.estimatedValue(), s.status().acceptsBids() && !now.isBefore(s.bidDeadline()));
        }
    }

    @Inject
    ProcurementQueries queries;

    @Inject
    ProcuringEntities entities;

    @Inject
    Clock clock;

    private String q;
    private String status;
    private String agency;
    private List<Row> results = List.of();

    /** View action: runs the search of the URL's criteria. */
    public void load() {
        Optional<TenderStatus> wanted = statusOf(status);
        if (wanted.isEmpty()) {
            status = null;
        }
        if (entities.find(agency).isEmpty()) {
            agency = null;
        }
        Instant now = clock.instant();
        results = queries.search(q, wanted.map(List::of).orElse(List.of()), agency).stream()
                .map(s -> Row.of(s, now)).toList();
    }

    /** Submit: the bookmarkable URL of this search. */
    public String search() {
        q = q == null || q.isBlank() ? null : q.trim();
        return "/tenders/index?faces-redirect=true&includeViewParams=true";
    }

    /**
     * The status a URL names, by the badge's code ({@code active-tendering}) or the ledger's
     * ({@code active.tendering}); empty for none or an unknown one.
     */
    static Optional<TenderStatus> statusOf(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return STATUS_FILTER.stream()
                .filter(s -> s.ledgerCode().equals(c) || s.ledgerCode().replace('.', '-').equals(c))
                .findFirst();
    }

    /** The URL spelling of a status, as in {@code ?status=active-tendering}. */
    public String statusParameter(TenderStatus s) {
        return s.ledgerCode().replace('.', '-');
    }

    public boolean isFiltered() {
        return q != null || status != null || agency != null;
    }

    public List<TenderStatus> getStatuses() {
        return STATUS_FILTER;
    }

    public List<ProcuringEntity> getAgencies() {
        return entities.all();
    }

    public List<Row> getResults() {
        return results;
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getAgency() { return agency; }
    public void setAgency(String agency) { this.agency = agency; }
}
