package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read side of the procurement register for the public and the clerks' pages. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProcurementQueries {

    static final int SEARCH_LIMIT = 200;

    private TenderRepository tenders;
    private RecordPipeline pipeline;
    private RecordQueryService records;
    private Clock clock;

    protected ProcurementQueries() {
    }

    @Inject
    public ProcurementQueries(TenderRepository tenders, RecordPipeline pipeline, RecordQueryService records, Clock clock) {
        this.tenders = tenders;
        this.pipeline = pipeline;
        this.records = records;
        this.clock = clock;
    }

    /** Tenders matching the text (title, number, agency, OCID) and any of the statuses, newest first. */
    public List<TenderSummary> search(String text, Collection<TenderStatus> statuses, String entityCode) {
        String t = text == null || text.isBlank() ? null : text.trim();
        String e = entityCode == null || entityCode.isBlank() ? null : entityCode.trim();
        return tenders.searchTenders(t, statuses == null ? List.of() : statuses, e, SEARCH_LIMIT);
    }

    public Optional<TenderView> tender(String ocid) {
        if (ocid == null || ocid.isBlank()) {
            return Optional.empty();
        }
        String key = Tender.keyOf(ocid.trim()).toString();
        return pipeline.current(key).map(current -> {
            Tender tender = TenderService.read(current);
            boolean published = pipeline.firstVersion(key).map(v -> v.ledgerState() == LedgerState.COMMITTED).orElse(false);
            List<BidView> bids = new ArrayList<>();
            for (BidSummary summary : tenders.bidsOf(key)) {
                bid(summary.recordKey()).ifPresent(bids::add);
            }
            return new TenderView(tender, key, current.version(), current.hash(), current.ledgerState(), published,
                    !clock.instant().isBefore(tender.bidDeadline()), records.versions(key), bids);
        });
    }

    public Optional<BidView> bid(String bidKey) {
        RecordKey key;
        try {
            key = RecordKey.parse(bidKey);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return pipeline.current(key.toString()).map(current -> view(key, current));
    }

    private BidView view(RecordKey key, RecordVersion current) {
        return BidView.of(BidReading.of(key, RecordDocument.dataOf(current.canonicalJson())), current.ledgerState(),
                records.versions(key.toString()));
    }
}
