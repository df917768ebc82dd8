package bt.druk.registry.application.procurement.ocds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.JsonProviders;
import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.InMemoryRecordStamps;
import bt.druk.registry.testing.InMemoryReleaseTimeline;
import bt.druk.registry.testing.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The export read from the stores: what the three URLs answer for known, unknown and
 * not-yet-committed tenders, the bulk package streamed a page at a time, and its entity tag.
 */
class OcdsExportServiceTest {

    /** The bulk package's SHA-256 for {@link OcdsExportTest#everyState()}, by {@link OcdsExport#FORMAT}. */
    static final Map<String, String> PINNED = Map.of(
            "2", "3795f101b3f8ca56f1b4253bf26c37d196b7ba3605f7e65f6c66acf58ed242be");

    final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
    final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    final Tenders tenders = new Tenders();
    final InMemoryReleaseTimeline timeline = new InMemoryReleaseTimeline(records);
    final InMemoryRecordStamps stamps = new InMemoryRecordStamps(records);
    final OcdsExport export = new OcdsExport(records, tenders, timeline, stamps);

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
        assertTrue(export.bulkReleasePackage(OcdsExportTest.LINKS).isEmpty());
    }

    @Test
    void theBulkPackageHoldsEveryReleaseOfEveryTenderOldestFirst() throws Exception {
        int expected = 0;
        for (TenderStory story : OcdsExportTest.everyState()) {
            store(story);
            expected += story.releases().size();
        }
        String written = new String(bulk(export), StandardCharsets.UTF_8);
        assertEquals(List.of(), OcdsExportTest.SCHEMAS.releasePackageErrors(written));
        JsonObject bulk = Json.createReader(new StringReader(written)).readObject();
        assertEquals("https://registry.example.bt/ocds/releases.json", bulk.getString("uri"));
        List<JsonObject> releases = bulk.getJsonArray("releases").getValuesAs(JsonObject.class);
        assertEquals(expected, releases.size());
        List<Instant> dates = releases.stream().map(r -> Instant.parse(r.getString("date"))).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        assertEquals(dates.get(dates.size() - 1).toString(), bulk.getString("publishedDate"));
    }

    @Test
    void theStreamedBulkPackageHasTheBytesOfThePackageBuiltWholeWhateverThePageSize() throws Exception {
        List<TenderStory> stories = new ArrayList<>(OcdsExportTest.everyState());
        stories.add(sealed("ocds-drk001-2026-0010"));
        stories.forEach(this::store);
        byte[] whole = builtWhole(stories);

        for (int pageSize : new int[] {1, 2, 3, 7, OcdsExport.PAGE_SIZE}) {
            OcdsExport paged = new OcdsExport(records, tenders, new InMemoryReleaseTimeline(records), stamps, pageSize);
            assertEquals(new String(whole, StandardCharsets.UTF_8), new String(bulk(paged), StandardCharsets.UTF_8),
                    "pages of " + pageSize);
        }
    }

    @Test
    void theBulkPackageIsReadOnePageOfTheTimelineAtATime() throws Exception {
        Instant start = Instant.parse("2026-03-02T03:00:00Z");
        List<TenderStory> stories = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            stories.add(TenderStory.published("ocds-drk001-2026-002" + i, start.plus(Duration.ofMinutes(i))));
        }
        stories.forEach(this::store);
        OcdsExport paged = new OcdsExport(records, tenders, timeline, stamps, 2);

        byte[] written = bulk(paged);

        assertEquals(new String(builtWhole(stories), StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
        // The newest release from the last page, then every page from the first: two tenders each, the last one.
        assertEquals(List.of("before null", "after null", "after " + at(start, 2), "after " + at(start, 4), "after " + at(start, 6)),
                timeline.asked);
    }

    @Test
    void theBulkTagStaysWhileNothingChangesAndChangesWithAnyTendersOrBidsVersion() {
        TenderStory first = TenderStory.published("ocds-drk001-2026-0031");
        TenderStory second = TenderStory.published("ocds-drk001-2026-0032");
        store(first);
        store(second);
        List<String> tags = new ArrayList<>();
        tags.add(export.bulkTag(OcdsExportTest.LINKS));
        assertEquals(tags.get(0), export.bulkTag(OcdsExportTest.LINKS), "nothing changed");
        assertTrue(tags.get(0).matches("[0-9a-f]{64}"), tags.get(0));

        clock.advance(Duration.ofMinutes(1));
        first.pendingStep(t -> t.cancel("Budget withdrawn", "proc.clerk", "THIMPHU", first.now));
        RecordVersion pending = records.addVersion(first.tenderVersions.get(first.tenderVersions.size() - 1));
        tags.add(export.bulkTag(OcdsExportTest.LINKS));
        clock.advance(Duration.ofMinutes(1));
        pending.markCommitted(new LedgerReceipt("tx-cancel", null, null, List.of()), clock.instant());
        tags.add(export.bulkTag(OcdsExportTest.LINKS));
        clock.advance(Duration.ofMinutes(1));
        pending.markCommitted(new LedgerReceipt("tx-cancel", 40L, clock.instant(), List.of("ProcurementMSP")), clock.instant());
        tags.add(export.bulkTag(OcdsExportTest.LINKS));
        RecordKey bid = second.lodge(TenderStory.NORBU_WORKS, "2100000");
        second.bids.get(bid).forEach(records::addVersion);
        tags.add(export.bulkTag(OcdsExportTest.LINKS));
        clock.advance(Duration.ofMinutes(1));
        second.pendingStep(t -> t);
        RecordVersion refused = records.addVersion(second.tenderVersions.get(second.tenderVersions.size() - 1));
        tags.add(export.bulkTag(OcdsExportTest.LINKS));
        clock.advance(Duration.ofMinutes(1));
        refused.markRejected("OUT_OF_ORDER", "refused", clock.instant());
        tags.add(export.bulkTag(OcdsExportTest.LINKS));

        assertEquals(tags.size(), Set.copyOf(tags).size(),
                "a new version, its commit, its receipt completed, another tender's bid, a version and its rejection: " + tags);
        assertEquals(tags.get(tags.size() - 1), export.bulkTag(OcdsExportTest.LINKS));
        assertNotEquals(tags.get(tags.size() - 1), export.bulkTag(new OcdsLinks("https://mirror.example.bt")),
                "the links in the package differ");
    }

    @Test
    void theBulkPackagesBytesArePinnedToItsFormatVersion() throws Exception {
        OcdsExportTest.everyState().forEach(this::store);
        // The tag is no hash of the bytes: a client holding a copy is told it is current until a version
        // changes. When this fails, the same versions give other bytes: raise OcdsExport.FORMAT and pin them.
        assertEquals(PINNED.get(OcdsExport.FORMAT), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bulk(export))),
                "bulk package bytes for format " + OcdsExport.FORMAT);
    }

    /** Writes the export's bulk package as the servlet does. */
    static byte[] bulk(OcdsExport export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.bulkReleasePackage(OcdsExportTest.LINKS).orElseThrow().writeTo(out);
        return out.toByteArray();
    }

    /** The bulk package as it was built before it was streamed: every release in memory, sorted, written in one go. */
    static byte[] builtWhole(List<TenderStory> stories) {
        List<JsonObject> all = new ArrayList<>();
        stories.forEach(story -> all.addAll(story.releases()));
        all.sort(Comparator.comparing((JsonObject r) -> Instant.parse(r.getString("date"))).thenComparing(r -> r.getString("id")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JsonProviders.JSON.createWriter(out)) {
            writer.writeObject(OcdsPackages.releasePackage(OcdsExportTest.LINKS, OcdsExportTest.LINKS.bulkReleasePackage(), all));
        }
        return out.toByteArray();
    }

    private static Instant at(Instant start, int minutes) {
        return start.plus(Duration.ofMinutes(minutes));
    }

    /** A sealed tender opened: a valid bid, an invalid one and a withdrawn one. */
    static TenderStory sealed(String ocid) {
        TenderStory story = TenderStory.published(ocid);
        RecordKey valid = story.lodgeSealed("a7".repeat(32));
        RecordKey invalid = story.lodgeSealed("b8".repeat(32));
        RecordKey withdrawn = story.lodgeSealed("c9".repeat(32));
        story.withdrawSealed(withdrawn);
        story.passDeadline().openBids();
        story.openSealed(valid, new BidVerdict(valid.toString(), BidVerdict.Kind.VALID, new SealedBidContent(ocid, "CDB-2026-0101",
                        "1250000.00", "BTN", List.of()), null, null), "CDB-2026-0101", "Yangphel Builders")
                .openSealed(invalid, new BidVerdict(invalid.toString(), BidVerdict.Kind.INVALID, null, "hash-mismatch", null),
                        "CDB-2026-0202", "Pelden Works");
        return story;
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
