package bt.druk.registry.application.land;

import java.time.Instant;

/**
 * An open mortgage or caveat as shown publicly.
 *
 * @param kind   MORTGAGE or CAVEAT
 * @param detail lender name for a mortgage (an institution); null for a caveat (its reason may be personal)
 */
public record PublicEncumbrance(Kind kind, String ref, String detail, Instant registeredAt) {
    public enum Kind { MORTGAGE, CAVEAT }
}
