package bt.druk.registry.application.procurement.ocds;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderDocument;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderJson;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The OCDS releases of one tender, built from its record versions and its bids' versions.
 *
 * <p>A release is published for every tender version and every bid opening the ledger has
 * committed (a pending version waits; a rejected one never happened). Its id is stable:
 * {@code <ocid>-v<version>} for a tender version, {@code <ocid>-bid-<number>-opened} for a bid's
 * opening; its date is the time the version was recorded. Each release is a full snapshot of what
 * was public at that moment: the tender version then current, and the bids as their committed
 * versions stood ({@link BidReading}). Before the opening a bid is its number and lodging time,
 * with neither value nor tenderer; from its opening a valid bid carries its value and tenderer, and
 * an invalid one its tenderer, status {@code disqualified} and the reason in its description.
 * Either way the supplier becomes a party, identified by its registration number.
 *
 * <p>Ledger evidence is not an OCDS field: it goes in {@code drukLedger} (release, and each bid)
 * and {@code drukSha256} (documents), declared by the portal's {@code druk-ledger} extension.
 */
public final class OcdsReleases {

    private final OcdsLinks links;

    public OcdsReleases(OcdsLinks links) {
        this.links = links;
    }

    private record TenderVersion(RecordVersion record, Tender tender) {
        Instant date() {
            return record.createdAt();
        }

        int version() {
            return record.version();
        }

        TenderOperation operation() {
            return tender.event().operation();
        }
    }

    /** A bid's committed version, with the bid's committed versions up to it (its ledger evidence). */
    private record BidVersion(RecordVersion record, BidReading bid, List<RecordVersion> history) {
    }

    /** A bidder named in public: by its trade licence or registration number, and its name. */
    private record Tenderer(String licenceNumber, String name) {
        static Tenderer of(BidReading bid) {
            return new Tenderer(bid.bidderId(), bid.bidderName());
        }
    }

    /** A moment a release is published for: a tender version, or a bid's opening. */
    private record Moment(String id, Instant date, String tag, TenderVersion tender, RecordVersion source) {
    }

    /**
     * Releases oldest first.
     *
     * @param tenderVersions every stored version of the tender (any ledger state)
     * @param bidVersions    every stored version of each of its bids
     */
    public List<JsonObject> releases(List<RecordVersion> tenderVersions, List<List<RecordVersion>> bidVersions) {
        return releases(tenderVersions, bidVersions, source -> true);
    }

    /**
     * Only the releases that these versions publish, oldest first: the bulk package is written a page
     * of versions at a time, and builds no release twice. Each is still the snapshot of its moment,
     * built from the whole history before it.
     *
     * @param publishes whose releases to build, by the version that publishes each: a committed tender
     *                  version, or the bid version that revealed (or opened) its bid
     */
    public List<JsonObject> releases(List<RecordVersion> tenderVersions, List<List<RecordVersion>> bidVersions,
                                     Predicate<RecordVersion> publishes) {
        List<TenderVersion> history = tenderVersions.stream()
                .filter(OcdsReleases::committed)
                .sorted(Comparator.comparingInt(RecordVersion::version))
                .map(v -> new TenderVersion(v, TenderJson.fromJson(RecordDocument.dataOf(v.canonicalJson()))))
                .toList();
        if (history.isEmpty()) {
            return List.of();
        }
        String ocid = history.get(0).tender().ocid();
        List<List<BidVersion>> bids = new ArrayList<>();
        for (List<RecordVersion> versions : bidVersions) {
            List<BidVersion> committed = versions.stream()
                    .filter(OcdsReleases::committed)
                    .sorted(Comparator.comparingInt(RecordVersion::version))
                    .map(v -> new BidVersion(v, BidReading.of(RecordKey.parse(v.recordKey()), RecordDocument.dataOf(v.canonicalJson())),
                            List.of()))
                    .toList();
            if (!committed.isEmpty()) {
                bids.add(committed);
            }
        }
        bids.sort(Comparator.comparingInt(b -> b.get(0).bid().number()));

        List<Moment> moments = new ArrayList<>();
        for (TenderVersion v : history) {
            moments.add(new Moment(releaseId(ocid, v.version()), v.date(), OcdsCodes.tag(v.operation()), v, v.record()));
        }
        for (List<BidVersion> bid : bids) {
            for (BidVersion v : bid) {
                if (v.bid().named() && !openedBefore(bid, v)) {
                    Optional<TenderVersion> tender = at(history, v.record().createdAt());
                    tender.ifPresent(t -> moments.add(new Moment(ocid + "-bid-" + v.bid().number() + "-opened",
                            v.record().createdAt(), OcdsCodes.TAG_BID_OPENED, t, v.record())));
                }
            }
        }
        moments.sort(Comparator.comparing(Moment::date).thenComparing(m -> m.source() == m.tender().record() ? 0 : 1)
                .thenComparing(Moment::id));

        List<JsonObject> releases = new ArrayList<>();
        for (Moment moment : moments) {
            if (publishes.test(moment.source())) {
                releases.add(release(ocid, moment, history, bidsAt(bids, moment.date())));
            }
        }
        return releases;
    }

