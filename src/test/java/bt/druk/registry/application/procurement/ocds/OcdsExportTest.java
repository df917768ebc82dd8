package bt.druk.registry.application.procurement.ocds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * OCDS releases and records built from tenders in every state, each validated against the
 * official OCDS 1.1.5 package schemas (with the bids extension and our druk-ledger extension
 * merged in), and every code checked against its codelist.
 */
class OcdsExportTest {

    static final OcdsLinks LINKS = new OcdsLinks("https://registry.example.bt/");
    static final OcdsSchemas SCHEMAS = new OcdsSchemas();

    static final Map<String, Set<String>> CODELISTS = Map.of(
            "releaseTag", OcdsSchemas.codelist("/ocds-1.1.5/codelists/releaseTag.csv"),
            "initiationType", OcdsSchemas.codelist("/ocds-1.1.5/codelists/initiationType.csv"),
            "tenderStatus", OcdsSchemas.codelist("/ocds-1.1.5/codelists/tenderStatus.csv"),
            "awardStatus", OcdsSchemas.codelist("/ocds-1.1.5/codelists/awardStatus.csv"),
            "partyRole", OcdsSchemas.codelist("/ocds-1.1.5/codelists/partyRole.csv"),
            "documentType", OcdsSchemas.codelist("/ocds-1.1.5/codelists/documentType.csv"),
            "method", OcdsSchemas.codelist("/ocds-1.1.5/codelists/method.csv"),
            "procurementCategory", OcdsSchemas.codelist("/ocds-1.1.5/codelists/procurementCategory.csv"),
            "currency", OcdsSchemas.codelist("/ocds-1.1.5/codelists/currency.csv"),
            "bidStatus", OcdsSchemas.codelist("/ocds-1.1.5/extensions/bids/codelists/bidStatus.csv"));
    static final Set<String> STATISTICS = OcdsSchemas.codelist("/ocds-1.1.5/extensions/bids/codelists/statistic.csv");

    // ---- every state

    @Test
    void anOpenTenderIsOneTenderReleaseWithItsTermsDocumentsAndLedgerEvidenceButNoBids() {
        TenderStory story = TenderStory.published();
        story.lodge(TenderStory.DRUK_BUILDERS, "2300000");
        List<JsonObject> releases = valid(story);

        assertEquals(1, releases.size());
        JsonObject r = releases.get(0);
        assertEquals("ocds-drk001-2026-0007-v1", r.getString("id"));
        assertEquals(List.of("tender"), strings(r.getJsonArray("tag")));
        assertEquals("tender", r.getString("initiationType"));
        assertEquals(story.tenderVersions.get(0).createdAt().toString(), r.getString("date"));
        JsonObject tender = r.getJsonObject("tender");
        assertEquals("DES/2026/007", tender.getString("id"));
        assertEquals("active", tender.getString("status"));
        assertEquals("open", tender.getString("procurementMethod"));
        assertEquals("works", tender.getString("mainProcurementCategory"));
        assertEquals(0, new BigDecimal("2500000").compareTo(tender.getJsonObject("value").getJsonNumber("amount").bigDecimalValue()));
        assertEquals(JsonValue.ValueType.NUMBER, tender.getJsonObject("value").get("amount").getValueType());
        assertEquals("BTN", tender.getJsonObject("value").getString("currency"));
        assertEquals(story.tender.published().toString(), tender.getValue("/tenderPeriod/startDate").toString().replace("\"", ""));
        assertEquals(story.tender.bidDeadline().toString(), ((JsonString) tender.getValue("/tenderPeriod/endDate")).getString());
        assertEquals(story.tender.enquiryPeriodEnd().toString(), ((JsonString) tender.getValue("/enquiryPeriod/endDate")).getString());
        JsonObject item = tender.getJsonArray("items").getJsonObject(1);
        assertEquals("2", item.getString("id"));
        assertEquals(new BigDecimal("2.5"), item.getJsonNumber("quantity").bigDecimalValue());
        assertEquals("lot", item.getJsonObject("unit").getString("name"));
        JsonObject notice = tender.getJsonArray("documents").getJsonObject(0);
        assertEquals(TenderStory.NOTICE_SHA, notice.getString("id"));
        assertEquals("tenderNotice", notice.getString("documentType"));
        assertEquals("https://registry.example.bt/files/" + TenderStory.NOTICE_SHA, notice.getString("url"));
        assertEquals("application/pdf", notice.getString("format"));
        assertEquals(TenderStory.NOTICE_SHA, notice.getString("drukSha256"));
        assertTrue(notice.getString("description").contains("SHA-256 " + TenderStory.NOTICE_SHA));

        JsonObject party = r.getJsonArray("parties").getJsonObject(0);
        assertEquals(1, r.getJsonArray("parties").size());
        assertEquals(List.of("buyer", "procuringEntity"), strings(party.getJsonArray("roles")));
        assertEquals(party.getString("id"), tender.getJsonObject("procuringEntity").getString("id"));
        assertEquals(party.getString("id"), r.getJsonObject("buyer").getString("id"));

        JsonObject ledger = r.getJsonObject("drukLedger");
        assertEquals("tender:ocds-drk001-2026-0007", ledger.getString("recordKey"));
        assertEquals(1, ledger.getInt("version"));
        assertEquals(story.tenderVersions.get(0).hash(), ledger.getString("ledgerHash"));
        assertEquals(story.tenderVersions.get(0).receipt().txId(), ledger.getString("txId"));
        assertEquals("https://registry.example.bt/records/documents/" + story.tenderVersions.get(0).documentHash() + ".json",
                ledger.getString("documentUrl"));
        assertFalse(r.containsKey("bids"), "a bid lodged before the deadline is not OCDS data yet");
        assertFalse(r.containsKey("awards"));
    }

