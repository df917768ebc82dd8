package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tender or bid of the procurement demo plan and the record it became (table demo_procurement). */
@Entity
@Table(name = "demo_procurement")
public class DemoProcurementRow {

    @Id
    @Column(name = "plan_ref", length = 120)
    private String planRef;

    @Column(name = "record_key", nullable = false, unique = true, length = 200)
    private String recordKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DemoProcurementRow() {
    }

    public DemoProcurementRow(String planRef, String recordKey, Instant createdAt) {
        this.planRef = planRef;
        this.recordKey = recordKey;
        this.createdAt = createdAt;
    }

    public String planRef() {
        return planRef;
    }

    public String recordKey() {
        return recordKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
