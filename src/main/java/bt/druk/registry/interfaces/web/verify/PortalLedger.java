package bt.druk.registry.interfaces.web.verify;

import bt.druk.registry.application.verify.LedgerCoordinates;
import bt.druk.registry.infrastructure.config.PortalPaths;
import bt.druk.registry.infrastructure.fabric.FabricConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** The channel and chaincode this portal uses, as its Fabric connection file names them. */
@ApplicationScoped
public class PortalLedger {

    /** The connection file's own defaults, when there is no file to read (the ledger is then unreachable anyway). */
    static final LedgerCoordinates DEFAULT = new LedgerCoordinates("registry", "registry");

    public LedgerCoordinates coordinates() {
        try {
            FabricConnectionConfig config = FabricConnectionConfig.read(PortalPaths.fabricConfig());
            return new LedgerCoordinates(config.channel(), config.chaincode());
        } catch (IOException | RuntimeException e) {
            return DEFAULT;
        }
    }
}