    @Test
    void anAmendmentIsATenderAmendmentReleaseWithItsRationaleAndTheReleasesItLinks() {
        TenderStory story = TenderStory.published().amend("Addendum 1: revised quantities and a later deadline");
        List<JsonObject> releases = valid(story);

        assertEquals(List.of("ocds-drk001-2026-0007-v1", "ocds-drk001-2026-0007-v2"), ids(releases));
        JsonObject r = releases.get(1);
        assertEquals(List.of("tenderAmendment"), strings(r.getJsonArray("tag")));
        JsonObject amendment = r.getJsonObject("tender").getJsonArray("amendments").getJsonObject(0);
        assertEquals("Addendum 1: revised quantities and a later deadline", amendment.getString("rationale"));
        assertEquals("ocds-drk001-2026-0007-v1", amendment.getString("amendsReleaseID"));
        assertEquals("ocds-drk001-2026-0007-v2", amendment.getString("releaseID"));
        assertEquals(story.tenderVersions.get(1).createdAt().toString(), amendment.getString("date"));
        assertEquals(new BigDecimal("2750000.00"), r.getJsonObject("tender").getJsonObject("value").getJsonNumber("amount").bigDecimalValue());
        JsonObject addendum = r.getJsonObject("tender").getJsonArray("documents").getJsonObject(2);
        assertEquals("clarifications", addendum.getString("documentType"));
        assertEquals(r.getString("date"), addendum.getString("datePublished"), "published with the amendment");
        assertEquals(releases.get(0).getString("date"),
                r.getJsonObject("tender").getJsonArray("documents").getJsonObject(0).getString("datePublished"));
        assertEquals(story.tenderVersions.get(0).hash(), r.getJsonObject("drukLedger").getString("previousHash"));
        assertFalse(releases.get(0).getJsonObject("tender").containsKey("amendments"));
    }

    @Test
    void aCancellationIsATenderCancellationReleaseWithTheReasonAsCancellationDetails() {
        TenderStory story = TenderStory.published().cancel("Budget withdrawn by the Ministry");
        List<JsonObject> releases = valid(story);

        JsonObject r = releases.get(1);
        assertEquals(List.of("tenderCancellation"), strings(r.getJsonArray("tag")));
        assertEquals("cancelled", r.getJsonObject("tender").getString("status"));
        JsonArray documents = r.getJsonObject("tender").getJsonArray("documents");
        JsonObject cancellation = documents.getJsonObject(documents.size() - 1);
        assertEquals("cancellationDetails", cancellation.getString("documentType"));
        assertEquals("Budget withdrawn by the Ministry", cancellation.getString("description"));
    }

