package bt.druk.registry.domain.procurement;

import java.util.List;
import java.util.Optional;

/** Who lodged which sealed bid (the portal's own records, never on the ledger before the opening). */
public interface SealedBidSuppliers {

    void add(SealedBidSupplier supplier);

    Optional<SealedBidSupplier> find(String bidKey);

    /** Every sealed bid a supplier lodged on a tender, withdrawn ones included, oldest first. */
    List<SealedBidSupplier> ofSupplier(String tenderKey, String supplierId);

    /** How many bids were ever lodged on a tender: refused and withdrawn ones keep their numbers. */
    int lodgingsOn(String tenderKey);
}
