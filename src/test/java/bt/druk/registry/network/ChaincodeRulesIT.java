package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chaincode's refusals, shown against the real network (peer CLI, real identities). */
class ChaincodeRulesIT {

    @BeforeAll
    static void network() {
        NetworkScript.ensureUp();
    }

    @Test
    void aProcurementClerkCannotRegisterALandTitle() {
        String key = uniqueKey("land-title:WRONG");
        NetworkScript.Result result = NetworkScript.run("invoke", "procurement.clerk", "RegisterTitle", key,
                NetworkScript.sha256(key), "THIMPHU", "Thimphu");
        assertFalse(result.succeeded());
        assertTrue(result.output().contains("[WRONG_REGISTER]"), result.output());
        assertTrue(NetworkScript.run("query", "inspector", "audit", "GetRecord", key).output().contains("[NOT_FOUND]"));
    }

    @Test
    void anIdentityWithoutARoleCannotWrite() {
        String key = uniqueKey("land-title:NOROLE");
        NetworkScript.Result result = NetworkScript.run("invoke", "citizen.nobody", "RegisterTitle", key,
                NetworkScript.sha256(key), "THIMPHU", "Thimphu");
        assertFalse(result.succeeded());
        assertTrue(result.output().contains("[ACCESS_DENIED]"), result.output());
    }

    @Test
    void aTransferIsRefusedWhileAMortgageIsOpenAndTheWriteIsEndorsedByTwoOrgs() {
        String key = uniqueKey("land-title:MORT");
        String v1 = NetworkScript.sha256(key + "#1");
        String v2 = NetworkScript.sha256(key + "#2");
        NetworkScript.runOrFail("invoke", "land.clerk", "RegisterTitle", key, v1, "THIMPHU", "Thimphu");
        NetworkScript.runOrFail("invoke", "land.clerk", "RegisterMortgage", key, "2", v2, v1, "MORTGAGE-BOB-1");

        NetworkScript.Result transfer = NetworkScript.run("invoke", "land.clerk", "LodgeTransfer", key, "3",
                NetworkScript.sha256(key + "#3"), v2);
        assertFalse(transfer.succeeded());
        assertTrue(transfer.output().contains("[ENCUMBERED]"), transfer.output());

        String entry = NetworkScript.runOrFail("query", "inspector", "land", "GetRecord", key).output();
        assertTrue(entry.contains("\"version\":2"), "the refused transfer wrote nothing: " + entry);
        LedgerTransactions.Committed mortgage = LedgerTransactions.read(NetworkScript.txIdOf(entry));
        assertEquals(0, mortgage.validationCode());
        assertEquals(Set.of("LandMSP", "AuditMSP"), new HashSet<>(mortgage.endorsingMsps()));
    }

    @Test
    void aParoClerkCannotChangeOrRegisterAThimphuTitle() {
        String key = uniqueKey("land-title:OFFICE");
        String v1 = NetworkScript.sha256(key + "#1");
        NetworkScript.runOrFail("invoke", "land.clerk", "RegisterTitle", key, v1, "THIMPHU", "Thimphu");

        NetworkScript.Result mortgage = NetworkScript.run("invoke", "land.clerk2", "RegisterMortgage", key, "2",
                NetworkScript.sha256(key + "#2"), v1, "MORTGAGE-PARO-1");
        assertFalse(mortgage.succeeded());
        assertTrue(mortgage.output().contains("[WRONG_OFFICE]"), mortgage.output());
        String other = uniqueKey("land-title:OFFICE");
        NetworkScript.Result register = NetworkScript.run("invoke", "land.clerk2", "RegisterTitle", other,
                NetworkScript.sha256(other), "THIMPHU", "Thimphu");
        assertTrue(register.output().contains("[WRONG_OFFICE]"), register.output());

        String entry = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", key).output();
        assertTrue(entry.contains("\"version\":1"), "the Paro clerk's change wrote nothing: " + entry);
        assertTrue(NetworkScript.run("query", "inspector", "audit", "GetRecord", other).output().contains("[NOT_FOUND]"));
    }

    @Test
    void aSealedBidAfterTheDeadlineIsRefused() throws InterruptedException {
        String tender = uniqueKey("tender:ocds-druk-");
        Instant deadline = Instant.now().plus(8, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        NetworkScript.runOrFail("invoke", "procurement.clerk", "PublishSealedTender", tender, NetworkScript.sha256(tender),
                "THIMPHU", deadline.toString(), opening());
        NetworkScript.runOrFail("invoke", "procurement.clerk", "LodgeSealedBid", tender.replace("tender:", "bid:") + ":1", tender,
                NetworkScript.sha256("envelope-a"), NetworkScript.sha256("supplier-a"), shareHashes("a"), "THIMPHU");

        while (Instant.now().isBefore(deadline.plusSeconds(1))) {
            Thread.sleep(250);
        }
        NetworkScript.Result late = NetworkScript.run("invoke", "procurement.clerk", "LodgeSealedBid",
                tender.replace("tender:", "bid:") + ":2", tender, NetworkScript.sha256("envelope-b"), NetworkScript.sha256("supplier-b"),
                shareHashes("b"), "THIMPHU");
        assertFalse(late.succeeded());
        assertTrue(late.output().contains("[DEADLINE_PASSED]"), late.output());
    }

    /** PublishSealedTender's openingJson: two holders of two organisations, 2 of 2 (only their key hashes matter here). */
    static String opening() {
        return "{\"holders\":[{\"keyHash\":\"" + NetworkScript.sha256("holder-1") + "\",\"msp\":\"ProcurementMSP\"},"
                + "{\"keyHash\":\"" + NetworkScript.sha256("holder-2") + "\",\"msp\":\"AuditMSP\"}],\"threshold\":2}";
    }

    /** LodgeSealedBid's shareHashesJson: one distinct hash per holder. */
    static String shareHashes(String bid) {
        return "[\"" + NetworkScript.sha256(bid + "-share-1") + "\",\"" + NetworkScript.sha256(bid + "-share-2") + "\"]";
    }

    private static String uniqueKey(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