    @Test
    void openedBidsShowCountsAtOnceAndEachBidderAndPriceOnlyFromItsOpening() {
        TenderStory story = TenderStory.published();
        RecordKey first = story.lodge(TenderStory.DRUK_BUILDERS, "2300000", TenderStory.bidDocuments());
        RecordKey second = story.lodge(TenderStory.TASHI_CONSTRUCTION, "2410000.50");
        story.lodge(TenderStory.NORBU_WORKS, "2199999");
        story.passDeadline().openBids().open(first).open(second);
        List<JsonObject> releases = valid(story);

        assertEquals(List.of("ocds-drk001-2026-0007-v1", "ocds-drk001-2026-0007-v2", "ocds-drk001-2026-0007-bid-1-opened",
                "ocds-drk001-2026-0007-bid-2-opened"), ids(releases));
        JsonObject opening = releases.get(1);
        assertEquals(List.of("tenderUpdate"), strings(opening.getJsonArray("tag")));
        assertEquals("active", opening.getJsonObject("tender").getString("status"));
        assertEquals(opening.getString("date"), ((JsonString) opening.getValue("/tender/awardPeriod/startDate")).getString());
        JsonObject bids = opening.getJsonObject("bids");
        assertEquals(3, statistic(bids, "bids"));
        assertEquals(3, statistic(bids, "electronicBids"), "every sealed bid is lodged online");
        for (JsonValue detail : bids.getJsonArray("details")) {
            assertEquals("pending", detail.asJsonObject().getString("status"));
            assertFalse(detail.asJsonObject().containsKey("tenderers"));
            assertFalse(detail.asJsonObject().containsKey("value"));
            assertEquals(1, detail.asJsonObject().getJsonArray("drukLedger").size(), "the lodging's receipt");
        }
        String before = write(opening);
        for (String secret : List.of("Druk Builders", "Tashi", "Norbu", "2300000", "2410000", "2199999", "1002345")) {
            assertFalse(before.contains(secret), secret + " is in a release before any opening");
        }

        JsonObject afterFirst = releases.get(2);
        assertEquals(List.of("tenderUpdate"), strings(afterFirst.getJsonArray("tag")));
        JsonObject opened = afterFirst.getJsonObject("bids").getJsonArray("details").getJsonObject(0);
        assertEquals("1", opened.getString("id"));
        assertEquals("DRUK-TL-1002345", opened.getJsonArray("tenderers").getJsonObject(0).getString("id"));
        assertEquals(new BigDecimal("2300000.00"), opened.getJsonObject("value").getJsonNumber("amount").bigDecimalValue());
        assertEquals(2, opened.getJsonArray("drukLedger").size(), "the lodging and the opening");
        assertEquals(story.bids.get(first).get(1).hash(), opened.getJsonArray("drukLedger").getJsonObject(1).getString("ledgerHash"));
        JsonObject bidDocument = opened.getJsonArray("documents").getJsonObject(0);
        assertEquals("https://registry.example.bt/files/" + TenderStory.BID_DOC_SHA, bidDocument.getString("url"));
        assertFalse(afterFirst.getJsonObject("bids").getJsonArray("details").getJsonObject(1).containsKey("value"),
                "the second bid is not opened yet");
        assertFalse(write(afterFirst).contains("Tashi"));
        assertEquals("bid:ocds-drk001-2026-0007:1", afterFirst.getJsonObject("drukLedger").getString("recordKey"));
        assertEquals(2, afterFirst.getJsonObject("drukLedger").getInt("version"));

        JsonObject last = releases.get(3);
        assertEquals(List.of("DRUK-PE-DES", "DRUK-TL-1002345", "DRUK-TL-CL-2207/11"), partyIds(last));
        assertEquals(List.of("tenderer"), strings(last.getJsonArray("parties").getJsonObject(2).getJsonArray("roles")));
        assertEquals(2, last.getJsonObject("tender").getJsonArray("tenderers").size());
        assertFalse(write(last).contains("Norbu"), "a bid not opened (too few shares yet) names no bidder");
        assertFalse(last.containsKey("awards"));
    }

