package bt.druk.registry.application.record;

import java.time.Instant;
import java.util.List;

/**
 * "Verify on ledger": the ledger was re-read just now and each version compared.
 *
 * @param currentLedgerVersion version number the ledger holds as current, or null if unknown
 * @param message              short English explanation of the outcome
 */
public record LedgerVerification(
        String recordKey,
        Outcome outcome,
        Integer currentLedgerVersion,
        String currentLedgerHash,
        List<VersionCheck> versions,
        Instant checkedAt,
        String message) {

    public LedgerVerification {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The check of one version, or null when the portal had no such version. */
    public VersionCheck checkOf(int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst().orElse(null);
    }

    public enum Outcome {
        /** Every committed version matches the ledger. */
        VERIFIED,
        /** Matches so far, but at least one version still waits for the ledger. */
        VERIFIED_WITH_PENDING,
        /** At least one version differs from the ledger or from its own stored hash. Say so loudly. */
        MISMATCH,
        /** The ledger could not be reached; nothing was compared. */
        LEDGER_UNAVAILABLE,
        /** The record is unknown to the portal. */
        NOT_FOUND
    }
}
