package bt.druk.registry.chaincode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.TransactionType;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.hyperledger.fabric.contract.routing.impl.TypeRegistryImpl;
import org.junit.jupiter.api.Test;

/**
 * The shim's own contract scanning finds the contract and the transaction names of the spec, and the
 * service's router ({@link RegistryRouter}) routes exactly those, with the same parameters.
 */
class ContractDiscoveryTest {
    static final Set<String> SUBMIT = Set.of("RegisterTitle", "LodgeTransfer", "ObjectToTransfer", "FinaliseTransfer",
            "RegisterMortgage", "DischargeMortgage", "LodgeCaveat", "ReleaseCaveat", "RegisterParcel", "RecordParcelFacts",
            "SubdivideParcel", "MergeParcels", "AdjustBoundary", "TransferByCourtOrder", "SetNoticePeriod", "SetMinBidPeriod", "SetLandOffices", "PublishTender",
            "OpenBids", "AwardTender", "CancelTender", "AmendTender", "CompleteTender",
            "TenderUnsuccessful", "PublishSealedTender", "LodgeSealedBid", "WithdrawBid", "PostOpeningShares", "OpenBid", "RegisterNotarisation",
            "RevokeNotarisation", "SupersedeNotarisation", "AnchorBatch", "CarryOver");
    static final Set<String> EVALUATE = Set.of("GetNoticePeriod", "GetMinBidPeriod", "GetLandOffices", "GetRecord", "GetHistory", "FindByHash", "ListRecords",
            "GetOpeningShares");

    @Test
    void routerFindsDefaultContractWithEveryTransaction() {
        RoutingRegistryImpl registry = new RoutingRegistryImpl();
        registry.findAndSetContracts(new TypeRegistryImpl());
        ContractDefinition def = registry.getContract("default");
        assertNotNull(def, "no default contract found by classpath scanning");
        assertEquals(RegistryContract.class, def.getContractImpl());
        assertEquals("RegistryContract", def.getName());

        Set<String> names = new TreeSet<>();
        for (TxFunction fn : def.getTxFunctions()) {
            names.add(fn.getName());
            TransactionType expected = SUBMIT.contains(fn.getName()) ? TransactionType.SUBMIT : TransactionType.EVALUATE;
            assertEquals(expected, fn.getType(), fn.getName());
        }
        Set<String> expected = new TreeSet<>(SUBMIT);
        expected.addAll(EVALUATE);
        assertEquals(expected, names);
        assertTrue(def.hasTxFunction("RegisterTitle"));
        assertEquals(4, def.getTxFunction("LodgeTransfer").getParamsList().size());
        assertEquals(5, def.getTxFunction("SubdivideParcel").getParamsList().size());
        assertEquals(2, def.getTxFunction("MergeParcels").getParamsList().size());
        assertEquals(1, def.getTxFunction("AdjustBoundary").getParamsList().size());

        Map<String, java.lang.reflect.Method> routed = RegistryRouter.transactionsByName();
        assertEquals(expected, routed.keySet());
        for (TxFunction fn : def.getTxFunctions()) {
            assertEquals(fn.getRouting().getMethod(), routed.get(fn.getName()), fn.getName());
            assertEquals(fn.getParamsList().size(), routed.get(fn.getName()).getParameterCount() - 1, fn.getName());
        }
        assertEquals(def.getName(), RegistryRouter.CONTRACT_NAME);
    }
}
