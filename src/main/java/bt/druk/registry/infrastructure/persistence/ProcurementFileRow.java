package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A stored file that a tender or a bid opened as valid makes public. */
@Entity
@Table(name = "procurement_file")
@IdClass(ProcurementFileRow.Id.class)
public class ProcurementFileRow {

    @jakarta.persistence.Id
    @Column(name = "sha256", length = 64)
    private String sha256;

    @jakarta.persistence.Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    protected ProcurementFileRow() {
    }

    ProcurementFileRow(String sha256, String recordKey) {
        this.sha256 = sha256;
        this.recordKey = recordKey;
    }

    public record Id(String sha256, String recordKey) implements Serializable {
        public Id() {
            this(null, null);
        }
    }
}
