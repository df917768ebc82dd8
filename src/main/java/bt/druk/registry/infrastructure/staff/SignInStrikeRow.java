package bt.druk.registry.infrastructure.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code sign_in_strike} (V212). */
@Entity
@Table(name = "sign_in_strike")
public class SignInStrikeRow {

    @Id
    @Column(name = "subject", length = 160)
    private String subject;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "first_at", nullable = false)
    private Instant firstAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected SignInStrikeRow() {
    }

    SignInStrikeRow(String subject) {
        this.subject = subject;
    }

    int failures() {
        return failures;
    }

    Instant firstAt() {
        return firstAt;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    void set(int failures, Instant firstAt, Instant lockedUntil) {
        this.failures = failures;
        this.firstAt = firstAt;
        this.lockedUntil = lockedUntil;
    }
}
