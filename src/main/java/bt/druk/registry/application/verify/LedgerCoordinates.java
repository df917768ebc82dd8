package bt.druk.registry.application.verify;

import java.util.Objects;

/** Which ledger a proof names: the Fabric channel and chaincode this portal writes to. */
public record LedgerCoordinates(String channel, String chaincode) {

    public LedgerCoordinates {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
    }
}
