package bt.druk.registry.application.procurement.ocds;

import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Bidder;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderDocument;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderJson;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.Register;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A tender's life told through the domain API, each step stored as the record version the
 * pipeline would store (same envelope, hashes and imprints) and committed with a receipt, unless
 * the step is left pending or rejected on purpose.
 */
final class TenderStory {

    static final ProcuringEntity DES = new ProcuringEntity("DES", "Department of Engineering Services");
    static final Bidder DRUK_BUILDERS = new Bidder("1002345", "ཀུན་ལེགས་ Druk Builders");
    static final Bidder TASHI_CONSTRUCTION = new Bidder("CL-2207/11", "Tashi Construction Pvt. Ltd.");
    static final Bidder NORBU_WORKS = new Bidder("1009876", "Norbu Works");
    static final String NOTICE_SHA = "a1".repeat(32);
    static final String DRAWINGS_SHA = "b2".repeat(32);
    static final String ADDENDUM_SHA = "c3".repeat(32);
    static final String BID_DOC_SHA = "d4".repeat(32);
    /** Three holders of three organisations, 2 of 3 (only their key hashes matter here). */
    static final bt.druk.registry.domain.procurement.TenderOpening OPENING = bt.druk.registry.domain.procurement.TenderOpening.of(2, List.of(
            new bt.druk.registry.domain.procurement.TenderOpening.Holder(1, "ProcurementMSP", "procurement clerk", "spki-1", "f1".repeat(32)),
            new bt.druk.registry.domain.procurement.TenderOpening.Holder(2, "AuditMSP", "inspector", "spki-2", "f2".repeat(32)),
            new bt.druk.registry.domain.procurement.TenderOpening.Holder(3, "JusticeMSP", "notary clerk", "spki-3", "f3".repeat(32))));

    final String ocid;
    Instant now = Instant.parse("2026-03-02T03:00:00Z");
    Tender tender;
    final List<RecordVersion> tenderVersions = new ArrayList<>();
    final Map<RecordKey, List<RecordVersion>> bids = new LinkedHashMap<>();
    /** What each bid lodged with {@link #lodge} holds, to be found valid when it is {@linkplain #open opened}. */
    private final Map<RecordKey, SealedBidContent> sealed = new HashMap<>();
    private final Map<RecordKey, Bidder> suppliers = new HashMap<>();
    private long nextId = 1;
    private long nextBlock = 12;

    private TenderStory(String ocid) {
        this.ocid = ocid;
    }

    static TenderStory published() {
        return published("ocds-drk001-2026-0007");
    }

    static TenderStory published(String ocid) {
        return published(ocid, Instant.parse("2026-03-02T03:00:00Z"));
    }