    @Test
    void aSealedBidCarriesNoValueNorTendererUntilTheOpeningThenItsValueOrDisqualificationAndItsSupplierAsParty() {
        TenderStory story = TenderStory.published();
        RecordKey valid = story.lodgeSealed("a7".repeat(32));
        RecordKey invalid = story.lodgeSealed("b8".repeat(32));
        RecordKey withdrawn = story.lodgeSealed("c9".repeat(32));
        story.withdrawSealed(withdrawn);
        story.passDeadline().openBids();
        String doc = "f0".repeat(32);
        story.openSealed(valid, new BidVerdict(valid.toString(), BidVerdict.Kind.VALID, new SealedBidContent(story.ocid,
                        "CDB-2026-0101", "1250000.00", "BTN", List.of(new SealedBidContent.Document("offer.pdf", "document-1", doc))),
                        null, null), "CDB-2026-0101", "Yangphel Builders")
                .openSealed(invalid, new BidVerdict(invalid.toString(), BidVerdict.Kind.INVALID, null, "hash-mismatch",
                        "the envelope hashes to 00ff, the ledger holds b8b8"), "CDB-2026-0202", "Pelden Works");
        List<JsonObject> releases = valid(story);

        assertEquals(List.of("ocds-drk001-2026-0007-v1", "ocds-drk001-2026-0007-v2", "ocds-drk001-2026-0007-bid-1-opened",
                "ocds-drk001-2026-0007-bid-2-opened"), ids(releases));
        JsonObject beforeOpening = releases.get(1).getJsonObject("bids");
        assertEquals(3, beforeOpening.getJsonArray("details").size());
        for (JsonValue detail : beforeOpening.getJsonArray("details")) {
            assertFalse(detail.asJsonObject().containsKey("value"), "no value before the opening");
            assertFalse(detail.asJsonObject().containsKey("tenderers"), "no tenderer before the opening");
        }
        assertEquals(List.of("pending", "pending", "withdrawn"), beforeOpening.getJsonArray("details").stream()
                .map(d -> d.asJsonObject().getString("status")).toList());
        assertFalse(write(releases.get(1)).contains("1250000"));
        assertFalse(write(releases.get(1)).contains("Yangphel"));

        JsonObject last = releases.get(3);
        JsonArray details = last.getJsonObject("bids").getJsonArray("details");
        JsonObject opened = details.getJsonObject(0);
        assertEquals("pending", opened.getString("status"));
        assertEquals(new BigDecimal("1250000.00"), opened.getJsonObject("value").getJsonNumber("amount").bigDecimalValue());
        assertEquals("DRUK-TL-CDB-2026-0101", opened.getJsonArray("tenderers").getJsonObject(0).getString("id"));
        assertEquals("https://registry.example.bt/files/" + doc, opened.getJsonArray("documents").getJsonObject(0).getString("url"));
        assertEquals(2, opened.getJsonArray("drukLedger").size(), "the lodging and the opening");
        JsonObject disqualified = details.getJsonObject(1);
        assertEquals("disqualified", disqualified.getString("status"));
        assertFalse(disqualified.containsKey("value"));
        assertTrue(disqualified.getString("description").contains("hash-mismatch"), disqualified.getString("description"));
        assertEquals("DRUK-TL-CDB-2026-0202", disqualified.getJsonArray("tenderers").getJsonObject(0).getString("id"));
        assertEquals("withdrawn", details.getJsonObject(2).getString("status"));
        assertEquals(List.of("DRUK-PE-DES", "DRUK-TL-CDB-2026-0101", "DRUK-TL-CDB-2026-0202"), partyIds(last));
        JsonObject supplier = last.getJsonArray("parties").getJsonObject(1);
        assertEquals("CDB-2026-0101", supplier.getJsonObject("identifier").getString("id"));
        assertEquals("Yangphel Builders", supplier.getString("name"));
        assertEquals(List.of("tenderer"), strings(supplier.getJsonArray("roles")));
    }

    @Test
    void anAwardedSealedBidIsValidWithItsPriceAndSupplierInTheAward() {
        TenderStory story = TenderStory.published();
        RecordKey bid = story.lodgeSealed("a7".repeat(32));
        story.passDeadline().openBids().openSealed(bid, new BidVerdict(bid.toString(), BidVerdict.Kind.VALID,
                new SealedBidContent(story.ocid, "CDB-2026-0101", "990000.00", "BTN", List.of()), null, null),
                "CDB-2026-0101", "Yangphel Builders").award(bid);
        List<JsonObject> releases = valid(story);
        JsonObject last = releases.get(releases.size() - 1);
        assertEquals("valid", last.getJsonObject("bids").getJsonArray("details").getJsonObject(0).getString("status"));
        JsonObject award = last.getJsonArray("awards").getJsonObject(0);
        assertEquals(new BigDecimal("990000.00"), award.getJsonObject("value").getJsonNumber("amount").bigDecimalValue());
        assertEquals("DRUK-TL-CDB-2026-0101", award.getJsonArray("suppliers").getJsonObject(0).getString("id"));
        assertEquals(List.of("tenderer", "supplier"), strings(last.getJsonArray("parties").getJsonObject(1).getJsonArray("roles")));
    }

