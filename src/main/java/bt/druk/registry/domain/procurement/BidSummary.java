package bt.druk.registry.domain.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Projection of a bid's current version: its number, the commitment to its supplier, its status
 * and, from the opening, the supplier and (of a valid bid) the price. Before the opening the portal
 * simply does not have them.
 */
@Entity
@Table(name = "bid_summary")
public class BidSummary {

    @Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @Column(name = "tender_key", nullable = false, length = 200)
    private String tenderKey;

    @Column(name = "bid_number", nullable = false)
    private int bidNumber;

    /** The salted commitment to the supplier that the ledger holds. */
    @Column(name = "commitment", nullable = false, length = 64)
    private String commitment;

    /** Opened as valid: bidder and price public, awardable. */
    @Column(name = "opened_valid", nullable = false)
    private boolean valid;

    @Column(name = "lodged_at", nullable = false)
    private Instant lodgedAt;

    @Column(name = "bidder_licence", length = 40)
    private String bidderLicence;

    @Column(name = "bidder_name", length = 200)
    private String bidderName;

    @Column(name = "amount", precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "current_version_id", nullable = false)
    private long currentVersionId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The bid's status on the ledger ({@link SealedBidRecord#LODGED} ...). */
    @Column(name = "status", length = 20)
    private String status;

    protected BidSummary() {
    }

    public BidSummary(String recordKey) {
        this.recordKey = recordKey;
    }

    /** The bid as its current version {@code version} reads. */
    public void update(BidReading bid, int version, long versionId, Instant now) {
        tenderKey = bid.tenderKey();
        bidNumber = bid.number();
        commitment = bid.commitment();
        lodgedAt = bid.lodgedAt();
        status = bid.status();
        valid = bid.valid();
        bidderLicence = bid.bidderId();
        bidderName = bid.bidderName();
        amount = bid.amount();
        currentVersion = version;
        currentVersionId = versionId;
        updatedAt = now;
    }

    /** {@code lodged}, {@code withdrawn}, {@code opened} or {@code invalid}. */
    public String status() {
        return status;
    }

    public String recordKey() {
        return recordKey;
    }

    public String tenderKey() {
        return tenderKey;
    }

    public int bidNumber() {
        return bidNumber;
    }

    public String commitment() {
        return commitment;
    }

    /** Opened as valid: bidder and price public, awardable. */
    public boolean valid() {
        return valid;
    }

    public Instant lodgedAt() {
        return lodgedAt;
    }

    public String bidderLicence() {
        return bidderLicence;
    }

    public String bidderName() {
        return bidderName;
    }

    public BigDecimal amount() {
        return amount;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public long currentVersionId() {
        return currentVersionId;
    }
}
