package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.ledger.LedgerBindings;
import bt.druk.registry.domain.ledger.LedgerIdentity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code ledger_binding} (V213); written once, never changed. */
@Entity
@Table(name = "ledger_binding")
public class LedgerBindingRow {

    @Id
    @SequenceGenerator(name = "ledger_binding_seq", sequenceName = "ledger_binding_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_binding_seq")
    private Long id;

    @Column(name = "channel", nullable = false, length = 250, updatable = false)
    private String channel;

    @Column(name = "genesis_hash", nullable = false, length = 64, updatable = false)
    private String genesisHash;

    @Column(name = "bound_at", nullable = false, updatable = false)
    private Instant boundAt;

    @Column(name = "bound_by", nullable = false, length = 100, updatable = false)
    private String boundBy;

    @Column(name = "reason", nullable = false, length = 500, updatable = false)
    private String reason;

    protected LedgerBindingRow() {
    }

    LedgerBindingRow(LedgerBindings.Binding binding) {
        this.channel = binding.ledger().channel();
        this.genesisHash = binding.ledger().genesisHash();
        this.boundAt = binding.boundAt();
        this.boundBy = binding.boundBy();
        this.reason = binding.reason().length() <= 500 ? binding.reason() : binding.reason().substring(0, 500);
    }

    LedgerBindings.Binding toBinding() {
        return new LedgerBindings.Binding(new LedgerIdentity(channel, genesisHash), boundAt, boundBy, reason);
    }
}
