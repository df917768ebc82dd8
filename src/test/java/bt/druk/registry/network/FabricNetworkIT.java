package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/**
 * The network's life cycle against real processes: three Raft orderers, a record written with a
 * clerk's identity through the peer CLI, endorsed by two organisations and readable on every peer;
 * one orderer killed and writes still commit; stop/start keeps the ledger; down leaves nothing.
 * Runs in its own Failsafe execution because it takes the network up and down itself.
 */
class FabricNetworkIT {

    private static final List<String> ORGS = List.of("land", "procurement", "justice", "audit");

    @Test
    void lifeCycleOfTheNetworkKeepsEveryCommittedRecord() throws IOException {
        NetworkScript.runOrFail("up", "--orderers", "3");
        try {
            NetworkScript.runOrFail("status");

            String firstKey = "land-title:NET-" + System.nanoTime();
            String firstHash = NetworkScript.sha256(firstKey);
            NetworkScript.runOrFail("invoke", "land.clerk", "RegisterTitle", firstKey, firstHash, "THIMPHU");
            String txId = null;
            for (String org : ORGS) {
                String entry = NetworkScript.runOrFail("query", "inspector", org, "GetRecord", firstKey).output();
                assertTrue(entry.contains("\"hash\":\"" + firstHash + "\""), org + " peer returned " + entry);
                assertTrue(entry.contains("\"subject\":\"land.clerk\""), "submitting clerk recorded: " + entry);
                txId = NetworkScript.txIdOf(entry);
            }

            LedgerTransactions.Committed committed = LedgerTransactions.read(txId);
            assertEquals(0, committed.validationCode(), "transaction is VALID");
            assertEquals(Set.of("LandMSP", "AuditMSP"), new HashSet<>(committed.endorsingMsps()),
                    "endorsed by the issuing agency and the auditor");

            NetworkScript.runOrFail("kill", "orderer1");
            assertFalse(NetworkScript.run("status").succeeded(), "status reports the killed orderer");
            String secondKey = "land-title:NET-" + System.nanoTime();
            String secondHash = NetworkScript.sha256(secondKey);
            NetworkScript.runOrFail("invoke", "land.clerk", "RegisterTitle", secondKey, secondHash, "THIMPHU");
            assertTrue(NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", secondKey).output()
                    .contains(secondHash), "written with one of three orderers down");

            NetworkScript.runOrFail("stop");
            assertFalse(NetworkScript.run("status").succeeded(), "status fails while stopped");
            NetworkScript.runOrFail("start");
            NetworkScript.runOrFail("status");
            for (String org : ORGS) {
                assertTrue(NetworkScript.runOrFail("query", "inspector", org, "GetRecord", firstKey).output().contains(firstHash));
                assertTrue(NetworkScript.runOrFail("query", "inspector", org, "GetRecord", secondKey).output().contains(secondHash));
            }
        } finally {
            NetworkScript.runOrFail("down");
        }
        assertFalse(Files.exists(NetworkScript.stateDir()), "down deletes the network's state");
        assertEquals(List.of(), strayFabricProcesses(), "down leaves no process behind");
    }

    private static List<String> strayFabricProcesses() throws IOException {
        Process pgrep = new ProcessBuilder("pgrep", "-af", "druk-registry/fabric-|registry-chaincode.jar").start();
        try {
            pgrep.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new String(pgrep.getInputStream().readAllBytes()).lines()
                .filter(line -> !line.contains("pgrep")).toList();
    }
}
