package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.CITIZEN;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hyperledger.fabric.shim.Chaincode.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.TestIdentities.Identity;

/**
 * Through the service's router ({@link RegistryRouter}), as the peer calls the chaincode: function
 * names, string arguments, results, and refusals as error responses with {@code [CODE]} message and
 * code payload. The router creates the contract itself, so it checks proposal timestamps against the
 * system clock: these tests stamp their transactions with the real time.
 */
class RouterEndToEndTest {
    static RegistryRouter router;
    Harness hx;

    @BeforeAll
    static void start() {
        router = new RegistryRouter(new String[] {"--id", "registry_1.0:test"});
    }

    @BeforeEach
    void setUp() {
        hx = new Harness();
        hx.now = Instant.now();
    }

    @Test
    void writeAndReadByFunctionName() {
        String key = "land-title:PIN-42";
        Response r = hx.invoke(router, LAND_CLERK, "RegisterTitle", key, h("v1"), "THIMPHU", "Thimphu");
        assertEquals(200, r.getStatusCode(), r.getMessage());
        assertEquals(hx.fabric.stateText(key), r.getStringPayload());
        assertEquals(1, hx.fabric.events.size());

        Response got = hx.invoke(router, INSPECTOR, "GetRecord", key);
        assertEquals(200, got.getStatusCode(), got.getMessage());
        assertEquals(hx.fabric.stateText(key), got.getStringPayload());

        Response update = hx.invoke(router, LAND_CLERK, "RegisterMortgage", key, "2", h("v2"), h("v1"), "BOB-1");
        assertEquals(200, update.getStatusCode(), update.getMessage());
        assertEquals("encumbered", hx.entry(key).status());

        Response list = hx.invoke(router, INSPECTOR, "ListRecords", "land-title", "10", "");
        assertEquals(200, list.getStatusCode(), list.getMessage());
        assertTrue(list.getStringPayload().startsWith("{\"bookmark\":\"\",\"records\":[{"), list.getStringPayload());
    }

    @Test
    void aSubdivisionByFunctionNameWritesEveryRecordInOneTransaction() {
        String parent = "land-title:PIN-50";
        String facts = "{\"areaDecimals\":\"100\",\"boundarySha256\":null,\"landType\":\"DRY_LAND\",\"ownersDigest\":\""
                + h("owners") + "\"}";
        Response registered = hx.invoke(router, LAND_CLERK, "RegisterParcel", parent, h("p1"), "THIMPHU", "Thimphu", facts);
        assertEquals(200, registered.getStatusCode(), registered.getMessage());
        String children = "[{\"key\":\"land-title:PIN-51\",\"hash\":\"" + h("c1") + "\",\"openMortgages\":[],\"facts\":"
                + facts.replace("\"100\"", "\"70\"") + "},{\"key\":\"land-title:PIN-52\",\"hash\":\"" + h("c2")
                + "\",\"openMortgages\":[],\"facts\":" + facts.replace("\"100\"", "\"30\"") + "}]";
        Response r = hx.invoke(router, LAND_CLERK, "SubdivideParcel", parent, "2", h("p2"), h("p1"), children);
        assertEquals(200, r.getStatusCode(), r.getMessage());
        assertEquals("[" + hx.fabric.stateText(parent) + "," + hx.fabric.stateText("land-title:PIN-51") + ","
                + hx.fabric.stateText("land-title:PIN-52") + "]", r.getStringPayload());
        assertEquals(2, hx.fabric.events.size(), "one event per transaction");
        assertTrue(hx.lastEvent().payloadText().contains("\"records\":["), hx.lastEvent().payloadText());

        Response again = hx.invoke(router, LAND_CLERK, "SubdivideParcel", parent, "2", h("p2"), h("p1"), children);
        assertEquals("ALREADY_RECORDED", new String(again.getPayload(), StandardCharsets.UTF_8), again.getMessage());
    }

    @Test
    void refusalsBecomeErrorResponsesWithCodePayload() {
        Response denied = hx.invoke(router, CITIZEN, "RegisterTitle", "land-title:PIN-1", h("a"), "THIMPHU", "Thimphu");
        assertEquals(500, denied.getStatusCode());
        assertTrue(denied.getMessage().startsWith("[ACCESS_DENIED] "), denied.getMessage());
        assertEquals("ACCESS_DENIED", new String(denied.getPayload(), StandardCharsets.UTF_8));
        assertTrue(hx.fabric.state.isEmpty());

        Response wrong = hx.invoke(router, NOTARY_CLERK, "RegisterTitle", "land-title:PIN-1", h("a"), "THIMPHU", "Thimphu");
        assertTrue(wrong.getMessage().startsWith("[WRONG_REGISTER] "), wrong.getMessage());

        hx.invoke(router, LAND_CLERK, "RegisterTitle", "land-title:PIN-1", h("a"), "THIMPHU", "Thimphu");
        Response retry = hx.invoke(router, LAND_CLERK, "RegisterTitle", "land-title:PIN-1", h("a"), "THIMPHU", "Thimphu");
        assertEquals(500, retry.getStatusCode());
        assertEquals("ALREADY_RECORDED", new String(retry.getPayload(), StandardCharsets.UTF_8));

        Response invalid = hx.invoke(router, INSPECTOR, "FindByHash", "not-a-hash");
        assertTrue(invalid.getMessage().startsWith("[INVALID_ARGUMENT] "), invalid.getMessage());
    }

