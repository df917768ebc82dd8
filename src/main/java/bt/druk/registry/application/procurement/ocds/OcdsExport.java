package bt.druk.registry.application.procurement.ocds;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordStamps;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The procurement register's OCDS export: a tender's release package and record package, and a
 * bulk release package of every tender. Empty when there is nothing the ledger has committed yet
 * (an OCDS package holds at least one release).
 *
 * <p>The bulk package is written as it is read, a page of the {@link ReleaseTimeline} at a time,
 * so memory does not grow with the register: a page's releases are built (each tender touched by
 * the page loaded once for it) and written, then dropped. Its entity tag is known before: the
 * {@link RecordStamps stamp} of every tender and bid version, which any new version, commit,
 * rejection or completed receipt changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OcdsExport {

    /** Versions read per page of the bulk package; a page's releases are in memory together. */
    static final int PAGE_SIZE = 100;
    /**
     * The shape of what this code writes for the same versions: raise it when a release or the
     * package comes out different, so that a client's copy under an earlier tag is not kept
     * ({@code OcdsExportServiceTest} pins the bytes of the bulk package to it).
     */
    static final String FORMAT = "2";
    /** The bulk package's order: oldest first, and by release id among releases of the same instant. */
    private static final Comparator<JsonObject> BULK_ORDER = Comparator.comparing((JsonObject r) -> Instant.parse(r.getString("date")))
            .thenComparing(r -> r.getString("id"));

    private RecordRepository records;
    private TenderRepository tenders;
    private ReleaseTimeline timeline;
    private RecordStamps stamps;
    private int pageSize;

    /** Writes a package to a stream (and closes it). */
    public interface StreamedPackage {
        void writeTo(OutputStream out) throws IOException;
    }

    protected OcdsExport() {
    }

    @Inject
    public OcdsExport(RecordRepository records, TenderRepository tenders, ReleaseTimeline timeline, RecordStamps stamps) {
        this(records, tenders, timeline, stamps, PAGE_SIZE);
    }

    OcdsExport(RecordRepository records, TenderRepository tenders, ReleaseTimeline timeline, RecordStamps stamps, int pageSize) {
        this.records = records;
        this.tenders = tenders;
        this.timeline = timeline;
        this.stamps = stamps;
        this.pageSize = pageSize;
    }

    public Optional<JsonObject> releasePackage(String ocid, OcdsLinks links) {
        List<JsonObject> releases = releasesOf(ocid, links, v -> true);
        return releases.isEmpty() ? Optional.empty()
                : Optional.of(OcdsPackages.releasePackage(links, links.releasePackage(ocid), releases));
    }

    public Optional<JsonObject> recordPackage(String ocid, OcdsLinks links) {
        List<JsonObject> releases = releasesOf(ocid, links, v -> true);
        return releases.isEmpty() ? Optional.empty() : Optional.of(OcdsPackages.recordPackage(links, ocid, releases));
    }

    /**
     * The bulk package's entity tag (SHA-256, hexadecimal), from one aggregate query: the same while
     * no tender or bid version changes, for the same base URL and {@link #FORMAT}.
     */
    public String bulkTag(OcdsLinks links) {
        String stamp = stamps.ofKinds(ReleaseTimeline.KINDS).map(RecordStamps.Stamp::text).orElse("no version");
        return CanonicalJson.sha256Hex(FORMAT + "\n" + links.bulkReleasePackage() + "\n" + stamp);
    }

    /**
     * Every release of every tender, oldest first (by release id within an instant); empty when no
     * release is published. Finding the newest release (the package's {@code publishedDate}, written
     * before the releases) reads the timeline from its end, usually one page; the releases are read
     * when the package is written.
     */
    public Optional<StreamedPackage> bulkReleasePackage(OcdsLinks links) {
        return newestRelease(links).map(publishedDate -> out -> writeBulk(links, publishedDate, out));
    }

    private Optional<String> newestRelease(OcdsLinks links) {
        Instant before = null;
        while (true) {
            List<ReleaseTimeline.Entry> page = timeline.before(before, pageSize);
            List<JsonObject> releases = releasesOf(page, links);
            if (!releases.isEmpty()) {
                return Optional.of(releases.get(releases.size() - 1).getString("date"));
            }
            if (page.size() < pageSize) {
                return Optional.empty();
            }
            before = page.get(page.size() - 1).recordedAt();
        }
    }

    private void writeBulk(OcdsLinks links, String publishedDate, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            OcdsPackages.startReleasePackage(json, links, links.bulkReleasePackage(), publishedDate);
            Instant after = null;
            while (true) {
                List<ReleaseTimeline.Entry> page = timeline.after(after, pageSize);
                releasesOf(page, links).forEach(json::write);
                if (page.size() < pageSize) {
                    break;
                }
                after = page.get(page.size() - 1).recordedAt();
            }
            json.writeEnd().writeEnd();
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException gone) {
                throw gone; // the client went away: not an error of ours
            }
            throw e;
        }
    }

    /** The releases a page of the timeline publishes, in the bulk package's order. */
    private List<JsonObject> releasesOf(List<ReleaseTimeline.Entry> page, OcdsLinks links) {
        Set<String> published = new HashSet<>();
        Set<String> ocids = new LinkedHashSet<>();
        for (ReleaseTimeline.Entry e : page) {
            published.add(e.recordKey() + "#" + e.version());
            RecordKey key = RecordKey.parse(e.recordKey());
            ocids.add(key.isKind(BidKeys.KIND) ? BidKeys.ocidOf(key) : key.id());
        }
        List<JsonObject> releases = new ArrayList<>();
        for (String ocid : ocids) {
            releases.addAll(releasesOf(ocid, links, v -> published.contains(v.recordKey() + "#" + v.version())));
        }
        releases.sort(BULK_ORDER);
        return releases;
    }

    private List<JsonObject> releasesOf(String ocid, OcdsLinks links, Predicate<RecordVersion> publishes) {
        if (ocid == null || ocid.isBlank()) {
            return List.of();
        }
        String tenderKey = Tender.keyOf(ocid).toString();
        List<RecordVersion> tenderVersions = records.versionsOf(tenderKey);
        if (tenderVersions.isEmpty()) {
            return List.of();
        }
        List<List<RecordVersion>> bidVersions = new ArrayList<>();
        for (BidSummary bid : tenders.bidsOf(tenderKey)) {
            bidVersions.add(records.versionsOf(bid.recordKey()));
        }
        return new OcdsReleases(links).releases(tenderVersions, bidVersions, publishes);
    }
}
