package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderDocument;
import bt.druk.registry.domain.procurement.TenderJson;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Keeps the tender and bid projections (and which files are public) in step with each record's current version. */
public final class ProcurementProjection {

    private ProcurementProjection() {
    }

    @ApplicationScoped
    public static class Tenders implements RecordProjection {
        private TenderRepository tenders;
        private Clock clock;

        protected Tenders() {
        }

        @Inject
        public Tenders(TenderRepository tenders, Clock clock) {
            this.tenders = tenders;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return Tender.KIND;
        }

        @Override
        public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
            tenderChanged(tenders, clock, recordKey, current);
        }
    }

    @ApplicationScoped
    public static class Bids implements RecordProjection {
        private TenderRepository tenders;
        private Clock clock;

        protected Bids() {
        }

        @Inject
        public Bids(TenderRepository tenders, Clock clock) {
            this.tenders = tenders;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return BidKeys.KIND;
        }

        @Override
        public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
            bidChanged(tenders, clock, recordKey, current);
        }
    }

    static void tenderChanged(TenderRepository tenders, Clock clock, String recordKey, Optional<RecordVersion> current) {
        if (current.isEmpty()) {
            tenders.removeTender(recordKey);
            tenders.publishFiles(recordKey, List.of());
            return;
        }
        RecordVersion version = current.get();
        Tender tender = TenderJson.fromJson(RecordDocument.dataOf(version.canonicalJson()));
        TenderSummary row = tenders.findTender(recordKey).orElse(null);
        String office = version.office() == null ? "" : version.office();
        if (row == null) {
            row = new TenderSummary(recordKey);
            row.update(tender, office, version.version(), version.id(), clock.instant());
            tenders.addTender(row);
        } else {
            row.update(tender, office, version.version(), version.id(), clock.instant());
        }
        tenders.publishFiles(recordKey, tender.documents().stream().map(TenderDocument::sha256).toList());
    }

    static void bidChanged(TenderRepository tenders, Clock clock, String recordKey, Optional<RecordVersion> current) {
        if (current.isEmpty()) {
            tenders.removeBid(recordKey);
            tenders.publishFiles(recordKey, List.of());
            return;
        }
        RecordVersion version = current.get();
        BidReading bid = BidReading.of(RecordKey.parse(recordKey), RecordDocument.dataOf(version.canonicalJson()));
        BidSummary row = tenders.findBid(recordKey).orElse(null);
        if (row == null) {
            row = new BidSummary(recordKey);
            row.update(bid, version.version(), version.id(), clock.instant());
            tenders.addBid(row);
        } else {
            row.update(bid, version.version(), version.id(), clock.instant());
        }
        // The documents of a validly opened bid are public with it (they are decrypted at the opening).
        tenders.publishFiles(recordKey, bid.openedDocuments().stream().map(SealedBidContent.Document::sha256).toList());
    }
}