    public static String releaseId(String ocid, int tenderVersion) {
        return ocid + "-v" + tenderVersion;
    }

    private JsonObject release(String ocid, Moment moment, List<TenderVersion> history, List<BidVersion> bids) {
        TenderVersion current = moment.tender();
        Tender tender = current.tender();
        List<TenderVersion> past = history.stream().filter(v -> v.version() <= current.version()).toList();
        Optional<BidVersion> awarded = awardedBid(tender, bids);

        JsonObjectBuilder release = JSON.createObjectBuilder()
                .add("ocid", ocid)
                .add("id", moment.id())
                .add("date", moment.date().toString())
                .add("tag", JSON.createArrayBuilder().add(moment.tag()))
                .add("initiationType", OcdsCodes.INITIATION_TYPE)
                .add("parties", parties(tender, bids, awarded))
                .add("buyer", entityReference(tender))
                .add("tender", tender(ocid, current, past, bids));
        JsonObject bidSection = bidSection(tender, bids, awarded, moment.date());
        if (bidSection != null) {
            release.add("bids", bidSection);
        }
        JsonArrayBuilder awards = awards(tender, past, awarded);
        if (awards != null) {
            release.add("awards", awards);
        }
        release.add("drukLedger", evidence(moment.source()));
        return release.build();
    }

    // ---- parties

    private JsonArrayBuilder parties(Tender tender, List<BidVersion> bids, Optional<BidVersion> awarded) {
        JsonArrayBuilder parties = JSON.createArrayBuilder();
        JsonArrayBuilder entityRoles = JSON.createArrayBuilder();
        OcdsCodes.entityRoles().forEach(entityRoles::add);
        parties.add(JSON.createObjectBuilder()
                .add("id", entityId(tender))
                .add("name", tender.procuringEntity().name())
                .add("roles", entityRoles));
        Tenderer supplier = awarded.map(b -> Tenderer.of(b.bid())).orElse(null);
        Map<String, Tenderer> tenderers = namedBidders(bids);
        for (Map.Entry<String, Tenderer> e : tenderers.entrySet()) {
            JsonArrayBuilder roles = JSON.createArrayBuilder().add(OcdsCodes.ROLE_TENDERER);
            if (supplier != null && supplier.licenceNumber().equals(e.getValue().licenceNumber())) {
                roles.add(OcdsCodes.ROLE_SUPPLIER);
            }
            parties.add(JSON.createObjectBuilder()
                    .add("id", e.getKey())
                    .add("name", e.getValue().name())
                    .add("identifier", JSON.createObjectBuilder()
                            .add("id", e.getValue().licenceNumber())
                            .add("legalName", e.getValue().name()))
                    .add("roles", roles));
        }
        return parties;
    }

    /**
     * Bidders named in public (their bid opened, valid or not) by party id, in bid
     * order, each once (a business may lodge more than one bid).
     */
    private static Map<String, Tenderer> namedBidders(List<BidVersion> bids) {
        Map<String, Tenderer> bidders = new LinkedHashMap<>();
        for (BidVersion b : bids) {
            if (b.bid().named()) {
                Tenderer bidder = Tenderer.of(b.bid());
                bidders.putIfAbsent(bidderId(bidder), bidder);
            }
        }
        return bidders;
    }

    static String entityId(Tender tender) {
        return "DRUK-PE-" + tender.procuringEntity().code();
    }

    /** A business by its trade licence number. */
    private static String bidderId(Tenderer bidder) {
        return "DRUK-TL-" + bidder.licenceNumber();
    }

    private static JsonObjectBuilder entityReference(Tender tender) {
        return JSON.createObjectBuilder().add("id", entityId(tender)).add("name", tender.procuringEntity().name());
    }

