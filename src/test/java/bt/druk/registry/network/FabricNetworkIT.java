package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.infrastructure.fabric.FabricConnections;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.testing.OwnNetwork;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The network's life cycle against real processes: three Raft orderers and two peers per
 * organisation, a record written with a clerk's identity through the peer CLI, endorsed by two
 * organisations and readable on every peer; one orderer killed and writes still commit; the first
 * peer of every organisation killed and the portal's ledger adapter writes through the second ones
 * and its block stream resumes there; stop/start keeps the ledger; down leaves nothing. On a network
 * of its own ({@link IsolatedNetwork}, 127.0.0.3), beside the other tests' networks.
 */
@OwnNetwork
class FabricNetworkIT {

    private static final IsolatedNetwork NETWORK = IsolatedNetwork.at("fabric-network-it", "127.0.0.3");

    private static final List<String> ORGS = List.of("land", "procurement", "justice", "audit");

    @Test
    void lifeCycleOfTheNetworkKeepsEveryCommittedRecord() throws Exception {
        NETWORK.runOrFail("up", "--orderers", "3", "--peers", "2");
        try {
            NETWORK.runOrFail("status");

            String firstKey = "land-title:NET-" + System.nanoTime();
            String firstHash = NetworkScript.sha256(firstKey);
            NETWORK.runOrFail("invoke", "land.clerk", "RegisterTitle", firstKey, firstHash, "THIMPHU", "Thimphu");
            String txId = null;
            for (String org : ORGS) {
                String entry = NETWORK.runOrFail("query", "inspector", org, "GetRecord", firstKey).output();
                assertTrue(entry.contains("\"hash\":\"" + firstHash + "\""), org + " peer returned " + entry);
                assertTrue(entry.contains("\"subject\":\"land.clerk\""), "submitting clerk recorded: " + entry);
                txId = NetworkScript.txIdOf(entry);
            }

            LedgerTransactions.Committed committed = LedgerTransactions.read(NETWORK, txId);
            assertEquals(0, committed.validationCode(), "transaction is VALID");
            assertEquals(Set.of("LandMSP", "AuditMSP"), new HashSet<>(committed.endorsingMsps()),
                    "endorsed by the issuing agency and the auditor");

            NETWORK.runOrFail("kill", "orderer1");
            assertFalse(NETWORK.run("status").succeeded(), "status reports the killed orderer");
            String secondKey = "land-title:NET-" + System.nanoTime();
            String secondHash = NetworkScript.sha256(secondKey);
            NETWORK.runOrFail("invoke", "land.clerk", "RegisterTitle", secondKey, secondHash, "THIMPHU", "Thimphu");
            assertTrue(NETWORK.runOrFail("query", "inspector", "audit", "GetRecord", secondKey).output()
                    .contains(secondHash), "written with one of three orderers down");

            writesGoOnWithTheFirstPeerOfEveryOrganisationKilled();

            NETWORK.runOrFail("stop");
            assertFalse(NETWORK.run("status").succeeded(), "status fails while stopped");
            NETWORK.runOrFail("start");
            NETWORK.runOrFail("status");
            for (String org : ORGS) {
                assertTrue(NETWORK.runOrFail("query", "inspector", org, "GetRecord", firstKey).output().contains(firstHash));
                assertTrue(NETWORK.runOrFail("query", "inspector", org, "GetRecord", secondKey).output().contains(secondHash));
            }
        } finally {
            NETWORK.runOrFail("down");
        }
        assertFalse(Files.exists(NETWORK.stateDir()), "down deletes the network's state");
        assertEquals(List.of(), strayFabricProcesses(), "down leaves no process behind");
    }

    /**
     * The portal's adapter (FabricLedger) on this network's connection file, which lists both peers of
     * each organisation: a block stream is open on the auditor's first peer and a write committed; then
     * every organisation's first peer is killed. The adapter's next write goes through the land
     * register's second peer (the gateway finds the auditor's second peer to endorse), retried as the
     * submitter would, and a block stream reopened from the last block read, as the commit follower
     * does, reaches that write's block.
     */
    private static void writesGoOnWithTheFirstPeerOfEveryOrganisationKilled() throws Exception {
        FabricConnections connections = new FabricConnections(withKeyFiles(NETWORK.connectionFile()));
        FabricLedger ledger = new FabricLedger(connections);
        try {
            SubmissionOutcome.Committed before = registerUntilCommitted(ledger, Duration.ofSeconds(60));
            long nextBlock;
            try (Ledger.BlockStream blocks = ledger.blocksFrom(before.blockNumber())) {
                nextBlock = blocks.next().number() + 1;
            }
            for (String org : ORGS) {
                NETWORK.runOrFail("kill", "peer-" + org);
            }
            SubmissionOutcome.Committed after = registerUntilCommitted(ledger, Duration.ofSeconds(120));
            assertTrue(after.blockNumber() > before.blockNumber());

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                try (Ledger.BlockStream blocks = ledger.blocksFrom(nextBlock)) {
                    while (!seen) {
                        LedgerBlock block = blocks.next();
                        nextBlock = block.number() + 1;
                        seen = block.transactions().stream().anyMatch(tx -> tx.txId().equals(after.txId()));
                    }
                } catch (LedgerUnavailableException e) {
                    Thread.sleep(1000); // as the commit follower: resume from the last block read
                }
            }
            assertTrue(seen, "a block stream resumed from block " + nextBlock + " reaches the write made with the first peers down");
        } finally {
            connections.close();
            NETWORK.runOrFail("start");
        }
    }

    /**
     * The connection file without its PKCS#11 tokens, so the adapter signs with the identities' key
     * files: SoftHSM2 reads its configuration once per JVM, and this test JVM may run beside tests of
     * other networks (the portal's signing with tokens is what every test on the shared network does).
     */
    private static Path withKeyFiles(Path connection) throws IOException {
        JsonObject config;
        try (var reader = Json.createReader(Files.newBufferedReader(connection))) {
            config = reader.readObject();
        }
        Path copy = connection.resolveSibling("connection-key-files.json");
        Files.writeString(copy, Json.createObjectBuilder(config).remove("tokens").build().toString());
        return copy;
    }

    /**
     * Registers a new title through the adapter, again after each failure until one commits (a new key
     * each time: an attempt that failed from here may still have committed, which is no concern here).
     */
    private static SubmissionOutcome.Committed registerUntilCommitted(FabricLedger ledger, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        SubmissionOutcome last = null;
        while (System.nanoTime() < deadline) {
            String key = "land-title:FAIL-" + System.nanoTime();
            Endorsement endorsement = ledger.endorse(new LedgerCall("RegisterTitle", List.of(key, NetworkScript.sha256(key), "THIMPHU", "Thimphu")),
                    "land.clerk");
            last = endorsement.isEndorsed() ? endorsement.transaction().send() : endorsement.outcome();
            if (last instanceof SubmissionOutcome.Committed committed) {
                return committed;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no registration committed within " + within + ": " + last);
    }

    private static List<String> strayFabricProcesses() throws IOException {
        Process pgrep = new ProcessBuilder("pgrep", "-af", "druk-registry/fabric-|registry-chaincode.jar").start();
        try {
            pgrep.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // (another test's network runs beside this one: only processes that name this network's directory count)
        String ours = NETWORK.stateDir().toAbsolutePath() + "/";
        return new String(pgrep.getInputStream().readAllBytes()).lines()
                .filter(line -> !line.contains("pgrep"))
                .filter(line -> line.contains(ours)
                        || ProcessEnvironment.of(line.split(" ", 2)[0]).values().stream().anyMatch(value -> value.contains(ours)))
                .toList();
    }
}
