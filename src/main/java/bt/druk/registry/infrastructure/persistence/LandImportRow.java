package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.ThramImport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bulk import of thrams (V211). */
@Entity
@Table(name = "land_import")
public class LandImportRow {

    @Id
    @SequenceGenerator(name = "land_import_seq", sequenceName = "land_import_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "land_import_seq")
    private Long id;
    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "clerk", nullable = false)
    private String clerk;
    @Column(name = "office", nullable = false)
    private String office;
    @Column(name = "state", nullable = false)
    private String state;
    @Column(name = "rows_read", nullable = false)
    private int rowsRead;
    @Column(name = "rows_good", nullable = false)
    private int rowsGood;
    @Column(name = "rows_bad", nullable = false)
    private int rowsBad;
    @Column(name = "rows_already", nullable = false)
    private int rowsAlready;
    @Column(name = "rows_registered", nullable = false)
    private int rowsRegistered;
    @Column(name = "checkpoint_row", nullable = false)
    private int checkpoint;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LandImportRow() {
    }

    LandImportRow(ThramImport i) {
        this.contentHash = i.contentHash();
        this.fileName = i.fileName().length() > 255 ? i.fileName().substring(0, 255) : i.fileName();
        this.clerk = i.clerk();
        this.office = i.office();
        this.createdAt = i.createdAt();
        copy(i);
    }

    void copy(ThramImport i) {
        this.state = i.state().name();
        this.rowsRead = i.rowsRead();
        this.rowsGood = i.rowsGood();
        this.rowsBad = i.rowsBad();
        this.rowsAlready = i.rowsAlreadyRegistered();
        this.rowsRegistered = i.rowsRegistered();
        this.checkpoint = i.checkpoint();
        this.updatedAt = i.updatedAt();
    }

    Long id() {
        return id;
    }

    ThramImport toImport() {
        return new ThramImport(id, contentHash, fileName, clerk, office, ThramImport.State.valueOf(state), rowsRead, rowsGood,
                rowsBad, rowsAlready, rowsRegistered, checkpoint, createdAt, updatedAt);
    }
}