    @Test
    void anAwardIsAnAwardReleaseWithTheOpenedPriceAndTheSupplierAndCompletingItUpdatesTheAward() {
        TenderStory story = TenderStory.published();
        RecordKey winner = story.lodge(TenderStory.DRUK_BUILDERS, "2300000");
        RecordKey other = story.lodge(TenderStory.TASHI_CONSTRUCTION, "2410000.50");
        story.lodge(TenderStory.NORBU_WORKS, "2199999");
        story.passDeadline().openBids().open(winner).open(other).award(winner).complete();
        List<JsonObject> releases = valid(story);

        assertEquals(List.of("ocds-drk001-2026-0007-v1", "ocds-drk001-2026-0007-v2", "ocds-drk001-2026-0007-bid-1-opened",
                "ocds-drk001-2026-0007-bid-2-opened", "ocds-drk001-2026-0007-v3", "ocds-drk001-2026-0007-v4"), ids(releases));
        JsonObject awarded = releases.get(4);
        assertEquals(List.of("award"), strings(awarded.getJsonArray("tag")));
        assertEquals("complete", awarded.getJsonObject("tender").getString("status"));
        JsonObject award = awarded.getJsonArray("awards").getJsonObject(0);
        assertEquals("active", award.getString("status"));
        assertEquals(awarded.getString("date"), award.getString("date"));
        assertEquals(new BigDecimal("2300000.00"), award.getJsonObject("value").getJsonNumber("amount").bigDecimalValue());
        assertEquals("BTN", award.getJsonObject("value").getString("currency"));
        assertEquals("DRUK-TL-1002345", award.getJsonArray("suppliers").getJsonObject(0).getString("id"));
        assertEquals(List.of("1"), strings(award.getJsonArray("relatedBids")));
        assertEquals(List.of("tenderer", "supplier"), strings(awarded.getJsonArray("parties").getJsonObject(1).getJsonArray("roles")));
        assertEquals(List.of("tenderer"), strings(awarded.getJsonArray("parties").getJsonObject(2).getJsonArray("roles")));
        JsonArray details = awarded.getJsonObject("bids").getJsonArray("details");
        assertEquals(List.of("valid", "pending", "pending"),
                details.stream().map(d -> d.asJsonObject().getString("status")).toList());
        assertEquals(award.getString("date"), ((JsonString) awarded.getValue("/tender/awardPeriod/endDate")).getString());

        JsonObject completed = releases.get(5);
        assertEquals(List.of("awardUpdate"), strings(completed.getJsonArray("tag")));
        assertEquals("complete", completed.getJsonObject("tender").getString("status"));
        assertEquals(award.getString("date"), completed.getJsonArray("awards").getJsonObject(0).getString("date"));
        assertTrue(completed.getJsonArray("awards").getJsonObject(0).getString("description").contains("complete"));
    }

    @Test
    void anUnsuccessfulTenderIsATenderUpdateWithAnUnsuccessfulAwardGivingTheReason() {
        TenderStory story = TenderStory.published();
        RecordKey only = story.lodge(TenderStory.NORBU_WORKS, "4100000");
        story.passDeadline().openBids().open(only).unsuccessful("The only bid is 64% above the estimate");
        List<JsonObject> releases = valid(story);

        JsonObject r = releases.get(releases.size() - 1);
        assertEquals("ocds-drk001-2026-0007-v3", r.getString("id"));
        assertEquals(List.of("tenderUpdate"), strings(r.getJsonArray("tag")));
        assertEquals("unsuccessful", r.getJsonObject("tender").getString("status"));
        JsonObject award = r.getJsonArray("awards").getJsonObject(0);
        assertEquals("unsuccessful", award.getString("status"));
        assertEquals("The only bid is 64% above the estimate", award.getString("description"));
        assertFalse(award.containsKey("suppliers"));
        assertEquals("pending", r.getJsonObject("bids").getJsonArray("details").getJsonObject(0).getString("status"));
    }

    @Test
    void onlyVersionsTheLedgerCommittedArePublishedAndReleaseIdsDoNotDependOnRejectedAttempts() {
        TenderStory story = TenderStory.published();
        story.rejectedStep(t -> t.cancel("attempt the ledger refused", "proc.clerk", "THIMPHU", story.now));
        story.amend("Addendum 1");
        story.pendingStep(t -> t.cancel("Budget withdrawn", "proc.clerk", "THIMPHU", story.now));
        List<JsonObject> releases = valid(story);

        assertEquals(List.of("ocds-drk001-2026-0007-v1", "ocds-drk001-2026-0007-v2"), ids(releases));
        assertEquals(List.of("tenderAmendment"), strings(releases.get(1).getJsonArray("tag")));
        assertEquals("active", releases.get(1).getJsonObject("tender").getString("status"), "the pending cancellation is not out yet");
        assertEquals(List.of(), new OcdsReleases(LINKS).releases(List.of(), List.of()));
        TenderStory pending = TenderStory.published();
        pending.tenderVersions.clear();
        pending.pendingStep(t -> t);
        assertEquals(List.of(), pending.releases(), "a tender the ledger has not committed is not published");
    }

