package bt.druk.registry.it;

import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.infrastructure.fabric.FabricConnections;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.network.NetworkScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The real fabric-gateway adapter outside a container, for tests that wire the application by hand or
 * read the ledger: on connections of its own, which {@link #close()} ends as the container does when
 * the application stops.
 */
public final class RealLedger implements AutoCloseable {

    /** How long the reader's peer may trail the clerk's peer before a test calls it a failure. */
    private static final Duration READER_LAG = Duration.ofSeconds(15);

    private final FabricConnections connections;
    private final FabricLedger ledger;

    private RealLedger(FabricConnections connections) {
        this.connections = connections;
        this.ledger = new FabricLedger(connections);
    }

    /** Connects to the network of deploy/network.sh (brought up if it is not running). */
    public static RealLedger open() {
        NetworkScript.ensureUp();
        Path config = NetworkScript.connectionFile();
        System.setProperty("druk.fabric.config", config.toString());
        return new RealLedger(new FabricConnections());
    }

    public FabricLedger ledger() {
        return ledger;
    }

    /** Closes the gateways and stops the gRPC threads. */
    @Override
    public void close() {
        connections.close();
    }

    /**
     * Completes a committed version's receipt (block time, endorsers) at once, as the commit follower
     * does when it reaches the version's block: the submitter records only the transaction id and
     * block number.
     */
    public static void completeReceipt(Ledger ledger, OutboxProcessor processor, RecordVersion version) {
        CommittedTransaction tx = awaitOnReadersPeer(ledger, version);
        // A checkpoint of its own, so that the follower's own checkpoint is left alone.
        processor.applyBlock("receipt-of-" + tx.txId(), new LedgerBlock(tx.blockNumber(), List.of(tx)));
    }

    /**
     * Waits until the reader's peer (the auditor's) has a committed version's transaction: it may reach the
     * block a moment after the clerk's peer said the transaction committed, and reads go to the reader's peer.
     */
    public static CommittedTransaction awaitOnReadersPeer(Ledger ledger, RecordVersion version) {
        String txId = version.receipt().txId();
        return onReadersPeer(() -> ledger.transaction(txId), tx -> true, "transaction " + txId);
    }

    /**
     * The record as the reader's peer holds it once it has at least {@code version}: for a test that saw
     * the version committed through the portal, whose answer comes from the clerk's peer.
     */
    public static LedgerEntry awaitEntry(Ledger ledger, String recordKey, int version) {
        return onReadersPeer(() -> ledger.readRecord(recordKey), entry -> entry.version() >= version, recordKey + " v" + version);
    }

    /** Reads until what the reader's peer answers is {@code there}, for {@link #READER_LAG} at most. */
    private static <T> T onReadersPeer(Supplier<Optional<T>> read, Predicate<T> there, String what) {
        long deadline = System.nanoTime() + READER_LAG.toNanos();
        Optional<T> last = read.get();
        while (last.filter(there).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        Optional<T> held = last;
        return held.filter(there).orElseThrow(() -> new AssertionError(
                what + " not on the reader's peer after " + READER_LAG + "; it held " + held.map(String::valueOf).orElse("nothing")));
    }
}
