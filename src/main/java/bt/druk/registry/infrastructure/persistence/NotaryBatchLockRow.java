package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that batch cutters lock, one at a time (V207). */
@Entity
@Table(name = "notary_batch_lock")
public class NotaryBatchLockRow {

    @Id
    private int id;

    protected NotaryBatchLockRow() {
    }
}