    // ---- record and packages

    @Test
    void theRecordLinksEveryReleaseAndCompilesThemByIdLastWins() {
        TenderStory story = TenderStory.published().amend("Addendum 1");
        RecordKey winner = story.lodge(TenderStory.DRUK_BUILDERS, "2300000");
        story.lodge(TenderStory.TASHI_CONSTRUCTION, "2410000.50");
        story.passDeadline().openBids().open(winner).award(winner);
        List<JsonObject> releases = story.releases();
        JsonObject recordPackage = OcdsPackages.recordPackage(LINKS, story.ocid, releases);
        assertEquals(List.of(), SCHEMAS.recordPackageErrors(write(recordPackage)));

        assertEquals("https://registry.example.bt/ocds/records/ocds-drk001-2026-0007.json", recordPackage.getString("uri"));
        assertEquals(List.of("https://registry.example.bt/ocds/releases/ocds-drk001-2026-0007.json"),
                strings(recordPackage.getJsonArray("packages")));
        assertEquals(releases.get(releases.size() - 1).getString("date"), recordPackage.getString("publishedDate"));
        JsonObject record = recordPackage.getJsonArray("records").getJsonObject(0);
        JsonArray linked = record.getJsonArray("releases");
        assertEquals(releases.size(), linked.size());
        assertEquals("https://registry.example.bt/ocds/releases/ocds-drk001-2026-0007.json#ocds-drk001-2026-0007-v2",
                linked.getJsonObject(1).getString("url"));
        assertEquals(List.of("tenderAmendment"), strings(linked.getJsonObject(1).getJsonArray("tag")));

        JsonObject compiled = record.getJsonObject("compiledRelease");
        JsonObject newest = releases.get(releases.size() - 1);
        assertEquals(List.of("compiled"), strings(compiled.getJsonArray("tag")));
        assertEquals(story.ocid + "-" + newest.getString("date"), compiled.getString("id"));
        assertEquals(newest.getString("date"), compiled.getString("date"));
        assertEquals("complete", compiled.getJsonObject("tender").getString("status"));
        assertEquals(3, compiled.getJsonObject("tender").getJsonArray("documents").size());
        assertEquals(1, compiled.getJsonObject("tender").getJsonArray("amendments").size());
        assertEquals(newest.getJsonArray("awards"), compiled.getJsonArray("awards"));
        assertEquals(newest.getJsonObject("drukLedger"), compiled.getJsonObject("drukLedger"));
        assertEquals(List.of("tenderer", "supplier"), strings(compiled.getJsonArray("parties").getJsonObject(1).getJsonArray("roles")),
                "arrays of codes are replaced, not merged");
        assertEquals(2, compiled.getJsonObject("bids").getJsonArray("details").getJsonObject(0).getJsonArray("drukLedger").size());
    }

