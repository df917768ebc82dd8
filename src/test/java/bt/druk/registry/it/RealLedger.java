package bt.druk.registry.it;

import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.network.NetworkScript;
import java.nio.file.Path;
import java.util.List;

/** The real fabric-gateway adapter outside a container, for tests that wire the application by hand or read the ledger. */
public final class RealLedger {

    private RealLedger() {
    }

    /** Connects to the network of deploy/network.sh (brought up if it is not running). */
    public static FabricLedger open() {
        NetworkScript.ensureUp();
        Path config = NetworkScript.stateDir().resolve("connection.json");
        System.setProperty("druk.fabric.config", config.toString());
        return new FabricLedger();
    }

    /** What the container's @PreDestroy would do: closes the gateways and stops the gRPC threads. */
    public static void close(FabricLedger ledger) throws Exception {
        if (ledger != null) {
            var close = FabricLedger.class.getDeclaredMethod("close");
            close.setAccessible(true);
            close.invoke(ledger);
        }
    }

    /**
     * Completes a committed version's receipt (block time, endorsers) at once, as the commit follower
     * does when it reaches the version's block: the submitter records only the transaction id and
     * block number.
     */
    public static void completeReceipt(Ledger ledger, OutboxProcessor processor, RecordVersion version) {
        CommittedTransaction tx = ledger.transaction(version.receipt().txId()).orElseThrow();
        // A checkpoint of its own, so that the follower's own checkpoint is left alone.
        processor.applyBlock("receipt-of-" + tx.txId(), new LedgerBlock(tx.blockNumber(), List.of(tx)));
    }
}