    /**
     * Every write transaction, as the router serves it, refuses a proposal stamped two minutes behind
     * or ahead of the system clock with CLOCK_SKEW (checked after access, before the arguments, so
     * placeholder arguments do), and reads do not care.
     */
    @Test
    void everyWriteRefusesASkewedTimestampAndReadsDoNot() {
        Map<String, Identity> writers = new java.util.TreeMap<>();
        for (String fn : ContractDiscoveryTest.SUBMIT) {
            writers.put(fn, LAND_CLERK);
        }
        for (String fn : java.util.List.of("PublishTender", "OpenBids", "AwardTender",
                "CancelTender", "AmendTender", "CompleteTender", "TenderUnsuccessful", "PublishSealedTender", "LodgeSealedBid", "WithdrawBid", "PostOpeningShares", "OpenBid")) {
            writers.put(fn, PROCUREMENT_CLERK);
        }
        for (String fn : java.util.List.of("RegisterNotarisation", "RevokeNotarisation", "SupersedeNotarisation",
                "AnchorBatch")) {
            writers.put(fn, NOTARY_CLERK);
        }
        writers.put("SetNoticePeriod", ADMIN);
        writers.put("SetLandOffices", ADMIN);
        writers.put("SetMinBidPeriod", TestIdentities.PROCUREMENT_ADMIN);
        for (Duration offset : java.util.List.of(Duration.ofSeconds(-120), Duration.ofSeconds(120))) {
            hx.clientOffset = offset;
            for (Map.Entry<String, Identity> w : writers.entrySet()) {
                String[] args = new String[parameterCount(w.getKey())];
                java.util.Arrays.fill(args, "x");
                Response r = hx.invoke(router, w.getValue(), w.getKey(), args);
                assertEquals(500, r.getStatusCode(), w.getKey());
                assertTrue(r.getMessage().startsWith("[CLOCK_SKEW] "), w.getKey() + ": " + r.getMessage());
                assertEquals("CLOCK_SKEW", new String(r.getPayload(), StandardCharsets.UTF_8), w.getKey());
            }
        }
        assertTrue(hx.fabric.state.isEmpty());
        Response read = hx.invoke(router, INSPECTOR, "GetNoticePeriod");
        assertEquals(200, read.getStatusCode(), read.getMessage());
        Response missing = hx.invoke(router, INSPECTOR, "GetRecord", "land-title:PIN-1");
        assertTrue(missing.getMessage().startsWith("[NOT_FOUND] "), missing.getMessage());
    }

    /**
     * The bid box, through the router with placeholder arguments (access comes first): every
     * transaction of the contract but lodging and withdrawing a sealed bid is ACCESS_DENIED.
     */
    @Test
    void theBidBoxIsDeniedEveryTransactionButLodgingAndWithdrawing() {
        java.util.Set<String> all = new java.util.TreeSet<>(ContractDiscoveryTest.SUBMIT);
        all.addAll(ContractDiscoveryTest.EVALUATE);
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        for (String fn : all) {
            String[] args = new String[parameterCount(fn)];
            java.util.Arrays.fill(args, "x");
            Response r = hx.invoke(router, TestIdentities.BIDBOX, fn, args);
            if (!"ACCESS_DENIED".equals(new String(r.getPayload(), StandardCharsets.UTF_8))) {
                allowed.add(fn);
            } else {
                assertEquals(BidBoxTest.ACCESS_DENIED_MESSAGE, r.getMessage(), fn);
            }
        }
        assertEquals(java.util.Set.of("LodgeSealedBid", "WithdrawBid"), allowed);
        assertEquals(allowed, AccessPolicy.BIDBOX_TRANSACTIONS);
        assertTrue(hx.fabric.state.isEmpty());
    }

    /** Number of string arguments of a transaction (its method's parameters after the Context). */
    private static int parameterCount(String transaction) {
        for (java.lang.reflect.Method m : RegistryContract.class.getMethods()) {
            org.hyperledger.fabric.contract.annotation.Transaction t =
                    m.getAnnotation(org.hyperledger.fabric.contract.annotation.Transaction.class);
            if (t != null && t.name().equals(transaction)) {
                return m.getParameterCount() - 1;
            }
        }
        throw new AssertionError("no transaction " + transaction);
    }

    @Test
    void unknownFunctionIsAnError() {
        Response r = hx.invoke(router, LAND_CLERK, "DeleteEverything");
        assertEquals(500, r.getStatusCode());
    }
}