    @Test
    void theCompiledReleaseKeepsWhatALaterReleaseOmitsAndDropsWhatItNulls() {
        JsonObject first = Json.createObjectBuilder().add("ocid", "o").add("id", "o-1").add("date", "2026-01-01T00:00:00Z")
                .add("tag", Json.createArrayBuilder().add("tender"))
                .add("tender", Json.createObjectBuilder().add("title", "A").add("description", "d")
                        .add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "x").add("title", "X"))))
                .build();
        JsonObject second = Json.createObjectBuilder().add("ocid", "o").add("id", "o-2").add("date", "2026-01-02T00:00:00Z")
                .add("tag", Json.createArrayBuilder().add("tenderUpdate"))
                .add("tender", Json.createObjectBuilder().add("title", "B").addNull("description")
                        .add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "y").add("title", "Y"))))
                .build();
        JsonObject compiled = OcdsMerge.compile(List.of(first, second));
        assertEquals("B", compiled.getJsonObject("tender").getString("title"));
        assertFalse(compiled.getJsonObject("tender").containsKey("description"));
        assertEquals(List.of("x", "y"), compiled.getJsonObject("tender").getJsonArray("documents").stream()
                .map(d -> d.asJsonObject().getString("id")).toList());
        assertEquals("o-2026-01-02T00:00:00Z", compiled.getString("id"));
    }

    @Test
    void aBulkPackageOfEveryTenderInEveryStateIsValid() {
        List<JsonObject> all = new ArrayList<>();
        for (TenderStory story : everyState()) {
            all.addAll(story.releases());
        }
        JsonObject bulk = OcdsPackages.releasePackage(LINKS, LINKS.bulkReleasePackage(), all);
        assertEquals(List.of(), SCHEMAS.releasePackageErrors(write(bulk)));
        assertEquals("https://registry.example.bt/ocds/releases.json", bulk.getString("uri"));
        assertEquals("1.1", bulk.getString("version"));
        assertEquals("Druk Registry", bulk.getJsonObject("publisher").getString("name"));
        assertEquals(List.of(OcdsCodes.BIDS_EXTENSION, "https://registry.example.bt/ocds/extensions/druk-ledger/extension.json"),
                strings(bulk.getJsonArray("extensions")));
        assertEquals(all.size(), all.stream().map(r -> r.getString("ocid") + r.getString("id")).distinct().count(),
                "release ids are unique within their ocid");
    }

    @Test
    void everyCodeEmittedIsInItsCodelist() {
        int checked = 0;
        for (TenderStory story : everyState()) {
            List<JsonObject> releases = story.releases();
            List<JsonObject> all = new ArrayList<>(releases);
            all.add(OcdsMerge.compile(releases));
            for (JsonObject release : all) {
                checked += checkCodes(release, "");
            }
        }
        assertTrue(checked > 200, "checked " + checked + " codes");
    }

    @Test
    void theValidatorIsRealItRefusesCodesOutsideTheSchemaAndBrokenLedgerEvidence() {
        TenderStory story = TenderStory.published();
        JsonObject release = story.releases().get(0);
        JsonObject badStatus = Json.createObjectBuilder(release).add("tender",
                Json.createObjectBuilder(release.getJsonObject("tender")).add("status", "evaluation")).build();
        JsonObject badEvidence = Json.createObjectBuilder(release).add("drukLedger",
                Json.createObjectBuilder(release.getJsonObject("drukLedger")).add("ledgerHash", "not-a-hash")).build();
        JsonObject badDate = Json.createObjectBuilder(release).add("date", "2 March 2026").build();
        JsonObject badBid = Json.createObjectBuilder(release).add("bids", Json.createObjectBuilder()
                .add("details", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "1").add("status", "opened")))).build();
        JsonObject badDocumentHash = Json.createObjectBuilder(release).add("tender", Json.createObjectBuilder(release.getJsonObject("tender"))
                .add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "d").add("drukSha256", "ABC")))).build();
        for (JsonObject bad : List.of(badStatus, badEvidence, badDate, badBid, badDocumentHash)) {
            List<String> errors = SCHEMAS.releasePackageErrors(write(OcdsPackages.releasePackage(LINKS, "https://x.example/p.json", List.of(bad))));
            assertFalse(errors.isEmpty(), "accepted " + write(bad));
        }
    }

    @Test
    void theLedgerExtensionDescribesItselfWithAValidDocumentationLink() {
        JsonObject extension = OcdsPackages.ledgerExtension(LINKS);
        assertEquals("https://registry.example.bt/ocds/extensions/druk-ledger/README.md",
                extension.getJsonObject("documentationUrl").getString("en"));
        assertEquals(List.of("release-schema.json"), strings(extension.getJsonArray("schemas")));
        assertEquals(List.of("1.1"), strings(extension.getJsonArray("compatibility")));
    }

    // ---- helpers

    static List<TenderStory> everyState() {
        List<TenderStory> stories = new ArrayList<>();
        stories.add(TenderStory.published("ocds-drk001-2026-0001"));
        stories.add(TenderStory.published("ocds-drk001-2026-0002").amend("Addendum 1"));
        stories.add(TenderStory.published("ocds-drk001-2026-0003").cancel("Budget withdrawn"));
        TenderStory opened = TenderStory.published("ocds-drk001-2026-0004");
        RecordKey a = opened.lodge(TenderStory.DRUK_BUILDERS, "2300000", TenderStory.bidDocuments());
        opened.lodge(TenderStory.NORBU_WORKS, "2100000");
        opened.passDeadline().openBids().open(a);
        stories.add(opened);
        TenderStory awarded = TenderStory.published("ocds-drk001-2026-0005").amend("Later deadline");
        RecordKey w = awarded.lodge(TenderStory.TASHI_CONSTRUCTION, "2600000", TenderStory.bidDocuments());
        awarded.lodge(TenderStory.NORBU_WORKS, "2100000");
        awarded.passDeadline().openBids().open(w).award(w);
        stories.add(awarded);
        TenderStory complete = TenderStory.published("ocds-drk001-2026-0006");
        RecordKey c = complete.lodge(TenderStory.DRUK_BUILDERS, "2400000");
        complete.passDeadline().openBids().open(c).award(c).complete();
        stories.add(complete);
        TenderStory failed = TenderStory.published("ocds-drk001-2026-0008");
        RecordKey f = failed.lodge(TenderStory.NORBU_WORKS, "4100000");
        failed.passDeadline().openBids().open(f).unsuccessful("Above the estimate");
        stories.add(failed);
        TenderStory cancelledAfterOpening = TenderStory.published("ocds-drk001-2026-0009");
        cancelledAfterOpening.lodge(TenderStory.NORBU_WORKS, "2000000");
        cancelledAfterOpening.passDeadline().openBids().cancel("Specification error found at opening");
        stories.add(cancelledAfterOpening);
        return stories;
    }

    /** Validates the story's releases as a release package and as a record package; returns the releases. */
    static List<JsonObject> valid(TenderStory story) {
        List<JsonObject> releases = story.releases();
        JsonObject releasePackage = OcdsPackages.releasePackage(LINKS, LINKS.releasePackage(story.ocid), releases);
        assertEquals(List.of(), SCHEMAS.releasePackageErrors(write(releasePackage)));
        assertEquals(List.of(), SCHEMAS.recordPackageErrors(write(OcdsPackages.recordPackage(LINKS, story.ocid, releases))));
        for (JsonObject release : releases) {
            checkCodes(release, "");
        }
        return releases;
    }

    /** Checks every coded value below this one against its codelist; returns how many it checked. */
    static int checkCodes(JsonValue value, String path) {
        int checked = 0;
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                String at = path + "/" + e.getKey();
                String list = codelistOf(at.replaceAll("/[0-9]+", ""));
                if (list != null) {
                    for (String code : codes(e.getValue())) {
                        Set<String> codes = list.equals("statistic") ? STATISTICS : CODELISTS.get(list);
                        assertTrue(codes.contains(code), at + ": " + code + " is not in " + list);
                        checked++;
                    }
                }
                checked += checkCodes(e.getValue(), at);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                checked += checkCodes(array.get(i), path + "/" + i);
            }
        }
        return checked;
    }

    private static String codelistOf(String path) {
        if (path.equals("/tag")) {
            return "releaseTag";
        }
        if (path.equals("/initiationType")) {
            return "initiationType";
        }
        if (path.equals("/tender/status")) {
            return "tenderStatus";
        }
        if (path.equals("/tender/procurementMethod")) {
            return "method";
        }
        if (path.equals("/tender/mainProcurementCategory")) {
            return "procurementCategory";
        }
        if (path.equals("/awards/status")) {
            return "awardStatus";
        }
        if (path.equals("/bids/details/status")) {
            return "bidStatus";
        }
        if (path.equals("/bids/statistics/measure")) {
            return "statistic";
        }
        if (path.equals("/parties/roles")) {
            return "partyRole";
        }
        if (path.endsWith("/documentType")) {
            return "documentType";
        }
        if (path.endsWith("/currency")) {
            return "currency";
        }
        return null;
    }

    private static List<String> codes(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray a) {
            return strings(a);
        }
        throw new AssertionError("a code must be a string: " + value);
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<String> ids(List<JsonObject> releases) {
        return releases.stream().map(r -> r.getString("id")).toList();
    }

    static List<String> partyIds(JsonObject release) {
        return release.getJsonArray("parties").stream().map(p -> p.asJsonObject().getString("id")).collect(Collectors.toList());
    }

    static int statistic(JsonObject bids, String measure) {
        return bids.getJsonArray("statistics").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("measure").equals(measure)).map(s -> ((JsonNumber) s.get("value")).intValueExact())
                .findFirst().orElseThrow();
    }

    static JsonObject last(JsonArray array) {
        return array.getJsonObject(array.size() - 1);
    }

    static String write(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString();
    }
}
