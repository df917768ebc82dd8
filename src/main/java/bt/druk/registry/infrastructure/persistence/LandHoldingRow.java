package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.LandHolding;
import bt.druk.registry.domain.land.Share;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** One owner's share of a live title (V226), for the family ceiling. */
@Entity
@Table(name = "land_holding")
@IdClass(LandHoldingRow.Id.class)
public class LandHoldingRow {

    @jakarta.persistence.Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @jakarta.persistence.Id
    @Column(name = "cid", length = 11)
    private String cid;

    /** The share as {@link Share#toString()} writes it ({@code 1}, {@code 1/3}): exact. */
    @Column(name = "share", nullable = false, length = 1000)
    private String share;

    @Column(name = "area_acres", nullable = false, precision = 12, scale = 4)
    private BigDecimal areaAcres;

    protected LandHoldingRow() {
    }

    LandHoldingRow(LandHolding holding) {
        this.recordKey = holding.recordKey();
        this.cid = holding.cid();
        update(holding);
    }

    void update(LandHolding holding) {
        this.share = holding.share().toString();
        this.areaAcres = holding.areaAcres();
    }

    String cid() {
        return cid;
    }

    LandHolding toHolding() {
        return new LandHolding(recordKey, cid, Share.parse(share), areaAcres);
    }

    public record Id(String recordKey, String cid) implements Serializable {
        public Id() {
            this(null, null);
        }
    }
}
