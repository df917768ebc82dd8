package bt.druk.registry.domain.procurement;

import java.time.Instant;

/**
 * Who lodged a sealed bid, kept by the portal alone until the opening: the ledger has only
 * SHA-256({@code tenderKey:supplierId:salt}), which nobody can link to a supplier without the salt.
 *
 * @param supplierId   the business's CDB or trade licence number
 * @param supplierSalt random, base64url; published at the opening so that anyone can check the commitment
 */
public record SealedBidSupplier(String bidKey, String tenderKey, String supplierId, String supplierName, String supplierSalt,
                                Instant lodgedAt) {
}
