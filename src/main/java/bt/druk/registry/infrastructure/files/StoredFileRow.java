package bt.druk.registry.infrastructure.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One distinct file in the file store (table {@code stored_file}, migration V202). The hash is the
 * key, so no sequence is needed; names are not kept here (the records that refer to a file keep
 * them, and a name can be personal data).
 */
@Entity
@Table(name = "stored_file")
public class StoredFileRow {

    @Id
    @Column(name = "sha256", length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "first_stored_at", nullable = false)
    private Instant firstStoredAt;

    protected StoredFileRow() {
    }

    public StoredFileRow(String sha256, long sizeBytes, String mediaType, Instant firstStoredAt) {
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.mediaType = mediaType;
        this.firstStoredAt = firstStoredAt;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String mediaType() {
        return mediaType;
    }

    public Instant firstStoredAt() {
        return firstStoredAt;
    }
}
