package bt.druk.registry.interfaces.rest;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The API's public reads (history, document, search) and the land clerk's follow-up writes over the
 * hand-wired portal (fake ledger), each answer as a client gets it: the resource's response or what
 * the exception mapper makes of what it threw.
 */
class RestReadsAndLandWritesTest {

    private final PortalHarness h = new PortalHarness();
    private final ApiExceptionMapper mapper = new ApiExceptionMapper();

    /** One acre: the search test registers 23 titles to one owner, within the Land Act 2007's 25 acres per family. */
    private static final String TITLE = """
            {"pin":"%s","thramNo":"%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1,"landType":"DRY_LAND",
             "owners":[{"name":"Karma Wangchuk","cid":"10101001234","share":"1"}]}""";

    private record Answer(int status, String type, Object entity, Response response) {
        String text() {
            return entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) entity;
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }

        String header(String name) {
            return response.getHeaderString(name);
        }

        List<String> errors() {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field") + " " + e.getString("code")).toList();
        }
    }

    private Answer call(Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            response = mapper.toResponse(e);
        }
        return new Answer(response.getStatus(), response.getMediaType() == null ? null : response.getMediaType().toString(),
                response.getEntity(), response);
    }

    private LandTitleResource land(StaffMember caller) {
        LandTitleResource resource = new LandTitleResource();
        resource.titles = h.land;
        resource.lineage = h.lineage;
        resource.staff = new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.ofNullable(caller);
            }
        };
        return resource;
    }

    private RecordResource records() {
        RecordResource resource = new RecordResource();
        resource.queries = h.queries;
        resource.land = h.publicLand;
        return resource;
    }

    private void registerCommitted(String pin, String thram) {
        assertEquals(202, call(() -> land(CLERK).register(TITLE.formatted(pin, thram))).status());
        h.submitter.submitDue();
    }

    @Test
    void historyListsEveryVersionWithItsReceiptOnceCommittedAndNoPersonalData() {
        registerCommitted("HIS-1", "t-1");
        Answer mortgage = call(() -> land(CLERK).registerMortgage("HIS-1",
                "{\"expectedVersion\":1,\"mortgageRef\":\"BNB-77\",\"lender\":\"Bank of Bhutan\"}"));
        assertEquals(202, mortgage.status(), mortgage.text());
        assertEquals(2, mortgage.json().getInt("version"));
        assertEquals("records/land-title:HIS-1", mortgage.response().getLocation().toString());

        Answer history = call(() -> records().history("land-title:HIS-1", null));
        assertEquals(200, history.status(), history.text());
        List<JsonObject> versions = history.json().getJsonArray("versions").getValuesAs(JsonObject.class);
        assertEquals(2, versions.size());
        LedgerEntry first = h.ledger.readRecord("land-title:HIS-1").orElseThrow();
        JsonObject receipt = versions.get(0).getJsonObject("receipt");
        assertEquals("COMMITTED", versions.get(0).getString("ledgerState"));
        assertEquals(first.txId(), receipt.getString("txId"));
        assertTrue(receipt.containsKey("blockNumber") && receipt.containsKey("endorsingMspIds"), receipt.toString());
        assertEquals("MORTGAGE_REGISTERED", versions.get(1).getString("operation"));
        assertEquals("PENDING", versions.get(1).getString("ledgerState"));
        assertFalse(versions.get(1).containsKey("receipt"));
        assertEquals(versions.get(0).getString("hash"), versions.get(1).getString("previousHash"));
        assertFalse(history.text().contains("Karma") || history.text().contains("10101001234") || history.text().contains("land.clerk"),
                history.text());

        String etag = history.header(HttpHeaders.ETAG);
        assertEquals(304, call(() -> records().history("land-title:HIS-1", etag)).status());
        h.submitter.submitDue();
        assertEquals(200, call(() -> records().history("land-title:HIS-1", etag)).status(), "the commit changed it");
        assertEquals(404, call(() -> records().history("land-title:NONE-1", null)).status());
        assertEquals(400, call(() -> records().history("no-colon", null)).status());
    }

    @Test
    void aStaleExpectedVersionIs409AndAMissingOrMalformedOneAFieldError() {
        registerCommitted("STALE-1", "t-2");
        assertEquals(202, call(() -> land(CLERK).lodgeCaveat("STALE-1",
                "{\"expectedVersion\":1,\"caveatRef\":\"CV-1\",\"reason\":\"Boundary dispute\"}")).status());

        Answer stale = call(() -> land(CLERK).lodgeCaveat("STALE-1",
                "{\"expectedVersion\":1,\"caveatRef\":\"CV-2\",\"reason\":\"Another dispute\"}"));
        assertEquals(409, stale.status(), stale.text());
        assertEquals(ApiJson.PROBLEM, stale.type());
        assertEquals(2, h.queries.versions("land-title:STALE-1").size(), "nothing stored");

        for (String expected : List.of("", "\"expectedVersion\":null,", "\"expectedVersion\":\"2\",", "\"expectedVersion\":0,",
                "\"expectedVersion\":2.5,", "\"expectedVersion\":99999999999,")) {
            Answer bad = call(() -> land(CLERK).releaseCaveat("STALE-1", "{" + expected + "\"caveatRef\":\"CV-1\"}"));
            assertEquals(400, bad.status(), expected);
            assertEquals("expectedVersion", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"), expected);
        }
        Answer released = call(() -> land(CLERK).releaseCaveat("STALE-1", "{\"expectedVersion\":2,\"caveatRef\":\"CV-1\"}"));
        assertEquals(202, released.status(), released.text());
        assertEquals("CAVEAT_RELEASED", h.queries.versions("land-title:STALE-1").get(2).operation());
    }

    @Test
    void aTransferIsLodgedWithTheFormsFieldErrorsAndTheTitlesRulesNamedLikeOnThePage() {
        registerCommitted("TR-1", "t-3");
        Answer types = call(() -> land(CLERK).lodgeTransfer("TR-1",
                "{\"expectedVersion\":1,\"transferType\":\"THEFT\",\"newOwners\":[{\"name\":\"Pema\",\"cid\":\"123\",\"share\":\"1\"}]}"));
        assertEquals(400, types.status());
        assertEquals(List.of("transferType transferType.unknown"), types.errors());

        Answer invalid = call(() -> land(CLERK).lodgeTransfer("TR-1",
                "{\"expectedVersion\":1,\"transferType\":\"sale\",\"newOwners\":[{\"name\":\"Pema Lhamo\",\"cid\":\"123\",\"share\":\"1\"}]}"));
        assertEquals(400, invalid.status());
        assertTrue(invalid.errors().stream().anyMatch(e -> e.startsWith("newOwners[0].cid ")), invalid.errors().toString());
        Answer noType = call(() -> land(CLERK).lodgeTransfer("TR-1", "{\"expectedVersion\":1,\"newOwners\":{}}"));
        assertEquals(List.of("newOwners type"), noType.errors());

        assertEquals(202, call(() -> land(CLERK).registerMortgage("TR-1",
                "{\"expectedVersion\":1,\"mortgageRef\":\"BNB-1\",\"lender\":\"Bank of Bhutan\"}")).status());
        String sale = "{\"expectedVersion\":%d,\"transferType\":\"SALE\",\"newOwners\":[{\"name\":\"Pema Lhamo\",\"cid\":\"11410002233\",\"share\":\"1\"}]}";
        Answer encumbered = call(() -> land(CLERK).lodgeTransfer("TR-1", sale.formatted(2)));
        assertEquals(400, encumbered.status(), encumbered.text());
        JsonObject rule = encumbered.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("", rule.getString("field"));
        assertTrue(rule.getString("message").toLowerCase().contains("mortgage"), rule.toString());

        assertEquals(202, call(() -> land(CLERK).dischargeMortgage("TR-1", "{\"expectedVersion\":2,\"mortgageRef\":\"BNB-1\"}")).status());
        Answer lodged = call(() -> land(CLERK).lodgeTransfer("TR-1", sale.formatted(3)));
        assertEquals(202, lodged.status(), lodged.text());
        assertEquals("land-title:TR-1", lodged.json().getString("recordKey"));
        assertEquals("TRANSFER_LODGED", h.queries.versions("land-title:TR-1").get(3).operation());
        h.submitter.submitDue();
        assertEquals(4, h.ledger.readRecord("land-title:TR-1").orElseThrow().version(), "the transfer reached the ledger");

        Answer objection = call(() -> land(CLERK).objectToTransfer("TR-1",
                "{\"expectedVersion\":4,\"objectorName\":\"Dorji\",\"reason\":\"I inherited it\"}"));
        assertEquals(202, objection.status(), objection.text());
        Answer nothingToFinalise = call(() -> land(CLERK).finaliseTransfer("TR-1", "{\"expectedVersion\":5}"));
        assertEquals(400, nothingToFinalise.status(), nothingToFinalise.text());
    }

    @Test
    void aCourtOrderIsRegisteredTheSameDayAndItsFieldsAreNamedWhenWrong() {
        registerCommitted("CO-9", "t-9");
        Answer missing = call(() -> land(CLERK).transferByCourtOrder("CO-9", "{\"expectedVersion\":1,\"court\":\"High Court\","
                + "\"newOwners\":[{\"name\":\"Pema Lhamo\",\"cid\":\"11410002233\",\"share\":\"1\"}]}"));
        assertEquals(400, missing.status(), missing.text());
        assertEquals(List.of("caseNumber required", "courtOrderSha256 required"), missing.errors());
        Answer registered = call(() -> land(CLERK).transferByCourtOrder("CO-9", "{\"expectedVersion\":1,\"court\":\"High Court\","
                + "\"caseNumber\":\"HC-1/2026\",\"courtOrderSha256\":\"" + "ab".repeat(32) + "\","
                + "\"newOwners\":[{\"name\":\"Pema Lhamo\",\"cid\":\"11410002233\",\"share\":\"1\"}]}"));
        assertEquals(202, registered.status(), registered.text());
        assertEquals("COURT_ORDER_TRANSFER", h.queries.versions("land-title:CO-9").get(1).operation());
        h.submitter.submitDue();
        assertEquals("registered", h.ledger.readRecord("land-title:CO-9").orElseThrow().status(), "no notice period");
    }

    /** A title of {@code acres} to one owner, with a household number when it is not null. */
    private static String familyTitle(String pin, String acres, String name, String cid, String household) {
        return """
                {"pin":"%s","thramNo":"T-%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":%s,"landType":"DRY_LAND",
                 "owners":[{"name":"%s","cid":"%s","share":"1"%s}]}""".formatted(pin, pin, acres, name, cid,
                household == null ? "" : ",\"household\":\"" + household + "\"");
    }

    @Test
    void theFamilyCeilingIsRefusedAtTheOwnersHouseholdAndACourtOrderOverItAnswersWithAWarning() {
        assertEquals(202, call(() -> land(CLERK).register(familyTitle("FAM-1", "24", "Dorji Wangmo", "11512009871", "5501"))).status());

        Answer over = call(() -> land(CLERK).register(familyTitle("FAM-2", "2", "Pema Dorji", "11512009872", "5501")));
        assertEquals(400, over.status(), over.text());
        assertEquals(List.of("owners[0].household family.ceiling"), over.errors());
        assertEquals("The Land Act 2007 limits a family's land to 25 acres: household 5501 holds 24.0 acres and would hold 26.0"
                + " with this parcel.", over.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals(List.of("owners[0].household household.format"),
                call(() -> land(CLERK).register(familyTitle("FAM-2", "2", "Pema Dorji", "11512009872", "55 01"))).errors());
        assertEquals(List.of("owners[0].household type"), call(() -> land(CLERK).register(familyTitle("FAM-2", "2", "Pema Dorji",
                "11512009872", null).replace("\"share\":\"1\"", "\"share\":\"1\",\"household\":[]"))).errors());

        assertEquals(202, call(() -> land(CLERK).register(familyTitle("FAM-3", "2", "Karma Wangchuk", "10101001234", null))).status());
        String toPema = "\"newOwners\":[{\"name\":\"Pema Dorji\",\"cid\":\"11512009872\",\"share\":\"1\",\"household\":\"5501\"}]";
        Answer lodged = call(() -> land(CLERK).lodgeTransfer("FAM-3", "{\"expectedVersion\":1,\"transferType\":\"SALE\"," + toPema + "}"));
        assertEquals(400, lodged.status(), lodged.text());
        assertEquals(List.of("newOwners[0].household family.ceiling"), lodged.errors());

        Answer ordered = call(() -> land(CLERK).transferByCourtOrder("FAM-3", "{\"expectedVersion\":1,\"court\":\"High Court\","
                + "\"caseNumber\":\"HC-2/2026\",\"courtOrderSha256\":\"" + "ab".repeat(32) + "\"," + toPema + "}"));
        assertEquals(202, ordered.status(), ordered.text());
        List<JsonObject> warnings = ordered.json().getJsonArray("warnings").getValuesAs(JsonObject.class);
        assertEquals(List.of("owners[0].household family.above-ceiling"),
                warnings.stream().map(w -> w.getString("field") + " " + w.getString("code")).toList());
        assertEquals("Household 5501 holds 26.0 acres, above the Land Act 2007's ceiling of 25 acres for a family.",
                warnings.get(0).getString("message"));
        h.submitter.submitDue();
        assertEquals("TransferByCourtOrder", h.ledger.committedCalls().get(h.ledger.committedCalls().size() - 1).function());
        assertFalse(h.ledger.committedCalls().toString().contains("5501"), "no household on the ledger");
    }

    @Test
    void aBoundaryAdjustmentAnswersForBothParcelsOrNamesTheNeighboursField() {
        registerCommitted("BA-8", "t-8");
        Answer noNeighbour = call(() -> land(CLERK).adjustBoundary("BA-8", "{\"expectedVersion\":1,\"areaAcres\":\"1\"}"));
        assertEquals(400, noNeighbour.status(), noNeighbour.text());
        assertEquals(List.of("neighbour type"), noNeighbour.errors());
        Answer noBoundary = call(() -> land(CLERK).adjustBoundary("BA-8", "{\"expectedVersion\":1,\"areaAcres\":\"1\","
                + "\"boundary\":\"POLYGON\",\"neighbour\":{\"pin\":\"BA-8\",\"expectedVersion\":1,\"areaAcres\":\"1\"}}"));
        assertEquals(List.of("boundary type"), noBoundary.errors(), "a boundary is a GeoJSON object");
    }

    @Test
    void changesNeedALandClerkAndAnExistingTitle() {
        Answer anonymous = call(() -> land(null).lodgeCaveat("TR-1", "{\"expectedVersion\":1,\"caveatRef\":\"x\",\"reason\":\"y\"}"));
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header(HttpHeaders.WWW_AUTHENTICATE).startsWith("Basic"));
        assertEquals(403, call(() -> land(PortalHarness.NOTARY_CLERK).lodgeCaveat("TR-1",
                "{\"expectedVersion\":1,\"caveatRef\":\"x\",\"reason\":\"y\"}")).status());
        Answer unknown = call(() -> land(CLERK).lodgeCaveat("NOPE-9", "{\"expectedVersion\":1,\"caveatRef\":\"x\",\"reason\":\"y\"}"));
        assertEquals(404, unknown.status(), unknown.text());
        assertEquals(400, call(() -> land(CLERK).lodgeCaveat("NOPE-9", "[1]")).status());
    }

    @Test
    void theDocumentIsTheExactBytesOfTheVersionsDocumentHash() {
        registerCommitted("DOC-1", "t-4");
        assertEquals(202, call(() -> land(CLERK).lodgeCaveat("DOC-1",
                "{\"expectedVersion\":1,\"caveatRef\":\"CV-9\",\"reason\":\"Court order\"}")).status());
        var versions = h.queries.versions("land-title:DOC-1");

        Answer current = call(() -> records().document("land-title:DOC-1", null, null));
        assertEquals(200, current.status(), current.text());
        String sha = CanonicalJson.sha256Hex(current.text());
        assertEquals(versions.get(1).documentHash(), sha);
        assertEquals(h.queries.publicDocument(sha).orElseThrow().canonicalJson(), current.text(), "as /records/documents serves it");
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":", current.header("Repr-Digest"));
        assertTrue(current.header(HttpHeaders.CACHE_CONTROL).contains("max-age=5"));
        assertFalse(current.text().contains("Karma") || current.text().contains("10101001234"), "owners only as commitments");

        Answer first = call(() -> records().document("land-title:DOC-1", "1", null));
        assertEquals(versions.get(0).documentHash(), CanonicalJson.sha256Hex(first.text()));
        assertTrue(first.header(HttpHeaders.CACHE_CONTROL).contains("immutable"));
        assertEquals(304, call(() -> records().document("land-title:DOC-1", "1", first.header(HttpHeaders.ETAG))).status());

        assertEquals(404, call(() -> records().document("land-title:DOC-1", "9", null)).status());
        Answer notNumber = call(() -> records().document("land-title:DOC-1", "one", null));
        assertEquals(List.of("version number"), notNumber.errors());
        assertEquals(404, call(() -> records().document("land-title:NONE-2", null, null)).status());
    }

    @Test
    void searchFindsByPinOrThramAndLocationInPagesOfTwenty() {
        for (int i = 1; i <= 23; i++) {
            registerCommitted("SRCH-" + i, "th-" + i);
        }
        Answer byPin = call(() -> records().search(null, "srch-7", null, null, null, null));
        assertEquals(200, byPin.status(), byPin.text());
        List<JsonObject> hits = byPin.json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(1, hits.size());
        assertEquals("land-title:SRCH-7", hits.get(0).getString("recordKey"));
        assertEquals("COMMITTED", hits.get(0).getString("ledgerState"));
        assertEquals("/api/records/land-title:SRCH-7", hits.get(0).getString("record"));
        assertFalse(byPin.text().contains("Karma"), byPin.text());

        Answer byThram = call(() -> records().search("land-title", "TH-12", null, null, null, null));
        assertEquals(List.of("land-title:SRCH-12"), byThram.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("recordKey")).toList());

        Answer page1 = call(() -> records().search(null, null, "Thimphu", "Kawang", null, null));
        assertEquals(23, page1.json().getInt("total"));
        assertEquals(20, page1.json().getJsonArray("results").size());
        assertEquals("/api/records?kind=land-title&dzongkhag=Thimphu&gewog=Kawang&page=2", page1.json().getString("next"));
        Answer page2 = call(() -> records().search(null, null, "Thimphu", "Kawang", "2", null));
        assertEquals(3, page2.json().getJsonArray("results").size());
        assertFalse(page2.json().containsKey("next"));
        assertEquals(0, call(() -> records().search(null, null, "Thimphu", null, "9", null)).json().getJsonArray("results").size());
        assertEquals(304, call(() -> records().search(null, null, "Thimphu", "Kawang", "2", page2.header(HttpHeaders.ETAG))).status());

        assertEquals(0, call(() -> records().search(null, "NO-SUCH-PIN", null, null, null, null)).json().getJsonArray("results").size());
        assertEquals(List.of(" search.empty"), call(() -> records().search(null, " ", null, null, null, null)).errors());
        assertEquals(List.of("kind kind.unsearchable", "page number"),
                call(() -> records().search("tender", "x", null, null, "0", null)).errors());
    }

    @Test
    void aWrongMethodKeepsItsAllowHeaderAndATooManyRequestsProblemSaysWhenToRetry() {
        Answer notAllowed = call(() -> {
            throw new NotAllowedException("GET", new String[] {"HEAD", "OPTIONS"});
        });
        assertEquals(405, notAllowed.status());
        assertEquals(ApiJson.PROBLEM, notAllowed.type());
        assertTrue(notAllowed.header(HttpHeaders.ALLOW).contains("GET"), notAllowed.header(HttpHeaders.ALLOW));
        assertNull(call(() -> {
            throw ApiProblem.notFound("x");
        }).header(HttpHeaders.ALLOW));

        Answer tooMany = call(() -> {
            throw ApiProblem.tooManyRequests(7);
        });
        assertEquals(429, tooMany.status());
        assertEquals("7", tooMany.header(HttpHeaders.RETRY_AFTER));
        assertEquals(429, tooMany.json().getInt("status"));
        assertEquals(ApiJson.PROBLEM, tooMany.type());
    }

    @Test
    void theCostlyPublicCallsAreTheOnesRateLimited() throws Exception {
        assertTrue(PublicRateLimitFilter.limited(RecordResource.class.getMethod("search",
                String.class, String.class, String.class, String.class, String.class, String.class)));
        assertFalse(PublicRateLimitFilter.limited(RecordResource.class.getMethod("record", String.class, String.class)));
        assertFalse(PublicRateLimitFilter.limited(null), "no method matched: Jersey's own 404");
    }
}