    private static JsonObjectBuilder bidderReference(Tenderer bidder) {
        return JSON.createObjectBuilder().add("id", bidderId(bidder)).add("name", bidder.name());
    }

    // ---- tender

    private JsonObjectBuilder tender(String ocid, TenderVersion current, List<TenderVersion> past, List<BidVersion> bids) {
        Tender t = current.tender();
        JsonObjectBuilder tender = JSON.createObjectBuilder()
                .add("id", t.tenderNumber())
                .add("title", t.title());
        if (!t.description().isBlank()) {
            tender.add("description", t.description());
        }
        tender.add("status", OcdsCodes.tenderStatus(t.status()))
                .add("procuringEntity", entityReference(t));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        int n = 0;
        for (TenderItem item : t.items()) {
            items.add(JSON.createObjectBuilder()
                    .add("id", String.valueOf(++n))
                    .add("description", item.description())
                    .add("quantity", item.quantity())
                    .add("unit", JSON.createObjectBuilder().add("name", item.unit())));
        }
        tender.add("items", items)
                .add("value", value(t.estimatedValue()))
                .add("procurementMethod", t.method().code())
                .add("mainProcurementCategory", t.category().code())
                .add("tenderPeriod", JSON.createObjectBuilder()
                        .add("startDate", t.published().toString())
                        .add("endDate", t.bidDeadline().toString()));
        if (t.enquiryPeriodEnd() != null) {
            tender.add("enquiryPeriod", JSON.createObjectBuilder()
                    .add("startDate", t.published().toString())
                    .add("endDate", t.enquiryPeriodEnd().toString()));
        }
        JsonObjectBuilder awardPeriod = awardPeriod(past);
        if (awardPeriod != null) {
            tender.add("awardPeriod", awardPeriod);
        }
        Map<String, Tenderer> tenderers = namedBidders(bids);
        if (!tenderers.isEmpty()) {
            JsonArrayBuilder refs = JSON.createArrayBuilder();
            tenderers.values().forEach(b -> refs.add(bidderReference(b)));
            tender.add("tenderers", refs);
        }
        tender.add("documents", tenderDocuments(t, past));
        JsonArrayBuilder amendments = JSON.createArrayBuilder();
        boolean amended = false;
        for (int i = 1; i < past.size(); i++) {
            TenderVersion v = past.get(i);
            if (v.operation() == TenderOperation.AMEND) {
                amended = true;
                String id = releaseId(ocid, v.version());
                amendments.add(JSON.createObjectBuilder()
                        .add("id", id)
                        .add("date", v.date().toString())
                        .add("rationale", v.tender().event().reason())
                        .add("amendsReleaseID", releaseId(ocid, past.get(i - 1).version()))
                        .add("releaseID", id));
            }
        }
        if (amended) {
            tender.add("amendments", amendments);
        }
        return tender;
    }

    /** From the opening of the bids to the award (or the finding that no bid is acceptable). */
    private static JsonObjectBuilder awardPeriod(List<TenderVersion> past) {
        Optional<TenderVersion> opened = past.stream().filter(v -> v.operation() == TenderOperation.OPEN_BIDS).findFirst();
        if (opened.isEmpty()) {
            return null;
        }
        JsonObjectBuilder period = JSON.createObjectBuilder().add("startDate", opened.get().date().toString());
        past.stream().filter(v -> v.operation() == TenderOperation.AWARD || v.operation() == TenderOperation.UNSUCCESSFUL)
                .findFirst().ifPresent(v -> period.add("endDate", v.date().toString()));
        return period;
    }

    private JsonArrayBuilder tenderDocuments(Tender t, List<TenderVersion> past) {
        JsonArrayBuilder documents = JSON.createArrayBuilder();
        List<String> ids = new ArrayList<>();
        for (TenderDocument d : t.documents()) {
            // The file's hash identifies the document across versions (OCDS merges documents by id).
            String id = d.sha256();
            for (int copy = 2; ids.contains(id); copy++) {
                id = d.sha256() + "-" + copy;
            }
            ids.add(id);
            Instant firstPublished = past.stream()
                    .filter(v -> v.tender().documents().stream().anyMatch(x -> x.sha256().equals(d.sha256())))
                    .map(TenderVersion::date).findFirst().orElse(past.get(past.size() - 1).date());
            documents.add(JSON.createObjectBuilder()
                    .add("id", id)
                    .add("documentType", d.documentType())
                    .add("title", d.title())
                    .add("description", fileDescription(d.fileName(), d.size(), d.sha256()))
                    .add("url", links.file(d.sha256()))
                    .add("datePublished", firstPublished.toString())
                    .add("format", d.mediaType())
                    .add("drukSha256", d.sha256()));
        }
        if (t.status() == TenderStatus.CANCELLED) {
            TenderVersion cancelled = past.get(past.size() - 1);
            documents.add(JSON.createObjectBuilder()
                    .add("id", "cancellation")
                    .add("documentType", OcdsCodes.DOCUMENT_CANCELLATION)
                    .add("title", "Reason for cancellation")
                    .add("description", t.statusReason())
                    .add("datePublished", cancelled.date().toString()));
        }
        return documents;
    }

