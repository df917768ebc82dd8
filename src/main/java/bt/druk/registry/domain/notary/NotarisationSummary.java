package bt.druk.registry.domain.notary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Search projection of a notarisation's current version (number, type, office, date, status,
 * document hash), rewritten whenever the current version changes; the record versions remain the
 * source of truth. It also keeps the name the file was uploaded with, which is not in the public
 * hashed record (see {@link NotarisedFile}).
 */
@Entity
@Table(name = "notarisation_summary")
public class NotarisationSummary {

    @Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @Column(name = "notarisation_id", nullable = false, length = 20)
    private String notarisationId;

    @Column(name = "document_type", nullable = false, length = 40)
    private String documentType;

    @Column(name = "notary_office", nullable = false, length = 64)
    private String notaryOffice;

    @Column(name = "notarised_on", nullable = false)
    private LocalDate notarisedOn;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "document_hash", nullable = false, length = 64)
    private String documentHash;

    @Column(name = "superseded_by", length = 20)
    private String supersededBy;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "current_version_id", nullable = false)
    private long currentVersionId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotarisationSummary() {
    }

    public NotarisationSummary(String recordKey) {
        this.recordKey = recordKey;
    }

    public void update(Notarisation n, int version, long versionId, Instant now) {
        notarisationId = n.id();
        documentType = n.documentType().code();
        notaryOffice = n.notaryOffice();
        notarisedOn = n.notarisedOn();
        status = n.status().ledgerCode();
        documentHash = n.file().sha256();
        supersededBy = n.supersededBy();
        registeredAt = n.registered();
        currentVersion = version;
        currentVersionId = versionId;
        updatedAt = now;
    }

    /** The uploaded file's name (kept here, off the public record); set once at registration. */
    public void nameFile(String name) {
        fileName = name;
    }

    public String recordKey() {
        return recordKey;
    }

    public String notarisationId() {
        return notarisationId;
    }

    public DocumentType documentType() {
        return DocumentType.fromCode(documentType);
    }

    public String notaryOffice() {
        return notaryOffice;
    }

    public LocalDate notarisedOn() {
        return notarisedOn;
    }

    public NotarisationStatus status() {
        return NotarisationStatus.fromLedgerCode(status);
    }

    public String documentHash() {
        return documentHash;
    }

    /** Id of the replacing notarisation, or null. */
    public String supersededBy() {
        return supersededBy;
    }

    /** Null until set (or for a file stored without a name). */
    public String fileName() {
        return fileName;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public long currentVersionId() {
        return currentVersionId;
    }
}
