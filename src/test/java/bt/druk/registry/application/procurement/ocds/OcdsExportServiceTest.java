package bt.druk.registry.application.procurement.ocds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.MutableClock;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The export read from the stores: what the three URLs answer for known, unknown and not-yet-committed tenders. */
class OcdsExportServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
    final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    final Tenders tenders = new Tenders();
    final OcdsExport export = new OcdsExport(records, tenders);

    @Test
    void aTendersPackagesHoldItsReleasesAndItsBidsAndAreValid() {
        TenderStory story = TenderStory.published("ocds-drk001-2026-0011");
        RecordKey bid = story.lodge(TenderStory.DRUK_BUILDERS, "2300000");
        story.passDeadline().openBids().open(bid).award(bid);
        store(story);

        JsonObject releases = export.releasePackage(story.ocid, OcdsExportTest.LINKS).orElseThrow();
        assertEquals(List.of(), OcdsExportTest.SCHEMAS.releasePackageErrors(OcdsExportTest.write(releases)));
        assertEquals("https://registry.example.bt/ocds/releases/ocds-drk001-2026-0011.json", releases.getString("uri"));
        assertEquals(List.of("ocds-drk001-2026-0011-v1", "ocds-drk001-2026-0011-v2", "ocds-drk001-2026-0011-bid-1-opened",
                "ocds-drk001-2026-0011-v3"), OcdsExportTest.ids(releases.getJsonArray("releases").getValuesAs(JsonObject.class)));
        JsonObject record = export.recordPackage(story.ocid, OcdsExportTest.LINKS).orElseThrow();
        assertEquals(List.of(), OcdsExportTest.SCHEMAS.recordPackageErrors(OcdsExportTest.write(record)));
        assertEquals("valid", record.getJsonArray("records").getJsonObject(0).getJsonObject("compiledRelease")
                .getJsonObject("bids").getJsonArray("details").getJsonObject(0).getString("status"));
    }

    @Test
    void anUnknownOcidOrATenderTheLedgerHasNotCommittedHasNoPackage() {
        assertTrue(export.releasePackage("ocds-drk001-2026-9999", OcdsExportTest.LINKS).isEmpty());
        assertTrue(export.recordPackage("ocds-drk001-2026-9999", OcdsExportTest.LINKS).isEmpty());
        assertTrue(export.releasePackage("", OcdsExportTest.LINKS).isEmpty());
        assertTrue(export.bulkReleasePackage(OcdsExportTest.LINKS).isEmpty(), "an OCDS package holds at least one release");

        TenderStory pending = TenderStory.published("ocds-drk001-2026-0012");
        pending.tenderVersions.clear();
        pending.pendingStep(t -> t);
        store(pending);
        assertTrue(export.releasePackage(pending.ocid, OcdsExportTest.LINKS).isEmpty());
        assertTrue(export.recordPackage(pending.ocid, OcdsExportTest.LINKS).isEmpty());
    }

    @Test
    void theBulkPackageHoldsEveryReleaseOfEveryTenderOldestFirst() {
        int expected = 0;
        for (TenderStory story : OcdsExportTest.everyState()) {
            store(story);
            expected += story.releases().size();
        }
        JsonObject bulk = export.bulkReleasePackage(OcdsExportTest.LINKS).orElseThrow();
        assertEquals(List.of(), OcdsExportTest.SCHEMAS.releasePackageErrors(OcdsExportTest.write(bulk)));
        List<JsonObject> releases = bulk.getJsonArray("releases").getValuesAs(JsonObject.class);
        assertEquals(expected, releases.size());
        List<Instant> dates = releases.stream().map(r -> Instant.parse(r.getString("date"))).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        assertEquals(dates.get(dates.size() - 1).toString(), bulk.getString("publishedDate"));
    }

    private void store(TenderStory story) {
        story.tenderVersions.forEach(records::addVersion);
        RecordVersion current = story.tenderVersions.get(story.tenderVersions.size() - 1);
        TenderSummary summary = new TenderSummary(current.recordKey());
        summary.update(bt.druk.registry.domain.procurement.TenderJson.fromJson(RecordDocument.dataOf(current.canonicalJson())),
                "THIMPHU", current.version(), current.id(), clock.instant());
        tenders.tenders.put(current.recordKey(), summary);
        for (Map.Entry<RecordKey, List<RecordVersion>> e : story.bids.entrySet()) {
            e.getValue().forEach(records::addVersion);
            RecordVersion bidCurrent = e.getValue().get(e.getValue().size() - 1);
            BidSummary bid = new BidSummary(e.getKey().toString());
            bid.update(BidReading.of(e.getKey(), RecordDocument.dataOf(bidCurrent.canonicalJson())), bidCurrent.version(),
                    bidCurrent.id(), clock.instant());
            tenders.bids.put(e.getKey().toString(), bid);
        }
    }

    /** The projections the export reads: tenders and their bids. */
    static final class Tenders implements TenderRepository {
        final Map<String, TenderSummary> tenders = new LinkedHashMap<>();
        final Map<String, BidSummary> bids = new LinkedHashMap<>();

        @Override
        public Optional<TenderSummary> findTender(String recordKey) {
            return Optional.ofNullable(tenders.get(recordKey));
        }

        @Override
        public void addTender(TenderSummary tender) {
            tenders.put(tender.recordKey(), tender);
        }

        @Override
        public void removeTender(String recordKey) {
            tenders.remove(recordKey);
        }

        @Override
        public List<TenderSummary> searchTenders(String text, Collection<TenderStatus> statuses, String entityCode, int limit) {
            return tenders.values().stream().sorted(Comparator.comparing(TenderSummary::publishedAt).reversed()).limit(limit).toList();
        }

        @Override
        public Optional<BidSummary> findBid(String recordKey) {
            return Optional.ofNullable(bids.get(recordKey));
        }

        @Override
        public void addBid(BidSummary bid) {
            bids.put(bid.recordKey(), bid);
        }

        @Override
        public void removeBid(String recordKey) {
            bids.remove(recordKey);
        }

        @Override
        public List<BidSummary> bidsOf(String tenderKey) {
            return new ArrayList<>(bids.values().stream().filter(b -> b.tenderKey().equals(tenderKey))
                    .sorted(Comparator.comparingInt(BidSummary::bidNumber)).toList());
        }

        @Override
        public void publishFiles(String recordKey, Collection<String> sha256s) {
        }

        @Override
        public boolean isPublicFile(String sha256) {
            return false;
        }

        @Override
        public List<String> recordsWithFile(String sha256) {
            return List.of();
        }

        @Override
        public int nextSerial(int year) {
            throw new UnsupportedOperationException();
        }
    }
}
