package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.audit.StaffEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code staff_event} (V212); written once, never changed. */
@Entity
@Table(name = "staff_event")
public class StaffEventRow {

    @Id
    @SequenceGenerator(name = "staff_event_seq", sequenceName = "staff_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_event_seq")
    private Long id;

    @Column(name = "happened_at", nullable = false, updatable = false)
    private Instant happenedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 24, updatable = false)
    private StaffEvent.Kind kind;

    @Column(name = "actor", nullable = false, length = 64, updatable = false)
    private String actor;

    @Column(name = "client", length = 64, updatable = false)
    private String client;

    @Column(name = "subject", length = 200, updatable = false)
    private String subject;

    @Column(name = "detail", length = 300, updatable = false)
    private String detail;

    protected StaffEventRow() {
    }

    StaffEventRow(StaffEvent event) {
        this.happenedAt = event.at();
        this.kind = event.kind();
        this.actor = event.actor();
        this.client = event.client();
        this.subject = event.subject();
        this.detail = event.detail();
    }

    StaffEvent toEvent() {
        return new StaffEvent(happenedAt, kind, actor, client, subject, detail);
    }
}
