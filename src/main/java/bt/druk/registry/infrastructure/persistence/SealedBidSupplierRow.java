package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.procurement.SealedBidSupplier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code sealed_bid_supplier} (V217); written once. */
@Entity
@Table(name = "sealed_bid_supplier")
public class SealedBidSupplierRow {

    @Id
    @Column(name = "bid_key", length = 200)
    private String bidKey;

    @Column(name = "tender_key", nullable = false, length = 200, updatable = false)
    private String tenderKey;

    @Column(name = "supplier_id", nullable = false, length = 40, updatable = false)
    private String supplierId;

    @Column(name = "supplier_name", nullable = false, length = 200, updatable = false)
    private String supplierName;

    @Column(name = "supplier_salt", nullable = false, length = 64, updatable = false)
    private String supplierSalt;

    @Column(name = "lodged_at", nullable = false, updatable = false)
    private Instant lodgedAt;

    protected SealedBidSupplierRow() {
    }

    SealedBidSupplierRow(SealedBidSupplier s) {
        bidKey = s.bidKey();
        tenderKey = s.tenderKey();
        supplierId = s.supplierId();
        supplierName = s.supplierName();
        supplierSalt = s.supplierSalt();
        lodgedAt = s.lodgedAt();
    }

    SealedBidSupplier toSupplier() {
        return new SealedBidSupplier(bidKey, tenderKey, supplierId, supplierName, supplierSalt, lodgedAt);
    }
}
