package bt.druk.registry.application.verify;

import java.time.Instant;
import java.util.List;

/**
 * The answer for one SHA-256: the opening steps (the hash; "not found" when nothing was) and each
 * place it was found with its own steps.
 *
 * @param source where the ledger's side of the steps comes from
 */
public record DocumentVerification(String sha256, Instant checkedAt, List<VerificationStep> steps, List<DocumentMatch> matches,
                                   Source source) {

    /** Where the ledger's side of an answer comes from. */
    public enum Source {
        /**
         * The portal's own index of what the ledger committed (versions marked committed by the
         * commit follower from the ledger's events, with their receipts): no ledger call.
         */
        PORTAL_INDEX,
        /** The ledger, read for this answer. */
        LEDGER_NOW
    }

    public DocumentVerification {
        steps = List.copyOf(steps);
        matches = List.copyOf(matches);
    }

    public boolean found() {
        return !matches.isEmpty();
    }
}
