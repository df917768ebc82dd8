package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.CITIZEN;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.RouterAccess;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.TestIdentities.Identity;

/**
 * The service's router answers the peer's calls as the shim's {@code ContractRouter} does (status,
 * message and payload, call by call on two identical ledgers), its {@code GetMetadata} describes the
 * contract as the shim's does, and where the shim would answer "Unexpected error" it says what is wrong.
 */
class RegistryRouterTest {
    static ContractRouter shim;
    static RegistryRouter ours;

    @BeforeAll
    static void start() {
        shim = RouterAccess.scannedRouter();
        ours = new RegistryRouter(new String[] {"--id", "registry_1.0:test"});
    }

    private record Call(Identity id, String function, String... args) {
    }

    @Test
    void everyCallIsAnsweredAsTheShimsRouterAnswersIt() {
        String key = "land-title:PIN-77";
        List<Call> calls = List.of(
                new Call(LAND_CLERK, "RegisterTitle", key, h("v1"), "THIMPHU", "Thimphu"),
                new Call(LAND_CLERK, "RegisterTitle", key, h("v1"), "THIMPHU", "Thimphu"),
                new Call(CITIZEN, "RegisterTitle", "land-title:PIN-78", h("a"), "THIMPHU", "Thimphu"),
                new Call(INSPECTOR, "GetRecord", key),
                new Call(INSPECTOR, "RegistryContract:GetRecord", key),
                new Call(INSPECTOR, "default:GetHistory", key),
                new Call(LAND_CLERK, "RegistryContract:RegisterMortgage", key, "2", h("v2"), h("v1"), "BOB-1"),
                new Call(INSPECTOR, "ListRecords", "land-title", "10", ""),
                new Call(INSPECTOR, "FindByHash", "not-a-hash"),
                new Call(INSPECTOR, "GetRecord", "land-title:PIN-404"),
                new Call(INSPECTOR, "GetNoticePeriod"),
                new Call(LAND_CLERK, "DeleteEverything"),
                new Call(LAND_CLERK, "RegistryContract:DeleteEverything", key));
        Harness onShim = new Harness();
        Harness onOurs = new Harness();
        onShim.now = onOurs.now = Instant.now();
        for (Call c : calls) {
            Response expected = onShim.invoke(shim, c.id(), c.function(), c.args());
            Response actual = onOurs.invoke(ours, c.id(), c.function(), c.args());
            String what = c.function() + " " + List.of(c.args());
            assertEquals(expected.getStatusCode(), actual.getStatusCode(), what);
            assertEquals(expected.getMessage(), actual.getMessage(), what);
            assertArrayEquals(expected.getPayload(), actual.getPayload(), what);
        }
        assertEquals(onShim.fabric.stateText(key), onOurs.fabric.stateText(key));
    }

    @Test
    void aCallWithoutAFunctionSucceedsWithNothing() {
        ChaincodeStub stub = mock(ChaincodeStub.class);
        when(stub.getArgs()).thenReturn(List.of());
        for (Chaincode router : List.of(shim, ours)) {
            Response r = router.invoke(stub);
            assertEquals(200, r.getStatusCode());
            assertNull(r.getPayload());
        }
    }

    @Test
    void theMetadataDescribesTheContractAsTheShimsDoes() {
        Harness hx = new Harness();
        Map<String, Object> expected = contract(hx.invoke(shim, INSPECTOR, "org.hyperledger.fabric:GetMetadata"));
        Map<String, Object> actual = contract(hx.invoke(ours, INSPECTOR, "org.hyperledger.fabric:GetMetadata"));
        assertEquals(42, ((List<?>) actual.get("transactions")).size());
        assertEquals(expected, actual);
    }

    /** The registry contract's entry of a GetMetadata answer, its transactions in name order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> contract(Response metadata) {
        assertEquals(200, metadata.getStatusCode(), metadata.getMessage());
        Map<String, Object> all = Json.parseObject(metadata.getPayload());
        Map<String, Object> contract = (Map<String, Object>) ((Map<String, Object>) all.get("contracts")).get("RegistryContract");
        List<Map<String, Object>> transactions = new ArrayList<>((List<Map<String, Object>>) contract.get("transactions"));
        transactions.sort(Comparator.comparing(t -> (String) t.get("name")));
        contract.put("transactions", transactions);
        return contract;
    }

    /** The shim answers these "Unexpected error"; a raw client is told what it got wrong. */
    @Test
    void wrongArgumentCountsAndUnknownContractsAreNamed() {
        Harness hx = new Harness();
        hx.now = Instant.now();
        Response few = hx.invoke(ours, LAND_CLERK, "RegisterTitle", "land-title:PIN-79", h("a"));
        assertEquals(500, few.getStatusCode());
        assertEquals("[INVALID_ARGUMENT] RegisterTitle takes 4 arguments, got 2", few.getMessage());
        assertEquals("INVALID_ARGUMENT", new String(few.getPayload(), StandardCharsets.UTF_8));
        Response many = hx.invoke(ours, INSPECTOR, "GetRecord", "land-title:PIN-79", "extra");
        assertEquals("[INVALID_ARGUMENT] GetRecord takes 1 argument, got 2", many.getMessage());
        Response other = hx.invoke(ours, INSPECTOR, "LandContract:GetRecord", "land-title:PIN-79");
        assertEquals(500, other.getStatusCode());
        assertEquals("No contract named LandContract (this chaincode has RegistryContract)", other.getMessage());
        assertEquals(0, hx.fabric.state.size());
    }
}
