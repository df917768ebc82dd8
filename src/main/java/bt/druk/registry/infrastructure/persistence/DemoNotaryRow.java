package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notarisation of the notary demo plan and the record it became (table demo_notary). */
@Entity
@Table(name = "demo_notary")
public class DemoNotaryRow {

    @Id
    @Column(name = "plan_ref", length = 120)
    private String planRef;

    @Column(name = "record_key", nullable = false, unique = true, length = 200)
    private String recordKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DemoNotaryRow() {
    }

    public DemoNotaryRow(String planRef, String recordKey, Instant createdAt) {
        this.planRef = planRef;
        this.recordKey = recordKey;
        this.createdAt = createdAt;
    }

    public String recordKey() {
        return recordKey;
    }
}