    static TenderStory published(String ocid, Instant at) {
        TenderStory story = new TenderStory(ocid);
        story.now = at;
        Instant start = story.now;
        Tender.Terms terms = new Tender.Terms("Construction of the Wangchu bridge approach road",
                "Earthwork, retaining walls and blacktopping of 1.2 km.", ProcurementMethod.OPEN, MainCategory.WORKS,
                new BigDecimal("2500000.00"), start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(14)),
                List.of(new TenderItem("Blacktopping", new BigDecimal("1200"), "m"),
                        new TenderItem("Retaining wall", new BigDecimal("2.5"), "lot")),
                List.of(new TenderDocument("Invitation for bids", "tenderNotice", "ifb.pdf", "application/pdf", 48213, NOTICE_SHA),
                        new TenderDocument("Drawings", "technicalSpecifications", "drawings.pdf", "application/pdf", 901234,
                                DRAWINGS_SHA)));
        story.tender = Tender.publish(ocid, "DES/2026/007", DES, terms, OPENING, start.plus(Duration.ofDays(7)), "proc.clerk", "THIMPHU",
                start);
        story.commitTender();
        return story;
    }

    TenderStory amend(String reason) {
        tick();
        Tender.Terms old = tender.terms();
        List<TenderDocument> documents = new ArrayList<>(old.documents());
        documents.add(new TenderDocument("Addendum 1", "clarifications", "addendum-1.pdf", "application/pdf", 2048, ADDENDUM_SHA));
        Tender.Terms terms = new Tender.Terms(old.title(), old.description(), old.method(), old.category(),
                new BigDecimal("2750000.00"), old.enquiryPeriodEnd(), old.bidDeadline().plus(Duration.ofDays(3)), old.items(), documents);
        return step(t -> t.amend(terms, reason, now.plus(Duration.ofDays(7)), "proc.clerk", "THIMPHU", now));
    }

    TenderStory cancel(String reason) {
        tick();
        return step(t -> t.cancel(reason, "proc.clerk", "THIMPHU", now));
    }

    /**
     * Lodges a sealed bid of {@code bidder} at {@code price} before the deadline: the register holds
     * only its envelope's hash; {@link #open} later finds it valid with this price and these documents.
     */
    RecordKey lodge(Bidder bidder, String price, List<SealedBidContent.Document> documents) {
        RecordKey key = lodgeSealed(CanonicalJson.sha256Hex("envelope of " + bidder.licenceNumber() + " at " + price));
        sealed.put(key, new SealedBidContent(ocid, bidder.licenceNumber(), new BigDecimal(price).setScale(2).toPlainString(),
                SealedBidContent.BTN, documents));
        suppliers.put(key, bidder);
        return key;
    }

    /** Lodges a sealed bid (issue 25): only its envelope's hash, share hashes and supplier commitment. */
    RecordKey lodgeSealed(String envelopeSha256) {
        tick();
        RecordKey key = BidKeys.of(ocid, bids.size() + 1);
        SealedBidRecord lodged = SealedBidRecord.lodge(key, tender.key().toString(), envelopeSha256,
                List.of("e1".repeat(32), "e2".repeat(32), "e3".repeat(32)), CanonicalJson.sha256Hex("supplier-of-" + key), now);
        List<RecordVersion> versions = new ArrayList<>();
        versions.add(store(key.toString(), BidKeys.KIND, 1, "BID_LODGED", "LodgeSealedBid", lodged.toJson(),
                BidImprints.SealedEnvelope.CODE, SealedBidRecord::envelopeHashOf, null));
        bids.put(key, versions);
        return key;
    }

    /** Records the opening's verdict on a sealed bid lodged by the supplier {@code supplierId}. */
    TenderStory openSealed(RecordKey key, BidVerdict verdict, String supplierId, String supplierName) {
        tick();
        List<RecordVersion> versions = bids.get(key);
        RecordVersion last = versions.get(versions.size() - 1);
        SealedBidRecord bid = SealedBidRecord.fromJson(key, RecordDocument.dataOf(last.canonicalJson()));
        SealedBidRecord opened = bid.open(verdict, supplierId, supplierName, "salt-" + supplierId, now);
        versions.add(store(key.toString(), BidKeys.KIND, last.version() + 1,
                verdict.kind() == BidVerdict.Kind.VALID ? "BID_OPENED" : "BID_INVALID", "OpenBid", opened.toJson(),
                LedgerImprint.DOCUMENT.code(), data -> null, last.hash()));
        return this;
    }

    /** Withdraws a sealed bid before the deadline. */
    TenderStory withdrawSealed(RecordKey key) {
        tick();
        List<RecordVersion> versions = bids.get(key);
        RecordVersion last = versions.get(versions.size() - 1);
        SealedBidRecord bid = SealedBidRecord.fromJson(key, RecordDocument.dataOf(last.canonicalJson()));
        versions.add(store(key.toString(), BidKeys.KIND, last.version() + 1, "BID_WITHDRAWN", "WithdrawBid",
                bid.withdraw(now).toJson(), LedgerImprint.DOCUMENT.code(), data -> null, last.hash()));
        return this;
    }

    RecordKey lodge(Bidder bidder, String price) {
        return lodge(bidder, price, List.of());
    }

    TenderStory passDeadline() {
        now = tender.bidDeadline().plus(Duration.ofMinutes(30));
        return this;
    }

    /** The opening finds the bid lodged with {@link #lodge} valid. */
    TenderStory open(RecordKey key) {
        Bidder bidder = suppliers.get(key);
        return openSealed(key, new BidVerdict(key.toString(), BidVerdict.Kind.VALID, sealed.get(key), null, null),
                bidder.licenceNumber(), bidder.name());
    }

    TenderStory openBids() {
        tick();
        return step(t -> t.openBids("proc.clerk", "THIMPHU", now));
    }

    TenderStory award(RecordKey bid) {
        tick();
        return step(t -> t.award(bid, "proc.clerk", "THIMPHU", now));
    }

    TenderStory complete() {
        tick();
        return step(t -> t.complete("proc.clerk", "THIMPHU", now));
    }

    TenderStory unsuccessful(String reason) {
        tick();
        return step(t -> t.unsuccessful(reason, "proc.clerk", "THIMPHU", now));
    }

    /** The next tender version stored but still waiting for the ledger. */
    TenderStory pendingStep(UnaryOperator<Tender> change) {
        tick();
        Tender next = change.apply(tender);
        RecordVersion last = tenderVersions.isEmpty() ? null : tenderVersions.get(tenderVersions.size() - 1);
        tenderVersions.add(uncommitted(tender.key().toString(), Tender.KIND, last == null ? 1 : last.version() + 1,
                next.event().operation().name(), next.event().operation().chaincodeFunction(), TenderJson.toJson(next),
                last == null ? null : last.hash()));
        return this;
    }

    /** A tender version the ledger refused: stored, rejected, never part of the record. */
    TenderStory rejectedStep(UnaryOperator<Tender> change) {
        pendingStep(change);
        tenderVersions.get(tenderVersions.size() - 1).markRejected("OUT_OF_ORDER", "refused", now);
        return this;
    }

    List<List<RecordVersion>> bidVersions() {
        return new ArrayList<>(bids.values());
    }

    List<JsonObject> releases() {
        return new OcdsReleases(OcdsExportTest.LINKS).releases(tenderVersions, bidVersions());
    }

    static List<SealedBidContent.Document> bidDocuments() {
        return List.of(new SealedBidContent.Document("technical-proposal.pdf", "document-1", BID_DOC_SHA));
    }

    private TenderStory step(UnaryOperator<Tender> change) {
        tender = change.apply(tender);
        commitTender();
        return this;
    }

    private void commitTender() {
        RecordVersion last = tenderVersions.stream().filter(v -> v.ledgerState() != bt.druk.registry.domain.record.LedgerState.REJECTED)
                .reduce((a, b) -> b).orElse(null);
        int version = last == null ? 1 : last.version() + 1;
        tenderVersions.add(store(tender.key().toString(), Tender.KIND, version, tender.event().operation().name(),
                tender.event().operation().chaincodeFunction(), TenderJson.toJson(tender), LedgerImprint.DOCUMENT.code(),
                data -> null, last == null ? null : last.hash()));
    }

    private interface LedgerHashOf {
        String of(JsonObject data);
    }

    private RecordVersion store(String key, String kind, int version, String operation, String function, JsonObject data,
                                String imprint, LedgerHashOf ledgerHash, String previousHash) {
        RecordVersion v = uncommitted(key, kind, version, operation, function, data, previousHash, imprint, ledgerHash);
        v.markCommitted(new LedgerReceipt("tx-" + v.id() + "-" + Long.toHexString(v.documentHash().hashCode()), nextBlock++,
                now.plusSeconds(2), List.of("ProcurementMSP", "AuditMSP")), now.plusSeconds(2));
        return v;
    }

    private RecordVersion uncommitted(String key, String kind, int version, String operation, String function, JsonObject data,
                                      String previousHash) {
        return uncommitted(key, kind, version, operation, function, data, previousHash, LedgerImprint.DOCUMENT.code(), d -> null);
    }

    private RecordVersion uncommitted(String key, String kind, int version, String operation, String function, JsonObject data,
                                      String previousHash, String imprint, LedgerHashOf ledgerHash) {
        String canonical = CanonicalJson.canonicalize(
                RecordDocument.envelope(key, kind, Register.PROCUREMENT.code(), version, previousHash, data));
        String documentHash = CanonicalJson.sha256Hex(canonical);
        String hash = ledgerHash.of(data);
        RecordVersion v = new RecordVersion(key, kind, Register.PROCUREMENT.code(), version, operation, function, canonical,
                documentHash, imprint, hash == null ? documentHash : hash, previousHash, "proc.clerk", "THIMPHU", now);
        v.assignId(nextId++);
        return v;
    }

    private void tick() {
        now = now.plus(Duration.ofHours(1));
    }
}
