package bt.druk.registry.interfaces.rest;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import bt.druk.registry.testing.PortalHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonReader;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The API's resources over the hand-wired portal (fake ledger), each answer as a client would get
 * it: a resource's response, or what the exception mapper makes of what it threw.
 */
class RestApiTest {

    private final PortalHarness h = new PortalHarness();
    private final ApiExceptionMapper mapper = new ApiExceptionMapper();

    private static final String TITLE = """
            {"pin":"%s","thramNo":"t-42","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1.25,"landType":"DRY_LAND",
             "owners":[{"name":"Karma Wangchuk","cid":"10101001234","share":"1"}]}""";

    private record Answer(int status, String type, String text, Response response) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }

        String header(String name) {
            return response.getHeaderString(name);
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
                (String) response.getEntity(), response);
    }

    private static CurrentStaff signedIn(StaffMember member) {
        return new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.ofNullable(member);
            }
        };
    }

    private LandTitleResource land(StaffMember caller) {
        LandTitleResource resource = new LandTitleResource();
        resource.titles = h.land;
        resource.staff = signedIn(caller);
        return resource;
    }

    private RecordResource records() {
        RecordResource resource = new RecordResource();
        resource.queries = h.queries;
        return resource;
    }

    private VerifyResource verify() {
        VerifyResource resource = new VerifyResource();
        resource.verifier = h.documentVerifier;
        resource.answers = new VerifyAnswers(() -> 0, System::nanoTime, 0);
        resource.ledgerChecks = new LedgerChecks(h.verification::verifyOnLedger, resource.verifier::verify,
                new PublicRateLimiter(30, 10, 100, System::nanoTime), () -> "192.0.2.9", System::nanoTime, 5);
        return resource;
    }

    private NotaryBatchResource notary(StaffMember caller) {
        NotaryBatchResource resource = new NotaryBatchResource();
        resource.batches = h.batchAnchors;
        resource.members = h.batchMembers;
        resource.staff = signedIn(caller);
        return resource;
    }

    @Test
    void aTitleRegisteredThroughTheApiIsAcceptedPendingAndItsRecordSaysCommittedOnceTheLedgerHasIt() {
        Answer accepted = call(() -> land(CLERK).register(TITLE.formatted("API-1")));
        assertEquals(202, accepted.status(), accepted.text());
        JsonObject ack = accepted.json();
        assertEquals("land-title:API-1", ack.getString("recordKey"));
        assertEquals(1, ack.getInt("version"));
        assertEquals("PENDING", ack.getString("ledgerState"));
        assertEquals("records/land-title:API-1", accepted.response().getLocation().toString());

        JsonObject pending = call(() -> records().record("land-title:API-1", null)).json();
        assertEquals("PENDING", pending.getString("ledgerState"));
        assertEquals(ack.getString("hash"), pending.getString("hash"));

        h.submitter.submitDue();
        Answer committed = call(() -> records().record("land-title:API-1", null));
        assertEquals(200, committed.status());
        JsonObject record = committed.json();
        assertEquals("land-title", record.getString("kind"));
        assertEquals("COMMITTED", record.getString("ledgerState"));
        assertEquals(h.ledger.readRecord("land-title:API-1").orElseThrow().txId(),
                record.getJsonObject("current").getJsonObject("receipt").getString("txId"));
        assertEquals(h.ledger.readRecord("land-title:API-1").orElseThrow().hash(), record.getString("hash"));
        assertFalse(committed.text().contains("Karma") || committed.text().contains("10101001234") || committed.text().contains("land.clerk"),
                "no owner, no CID, no clerk: " + committed.text());

        String etag = committed.header(HttpHeaders.ETAG);
        assertNotNull(etag);
        assertEquals(304, call(() -> records().record("land-title:API-1", etag)).status());
        assertEquals(200, call(() -> records().record("land-title:API-1", "\"something-else\"")).status());
    }

    @Test
    void fieldErrorsOfTheServiceAndOfTheJsonTypesComeBackAs400WithFieldCodeAndMessage() {
        Answer invalid = call(() -> land(CLERK).register("""
                {"pin":"API-2","thramNo":"t-1","dzongkhag":"Thimphu","gewog":"Nowhere","areaAcres":"1.5","landType":"DRY_LAND",
                 "owners":[{"name":"Karma Wangchuk","cid":"123","share":"1"}]}"""));
        assertEquals(400, invalid.status());
        assertEquals(ApiJson.PROBLEM, invalid.type());
        List<String> fields = invalid.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + " " + e.getString("code")).toList();
        assertTrue(fields.contains("gewog gewog.unknown"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("owners[0].cid ")), fields.toString());
        invalid.json().getJsonArray("errors").getValuesAs(JsonObject.class)
                .forEach(e -> assertFalse(e.getString("message").isBlank()));

        Answer types = call(() -> land(CLERK).register("{\"pin\":42,\"areaAcres\":\"much\",\"landType\":\"SWAMP\",\"owners\":{}}"));
        assertEquals(400, types.status());
        List<String> typeErrors = types.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + " " + e.getString("code")).toList();
        assertEquals(List.of("pin type", "areaAcres number", "landType landType.unknown", "owners type"), typeErrors);
        assertTrue(h.queries.versions("land-title:API-2").isEmpty(), "nothing stored");
    }

    @Test
    void notJsonIsA400AndNoCallerA401WithABasicChallengeAndAClerkOfAnotherRegisterA403() {
        for (String body : List.of("{\"pin\":", "[1,2]", "", "not json")) {
            Answer bad = call(() -> land(CLERK).register(body));
            assertEquals(400, bad.status(), body);
            assertEquals(400, bad.json().getInt("status"));
            assertFalse(bad.json().containsKey("errors"));
        }

        Answer anonymous = call(() -> land(null).register(TITLE.formatted("API-3")));
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header(HttpHeaders.WWW_AUTHENTICATE).startsWith("Basic realm="));
        assertEquals(ApiJson.PROBLEM, anonymous.type());

        Answer notary = call(() -> land(NOTARY_CLERK).register(TITLE.formatted("API-3")));
        assertEquals(403, notary.status());
        assertTrue(notary.json().getString("detail").contains("not a clerk of the land register"), notary.text());
        assertTrue(h.queries.versions("land-title:API-3").isEmpty());

        Answer landOnNotary = call(() -> notary(CLERK).enqueue("{\"documents\":[\"" + CanonicalJson.sha256Hex("x") + "\"]}"));
        assertEquals(403, landOnNotary.status());
    }

    @Test
    void controlAndTextDirectionCharactersAreA400NextToTheirFieldAndDzongkhaIsAccepted() {
        // JSON's \\u escapes reach the service as the characters themselves.
        Answer attack = call(() -> land(CLERK).register(TITLE.formatted("API-6")
                .replace("Karma Wangchuk", "\\u0000\\u202e<script>alert(1)</script>")));
        assertEquals(400, attack.status(), attack.text());
        assertEquals(ApiJson.PROBLEM, attack.type());
        JsonObject error = attack.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("owners[0].name", error.getString("field"));
        assertEquals("text.characters", error.getString("code"));
        assertFalse(error.getString("message").isBlank());
        assertTrue(h.queries.versions("land-title:API-6").isEmpty(), "nothing stored");

        Answer dzongkha = call(() -> land(CLERK).register(TITLE.formatted("API-6").replace("Karma Wangchuk", "ཀུན་ལེགས་ Kinley Wangmo")));
        assertEquals(202, dzongkha.status(), dzongkha.text());

        Answer caveat = call(() -> land(CLERK).lodgeCaveat("API-6",
                "{\"expectedVersion\":1,\"caveatRef\":\"CV-1\",\"reason\":\"Boundary \\u202edispute\"}"));
        assertEquals(400, caveat.status(), caveat.text());
        assertEquals("reason", caveat.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aSecondRegistrationOfThePinIsRefusedNextToThePin() {
        assertEquals(202, call(() -> land(CLERK).register(TITLE.formatted("API-4"))).status());
        Answer again = call(() -> land(CLERK).register(TITLE.formatted("API-4")));
        assertEquals(400, again.status());
        assertEquals("pin", again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void verifyByHashFindsARecordsOwnDocumentAndOffersItsProofFile() {
        call(() -> land(CLERK).register(TITLE.formatted("API-5")));
        h.submitter.submitDue();
        h.follower.follow(() -> true, h.ledger.blockCount()); // the receipt's block and endorsers
        String hash = h.pipeline.current("land-title:API-5").orElseThrow().hash();

        Answer found = call(() -> verify().verify(hash.toUpperCase()));
        assertEquals(200, found.status(), found.text());
        JsonObject json = found.json();
        assertEquals(hash, json.getString("sha256"));
        assertTrue(json.getBoolean("found"));
        JsonObject match = json.getJsonArray("matches").getJsonObject(0);
        assertEquals("RECORD_DOCUMENT", match.getString("foundAs"));
        assertEquals("land-title:API-5", match.getString("recordKey"));
        assertTrue(match.getBoolean("verified"), found.text());
        assertEquals("/verify/proof/" + hash + ".json", match.getString("proofFile"));
        assertTrue(match.getJsonArray("steps").size() > 2);
        assertEquals("PORTAL_INDEX", json.getString("source"), "answered from the portal's index");
        assertEquals(0, match.getJsonArray("ledgerHistory").size(), "the ledger is not read");
        assertTrue(found.header(HttpHeaders.CACHE_CONTROL).startsWith("public"));

        Answer onLedger = call(() -> verify().verifyOnLedger(hash));
        assertEquals(200, onLedger.status(), onLedger.text());
        assertEquals("LEDGER_NOW", onLedger.json().getString("source"));
        assertEquals(1, onLedger.json().getJsonArray("matches").getJsonObject(0).getJsonArray("ledgerHistory").size());
        assertEquals(400, call(() -> verify().verifyOnLedger("abc")).status());
    }

    @Test
    void anUnknownHashIs404WithTheStepsSayingSoAndAMalformedOneIs400() {
        Answer unknown = call(() -> verify().verify(CanonicalJson.sha256Hex("never registered")));
        assertEquals(404, unknown.status());
        assertFalse(unknown.json().getBoolean("found"));
        assertEquals("FAIL", unknown.json().getJsonArray("steps").getJsonObject(1).getString("result"));

        Answer malformed = call(() -> verify().verify("abc"));
        assertEquals(400, malformed.status());
        assertEquals("hash", malformed.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        assertEquals(400, call(() -> records().record("no-colon", null)).status());
        assertEquals(404, call(() -> records().record("land-title:NOPE-1", null)).status());
    }

    @Test
    void documentsQueuedThroughTheApiAreAnchoredAndThenHaveAProofOfTheRootOnTheLedger() {
        List<String> docs = IntStream.range(0, 5).mapToObj(i -> CanonicalJson.sha256Hex("api document " + i)).toList();
        Answer queued = call(() -> notary(NOTARY_CLERK).enqueue(Json.createObjectBuilder()
                .add("documents", Json.createArrayBuilder(docs)).build().toString()));
        assertEquals(202, queued.status(), queued.text());
        List<JsonObject> states = queued.json().getJsonArray("documents").getValuesAs(JsonObject.class);
        assertEquals(docs, states.stream().map(s -> s.getString("documentHash")).toList());
        assertTrue(states.stream().allMatch(s -> s.getString("state").equals("QUEUED")));

        assertEquals("QUEUED", call(() -> notary(null).document(docs.get(0))).json().getString("state"));

        h.clock.advance(h.batchPolicy.maxWait());
        h.batchAnchors.cutDue().orElseThrow();
        h.submitter.submitDue();

        for (String doc : docs) {
            Answer state = call(() -> notary(null).document(doc));
            assertEquals(200, state.status());
            JsonObject json = state.json();
            assertEquals("ANCHORED", json.getString("state"));
            assertEquals("/verify/proof/" + doc + ".json", json.getString("proofFile"));
            InclusionProof proof = InclusionProof.fromJson(json.getJsonObject("inclusionProof"));
            assertEquals(doc, proof.leaf());
            String root = h.ledger.readRecord(json.getString("anchorKey")).orElseThrow().hash();
            assertTrue(proof.verifyAgainst(root).ok());
            assertEquals(h.ledger.readRecord(json.getString("anchorKey")).orElseThrow().txId(),
                    json.getJsonObject("receipt").getString("txId"));
        }

        String never = CanonicalJson.sha256Hex("never queued");
        Answer all = call(() -> notary(null).states(Json.createObjectBuilder()
                .add("documents", Json.createArrayBuilder(List.of(docs.get(3).toUpperCase(), never, docs.get(1)))).build().toString()));
        assertEquals(200, all.status(), all.text());
        List<JsonObject> both = all.json().getJsonArray("documents").getValuesAs(JsonObject.class);
        assertEquals(List.of(docs.get(3), docs.get(1)), both.stream().map(s -> s.getString("documentHash")).toList());
        for (JsonObject state : both) {
            assertEquals("ANCHORED", state.getString("state"));
            InclusionProof proof = InclusionProof.fromJson(state.getJsonObject("inclusionProof"));
            assertEquals(state.getString("documentHash"), proof.leaf());
            assertTrue(proof.verifyAgainst(h.ledger.readRecord(state.getString("anchorKey")).orElseThrow().hash()).ok());
        }
        assertEquals(List.of(never), all.json().getJsonArray("notQueued").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(400, call(() -> notary(null).states("{\"documents\":[\"abc\"]}")).status());

        assertEquals(404, call(() -> notary(null).document(CanonicalJson.sha256Hex("not queued"))).status());
        assertEquals(400, call(() -> notary(null).document("xyz")).status());
        Answer notHashes = call(() -> notary(NOTARY_CLERK).enqueue("{\"documents\":[\"abc\"]}"));
        assertEquals(400, notHashes.status());
        assertEquals("notary.batch.hash", notHashes.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(400, call(() -> notary(NOTARY_CLERK).enqueue("{\"documents\":\"abc\"}")).status());
        assertEquals(401, call(() -> notary(null).enqueue("{\"documents\":[]}")).status());
    }

    @Test
    void theMapperAnswersConflictsUnknownPathsAndFailuresInJsonWithoutInternals() {
        Answer conflict = call(() -> {
            throw new TransactionalException("rolled back", new ConcurrentUpdateException("land-title:X is at version 3, not 2"));
        });
        assertEquals(409, conflict.status());
        assertFalse(conflict.text().contains("version 3"));

        Answer noPath = call(() -> {
            throw new NotFoundException();
        });
        assertEquals(404, noPath.status());
        assertEquals(ApiJson.PROBLEM, noPath.type());

        Answer failure = call(() -> {
            throw new IllegalStateException("connection pool jdbc/druk exhausted at org.h2.Driver");
        });
        assertEquals(500, failure.status());
        assertFalse(failure.text().contains("jdbc") || failure.text().contains("IllegalState"), failure.text());
        assertTrue(failure.json().getString("detail").contains("incident"));

        Answer commitFailed = call(() -> {
            throw new TransactionalException("exception during commit", new jakarta.transaction.SystemException());
        });
        assertEquals(503, commitFailed.status(), "the save may or may not have happened");
        assertEquals("5", commitFailed.header(HttpHeaders.RETRY_AFTER));
        assertTrue(commitFailed.json().getString("detail").startsWith(ApiExceptionMapper.SAVE_UNCONFIRMED), commitFailed.text());
        assertEquals(503, new CommitFailureMapper().toResponse(
                new TransactionalException("exception during commit", new jakarta.transaction.SystemException())).getStatus(),
                "the mapper of exactly this type answers the same");
    }
}
