package bt.druk.registry.it;

import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.network.NetworkScript;
import java.nio.file.Path;

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
}
