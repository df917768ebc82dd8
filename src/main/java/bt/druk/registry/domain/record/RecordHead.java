package bt.druk.registry.domain.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The latest live (not rejected) version of a record. Its optimistic lock serialises clerks: two
 * clerks saving a new version of the same record at once cannot both win.
 */
@Entity
@Table(name = "record_head")
public class RecordHead {

    @Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "register_code", nullable = false, length = 20)
    private String register;

    /** 0 when every version so far was rejected. */
    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    /** Ledger hash of the current version: what the next version names as its previous hash. */
    @Column(name = "current_hash", length = 64)
    private String currentHash;

    @Column(name = "current_version_id")
    private Long currentVersionId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "opt_lock", nullable = false)
    private long optLock;

    protected RecordHead() {
    }

    public RecordHead(String recordKey, String kind, String register, Instant now) {
        this.recordKey = recordKey;
        this.kind = kind;
        this.register = register;
        this.currentVersion = 0;
        this.updatedAt = now;
    }

    public void moveTo(RecordVersion version, Instant now) {
        currentVersion = version.version();
        currentHash = version.hash();
        currentVersionId = version.id();
        updatedAt = now;
    }

    public void reset(Instant now) {
        currentVersion = 0;
        currentHash = null;
        currentVersionId = null;
        updatedAt = now;
    }

    public String recordKey() {
        return recordKey;
    }

    public String kind() {
        return kind;
    }

    public String register() {
        return register;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String currentHash() {
        return currentHash;
    }

    public Long currentVersionId() {
        return currentVersionId;
    }

    public long optLock() {
        return optLock;
    }

    /** In-memory repositories imitate the optimistic lock with this. */
    public void bumpOptLock() {
        optLock++;
    }
}
