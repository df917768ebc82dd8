package bt.druk.registry.domain.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Projection of a bid's current version: its number, commitment and, only once revealed, the
 * bidder and price. Before the reveal the portal simply does not have them.
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

    @Column(name = "commitment", nullable = false, length = 64)
    private String commitment;

    @Column(name = "channel", nullable = false, length = 20)
    private String channel;

    @Column(name = "revealed", nullable = false)
    private boolean revealed;

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

    @Column(name = "sealed", nullable = false)
    private boolean sealed;

    /** A sealed bid's status on the ledger ({@link SealedBidRecord#LODGED} ...); null for commit-reveal bids. */
    @Column(name = "status", length = 20)
    private String status;

    protected BidSummary() {
    }

    public BidSummary(String recordKey) {
        this.recordKey = recordKey;
    }

    public void update(LodgedBid bid, int version, long versionId, Instant now) {
        tenderKey = bid.tenderKey();
        bidNumber = Integer.parseInt(bid.bidNumber());
        commitment = bid.commitment();
        channel = bid.channel();
        lodgedAt = bid.lodgedAt();
        revealed = bid.isRevealed();
        bidderLicence = revealed ? bid.revealed().bid().bidder().licenceNumber() : null;
        bidderName = revealed ? bid.revealed().bid().bidder().name() : null;
        amount = revealed ? bid.revealed().bid().price().amount() : null;
        currentVersion = version;
        currentVersionId = versionId;
        updatedAt = now;
    }

    /**
     * A sealed bid: "revealed" (awardable, with bidder and price) once opened as valid; an invalid
     * one names its supplier and no price.
     */
    public void update(SealedBidRecord bid, int version, long versionId, Instant now) {
        tenderKey = bid.tenderKey();
        bidNumber = Integer.parseInt(bid.bidNumber());
        commitment = bid.supplierCommitment();
        channel = LodgedBid.ONLINE;
        lodgedAt = bid.lodgedAt();
        sealed = true;
        status = bid.status();
        SealedBidRecord.Opening opening = bid.opening();
        revealed = opening != null && opening.valid();
        bidderLicence = opening == null ? null : opening.supplierId();
        bidderName = opening == null ? null : opening.supplierName();
        amount = revealed ? new BigDecimal(opening.price()) : null;
        currentVersion = version;
        currentVersionId = versionId;
        updatedAt = now;
    }

    public boolean sealed() {
        return sealed;
    }

    /** {@code lodged}, {@code withdrawn}, {@code opened} or {@code invalid} for a sealed bid; null otherwise. */
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

    public String channel() {
        return channel;
    }

    public boolean revealed() {
        return revealed;
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
