package bt.druk.registry.application.verify;

import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.shared.FieldError;
import java.util.List;

/**
 * A proof file checked against the ledger now: either it could not be read ({@code errors}, field by
 * field) or the steps of its check.
 *
 * @param receipt null when the file could not be read
 */
public record ProofCheck(ProofReceipt receipt, List<FieldError> errors, List<VerificationStep> steps) {

    public ProofCheck {
        errors = List.copyOf(errors);
        steps = List.copyOf(steps);
    }

    public boolean readable() {
        return errors.isEmpty();
    }

    /** Every check passed (a revoked notarisation or an unreachable ledger is not a pass). */
    public boolean passed() {
        return readable() && steps.stream().noneMatch(s -> s.failed() || s.result() == VerificationStep.Result.NOT_CHECKED);
    }
}
