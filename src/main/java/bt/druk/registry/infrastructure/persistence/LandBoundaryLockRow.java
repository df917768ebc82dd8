package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that changes of parcel boundaries lock, one at a time (V228). */
@Entity
@Table(name = "land_boundary_lock")
public class LandBoundaryLockRow {

    @Id
    private int id;

    protected LandBoundaryLockRow() {
    }
}
