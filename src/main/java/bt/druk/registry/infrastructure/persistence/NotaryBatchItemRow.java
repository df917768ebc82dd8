package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.notary.QueuedDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document queued for a Merkle batch (V207). */
@Entity
@Table(name = "notary_batch_item")
public class NotaryBatchItemRow {

    /** Queue order. */
    @Id
    @SequenceGenerator(name = "notary_batch_item_seq", sequenceName = "notary_batch_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notary_batch_item_seq")
    private Long id;

    @Column(name = "document_hash", nullable = false, length = 64)
    private String documentHash;

    @Column(name = "queued_by", nullable = false)
    private String queuedBy;

    @Column(name = "office", nullable = false)
    private String office;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "anchor_key")
    private String anchorKey;

    @Column(name = "leaf_index")
    private Integer leafIndex;

    protected NotaryBatchItemRow() {
    }

    NotaryBatchItemRow(QueuedDocument document) {
        this.documentHash = document.documentHash();
        this.queuedBy = document.queuedBy();
        this.office = document.office();
        this.queuedAt = document.queuedAt();
        this.anchorKey = document.anchorKey();
        this.leafIndex = document.leafIndex();
    }

    QueuedDocument toDocument() {
        return new QueuedDocument(documentHash, queuedBy, office, queuedAt, anchorKey, leafIndex);
    }

    String documentHash() {
        return documentHash;
    }

    void assign(String anchor, int index) {
        if (anchorKey != null) {
            throw new IllegalStateException(documentHash + " is already in batch " + anchorKey);
        }
        this.anchorKey = anchor;
        this.leafIndex = index;
    }
}
