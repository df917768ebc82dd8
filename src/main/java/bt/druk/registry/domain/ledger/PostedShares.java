package bt.druk.registry.domain.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One opening key holder's shares of a sealed tender's bids, as the ledger keeps them
 * ({@code PostOpeningShares}): per bid key, the 33-byte share in base64url, or null where the
 * holder could not decrypt their share of that bid.
 */
public record PostedShares(int holderIndex, String msp, Map<String, String> shares, String txId) {
    public PostedShares {
        shares = Collections.unmodifiableMap(new TreeMap<>(shares));
    }
}
