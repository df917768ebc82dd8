package bt.druk.registry.domain.land;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Search projection of a land title's current version (PIN, thram number, location, status, and
 * the surveyed boundary as its canonical JSON with its CRS code, null where none). The
 * record versions remain the source of truth; this row is rewritten whenever the current version
 * changes.
 */
@Entity
@Table(name = "land_parcel")
public class LandParcel {

    @Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @Column(name = "pin", nullable = false, length = 30)
    private String pin;

    @Column(name = "thram_no", nullable = false, length = 20)
    private String thramNo;

    @Column(name = "dzongkhag", nullable = false, length = 60)
    private String dzongkhag;

    @Column(name = "gewog", nullable = false, length = 60)
    private String gewog;

    @Column(name = "area_acres", nullable = false, precision = 12, scale = 4)
    private BigDecimal areaAcres;

    @Enumerated(EnumType.STRING)
    @Column(name = "land_type", nullable = false, length = 30)
    private LandType landType;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private TitleStatus status;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "current_version_id", nullable = false)
    private long currentVersionId;

    @Column(name = "boundary_json", length = 1_000_000)
    private String boundaryJson;

    @Column(name = "boundary_crs", length = 20)
    private String boundaryCrs;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LandParcel() {
    }

    public LandParcel(String recordKey) {
        this.recordKey = recordKey;
    }

    public void update(LandTitle title, int version, long versionId, Instant now) {
        Parcel p = title.parcel();
        pin = p.pin();
        thramNo = p.thramNo();
        dzongkhag = p.dzongkhag();
        gewog = p.gewog();
        areaAcres = p.areaAcres();
        landType = p.landType();
        status = title.status();
        boundaryJson = p.boundary() == null ? null : p.boundary().canonicalJson();
        boundaryCrs = p.boundary() == null ? null : p.boundary().crs().code();
        currentVersion = version;
        currentVersionId = versionId;
        updatedAt = now;
    }

    public String recordKey() {
        return recordKey;
    }

    public String pin() {
        return pin;
    }

    public String thramNo() {
        return thramNo;
    }

    public String dzongkhag() {
        return dzongkhag;
    }

    public String gewog() {
        return gewog;
    }

    public BigDecimal areaAcres() {
        return areaAcres;
    }

    public LandType landType() {
        return landType;
    }

    public TitleStatus status() {
        return status;
    }

    /** The surveyed boundary of the current version, if it has one. */
    public Optional<Boundary> boundary() {
        return boundaryJson == null ? Optional.empty() : Optional.of(Boundary.fromGeoJson(null, boundaryJson));
    }

    /** {@code EPSG:5266} for a boundary surveyed in that CRS; null without a boundary. */
    public String boundaryCrs() {
        return boundaryCrs;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public long currentVersionId() {
        return currentVersionId;
    }
}
