package bt.druk.registry.application.procurement.ocds;

import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The procurement register's OCDS export: a tender's release package and record package, and a
 * bulk release package of every tender. Empty when there is nothing the ledger has committed yet
 * (an OCDS package holds at least one release).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OcdsExport {

    /** Far above the number of tenders a bulk file should hold before it is split by year. */
    static final int BULK_LIMIT = 100_000;

    private RecordRepository records;
    private TenderRepository tenders;

    protected OcdsExport() {
    }

    @Inject
    public OcdsExport(RecordRepository records, TenderRepository tenders) {
        this.records = records;
        this.tenders = tenders;
    }

    public Optional<JsonObject> releasePackage(String ocid, OcdsLinks links) {
        List<JsonObject> releases = releasesOf(ocid, links);
        return releases.isEmpty() ? Optional.empty()
                : Optional.of(OcdsPackages.releasePackage(links, links.releasePackage(ocid), releases));
    }

    public Optional<JsonObject> recordPackage(String ocid, OcdsLinks links) {
        List<JsonObject> releases = releasesOf(ocid, links);
        return releases.isEmpty() ? Optional.empty() : Optional.of(OcdsPackages.recordPackage(links, ocid, releases));
    }

    /** Every release of every tender, oldest first. */
    public Optional<JsonObject> bulkReleasePackage(OcdsLinks links) {
        List<JsonObject> all = new ArrayList<>();
        for (TenderSummary tender : tenders.searchTenders(null, List.of(), null, BULK_LIMIT)) {
            all.addAll(releasesOf(tender.ocid(), links));
        }
        all.sort(Comparator.comparing((JsonObject r) -> Instant.parse(r.getString("date"))).thenComparing(r -> r.getString("id")));
        return all.isEmpty() ? Optional.empty()
                : Optional.of(OcdsPackages.releasePackage(links, links.bulkReleasePackage(), all));
    }

    List<JsonObject> releasesOf(String ocid, OcdsLinks links) {
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
        return new OcdsReleases(links).releases(tenderVersions, bidVersions);
    }
}
