package bt.druk.registry.application.verify;

import java.time.Instant;
import java.util.List;

/**
 * The answer for one SHA-256: the opening steps (the hash; "not found" when nothing was) and each
 * place it was found with its own steps.
 */
public record DocumentVerification(String sha256, Instant checkedAt, List<VerificationStep> steps, List<DocumentMatch> matches) {

    public DocumentVerification {
        steps = List.copyOf(steps);
        matches = List.copyOf(matches);
    }

    public boolean found() {
        return !matches.isEmpty();
    }
}
