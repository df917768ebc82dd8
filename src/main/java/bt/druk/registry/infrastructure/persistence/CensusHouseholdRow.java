package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.CensusHousehold;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's household number from the census (V226). */
@Entity
@Table(name = "census_household")
public class CensusHouseholdRow {

    @Id
    @Column(name = "cid", length = 11)
    private String cid;

    @Column(name = "household", nullable = false, length = 20)
    private String household;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CensusHouseholdRow() {
    }

    CensusHouseholdRow(CensusHousehold entry) {
        this.cid = entry.cid();
        update(entry);
    }

    void update(CensusHousehold entry) {
        this.household = entry.household();
        this.recordedBy = entry.recordedBy();
        this.recordedAt = entry.recordedAt();
    }

    CensusHousehold toEntry() {
        return new CensusHousehold(cid, household, recordedBy, recordedAt);
    }
}
