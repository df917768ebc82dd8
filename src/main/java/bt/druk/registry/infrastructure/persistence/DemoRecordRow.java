package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A record created by the demo content loader (table demo_record). */
@Entity
@Table(name = "demo_record")
public class DemoRecordRow {

    @Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DemoRecordRow() {
    }

    public DemoRecordRow(String recordKey, Instant createdAt) {
        this.recordKey = recordKey;
        this.createdAt = createdAt;
    }

    public String recordKey() {
        return recordKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
