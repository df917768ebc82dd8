package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.record.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Storage of a {@link Party}, keyed by its commitment. */
@Entity
@Table(name = "record_party")
public class PartyRow {

    @Id
    @Column(name = "commitment", length = 64)
    private String commitment;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "cid", length = 11)
    private String cid;

    @Column(name = "salt", nullable = false, length = 32)
    private String salt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PartyRow() {
    }

    PartyRow(Party party, Instant now) {
        this.commitment = party.commitment();
        this.name = party.name();
        this.cid = party.cid();
        this.salt = party.salt();
        this.createdAt = now;
    }

    Party toParty() {
        return new Party(name, cid, salt);
    }
}