    private static String fileDescription(String name, long size, String sha256) {
        return name + " (" + size + " bytes, SHA-256 " + sha256 + ")";
    }

    // ---- bids

    /** The tender's bids once the deadline has passed: the count is then final, and the opening may follow. */
    private JsonObject bidSection(Tender tender, List<BidVersion> bids, Optional<BidVersion> awarded, Instant at) {
        if (bids.isEmpty() || at.isBefore(tender.bidDeadline())) {
            return null;
        }
        // Every sealed bid is lodged online: a supplier's browser encrypts it.
        long online = bids.size();
        String closed = tender.bidDeadline().toString();
        JsonArrayBuilder statistics = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("id", OcdsCodes.STATISTIC_BIDS).add("measure", OcdsCodes.STATISTIC_BIDS)
                        .add("date", closed).add("value", bids.size()))
                .add(JSON.createObjectBuilder().add("id", OcdsCodes.STATISTIC_ELECTRONIC_BIDS)
                        .add("measure", OcdsCodes.STATISTIC_ELECTRONIC_BIDS).add("date", closed).add("value", online));
        JsonArrayBuilder details = JSON.createArrayBuilder();
        for (BidVersion b : bids) {
            details.add(bidDetail(tender, b, awarded.map(a -> a.bid().key().equals(b.bid().key())).orElse(false)));
        }
        return JSON.createObjectBuilder().add("statistics", statistics).add("details", details).build();
    }

    private JsonObjectBuilder bidDetail(Tender tender, BidVersion b, boolean isAwarded) {
        BidReading bid = b.bid();
        JsonObjectBuilder detail = JSON.createObjectBuilder()
                .add("id", String.valueOf(bid.number()))
                .add("date", bid.lodgedAt().toString())
                .add("status", bidStatus(bid, isAwarded));
        if (bid.invalid()) {
            detail.add("description", "Invalid at the opening: " + bid.invalidReason()
                    + (bid.invalidDetail() == null ? "" : " (" + bid.invalidDetail() + ")"));
        }
        if (bid.named()) {
            detail.add("tenderers", JSON.createArrayBuilder().add(bidderReference(Tenderer.of(bid))));
        }
        if (bid.valid()) {
            detail.add("value", value(bid.amount()));
            JsonArrayBuilder documents = JSON.createArrayBuilder();
            for (var d : bid.openedDocuments()) {
                documents.add(JSON.createObjectBuilder()
                        .add("id", d.sha256())
                        .add("documentType", OcdsCodes.DOCUMENT_BID)
                        .add("title", d.name())
                        .add("description", d.name() + " (SHA-256 " + d.sha256() + ")")
                        .add("url", links.file(d.sha256()))
                        .add("drukSha256", d.sha256()));
            }
            detail.add("documents", documents);
        }
        JsonArrayBuilder evidence = JSON.createArrayBuilder();
        b.history().forEach(v -> evidence.add(evidence(v)));
        return detail.add("drukLedger", evidence);
    }

    /**
     * The awarded bid is {@code valid}; a bid withdrawn by its supplier before the deadline is
     * {@code withdrawn}, one found invalid at the opening {@code disqualified}; any other is
     * {@code pending}, as the register records no evaluation of individual bids. Bids are opened by
     * the tender's key holders, never left closed by their bidders.
     */
    static String bidStatus(BidReading bid, boolean isAwarded) {
        if (isAwarded) {
            return OcdsCodes.BID_VALID;
        }
        return bid.withdrawn() ? OcdsCodes.BID_WITHDRAWN : bid.invalid() ? OcdsCodes.BID_DISQUALIFIED : OcdsCodes.BID_PENDING;
    }

    // ---- awards

    private JsonArrayBuilder awards(Tender tender, List<TenderVersion> past, Optional<BidVersion> awarded) {
        if (tender.status() == TenderStatus.AWARDED || tender.status() == TenderStatus.COMPLETE) {
            TenderVersion decision = past.stream().filter(v -> v.operation() == TenderOperation.AWARD).findFirst()
                    .orElse(past.get(past.size() - 1));
            JsonObjectBuilder award = JSON.createObjectBuilder()
                    .add("id", "1")
                    .add("title", "Award of " + tender.tenderNumber())
                    .add("status", OcdsCodes.AWARD_ACTIVE)
                    .add("date", decision.date().toString());
            if (tender.status() == TenderStatus.COMPLETE) {
                award.add("description", "The contracting process was marked complete on "
                        + past.get(past.size() - 1).date() + ".");
            }
            awarded.ifPresent(b -> {
                award.add("value", value(b.bid().amount()))
                        .add("suppliers", JSON.createArrayBuilder().add(bidderReference(Tenderer.of(b.bid()))))
                        .add("relatedBids", JSON.createArrayBuilder().add(String.valueOf(b.bid().number())));
            });
            return JSON.createArrayBuilder().add(award);
        }
        if (tender.status() == TenderStatus.UNSUCCESSFUL) {
            TenderVersion decision = past.get(past.size() - 1);
            return JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                    .add("id", "1")
                    .add("title", "No award of " + tender.tenderNumber())
                    .add("description", tender.statusReason())
                    .add("status", OcdsCodes.AWARD_UNSUCCESSFUL)
                    .add("date", decision.date().toString()));
        }
        return null;
    }

    private static Optional<BidVersion> awardedBid(Tender tender, List<BidVersion> bids) {
        if (tender.awardedBidKey() == null) {
            return Optional.empty();
        }
        return bids.stream().filter(b -> b.bid().key().toString().equals(tender.awardedBidKey()) && b.bid().valid())
                .findFirst();
    }

    // ---- ledger evidence

    /** What the ledger holds for a version, and where to read the bytes it was computed from. */
    private JsonObjectBuilder evidence(RecordVersion v) {
        LedgerReceipt receipt = v.receipt();
        JsonObjectBuilder evidence = JSON.createObjectBuilder()
                .add("recordKey", v.recordKey())
                .add("version", v.version())
                .add("operation", v.operation())
                .add("ledgerHash", v.hash());
        if (v.previousHash() != null) {
            evidence.add("previousHash", v.previousHash());
        }
        evidence.add("documentHash", v.documentHash())
                .add("documentUrl", links.recordDocument(v.documentHash()));
        if (receipt != null) {
            evidence.add("txId", receipt.txId());
            if (receipt.blockNumber() != null) {
                evidence.add("blockNumber", receipt.blockNumber());
            }
            if (receipt.commitTime() != null) {
                evidence.add("committedAt", receipt.commitTime().toString());
            }
            JsonArrayBuilder endorsers = JSON.createArrayBuilder();
            receipt.endorsingMspIds().forEach(endorsers::add);
            evidence.add("endorsedBy", endorsers);
        }
        return evidence;
    }

    // ---- helpers

    private static JsonObjectBuilder value(BigDecimal amount) {
        return JSON.createObjectBuilder().add("amount", amount).add("currency", OcdsCodes.CURRENCY);
    }

    private static boolean committed(RecordVersion v) {
        return v.ledgerState() == LedgerState.COMMITTED && v.receipt() != null;
    }

    private static boolean openedBefore(List<BidVersion> bid, BidVersion v) {
        return bid.stream().anyMatch(other -> other.record().version() < v.record().version() && other.bid().named());
    }

    /** The tender version current at this instant. */
    private static Optional<TenderVersion> at(List<TenderVersion> history, Instant instant) {
        TenderVersion found = null;
        for (TenderVersion v : history) {
            if (!v.date().isAfter(instant)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Each bid as its latest committed version recorded by this instant; bids not lodged yet are left out. */
    private static List<BidVersion> bidsAt(List<List<BidVersion>> bids, Instant instant) {
        List<BidVersion> result = new ArrayList<>();
        for (List<BidVersion> versions : bids) {
            BidVersion found = null;
            List<RecordVersion> history = new ArrayList<>();
            for (BidVersion v : versions) {
                if (!v.record().createdAt().isAfter(instant)) {
                    found = v;
                    history.add(v.record());
                }
            }
            if (found != null) {
                result.add(new BidVersion(found.record(), found.bid(), List.copyOf(history)));
            }
        }
        return result;
    }
}
