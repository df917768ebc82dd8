package bt.druk.registry.domain.audit;

import java.time.Instant;

/**
 * Which receipts an inspector asks for; every part is optional (null = any).
 *
 * @param register    register code ({@code land}, {@code procurement}, {@code notary})
 * @param office      office code of the version
 * @param submittedBy staff user name that submitted the version
 * @param from        submitted at or after
 * @param until       submitted before
 */
public record AuditFilter(String register, String office, String submittedBy, Instant from, Instant until) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
