package bt.druk.registry.application.verify;

import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import java.util.List;

/**
 * One place a SHA-256 was found, with its steps from "found as" to history.
 *
 * @param version        the record version that ties the document to the ledger
 * @param ledgerHash     what the ledger must hold for that version
 * @param history        every write of the record on the ledger, oldest first (empty when it could not be read)
 * @param proofAvailable a proof file can be downloaded for it (it is committed and its tie fits the proof format)
 */
public record DocumentMatch(FoundAs foundAs, String recordKey, int version, String ledgerHash,
                            List<VerificationStep> steps, List<LedgerHistoryItem> history, boolean proofAvailable) {

    public DocumentMatch {
        steps = List.copyOf(steps);
        history = List.copyOf(history);
    }

    /** Every step passed (or did not apply). */
    public boolean verified() {
        return steps.stream().allMatch(s -> s.result() == VerificationStep.Result.PASS || s.result() == VerificationStep.Result.NOT_APPLICABLE);
    }

    /** Nothing failed and everything was checked, but a step needs attention (waiting for the ledger, a newer version). */
    public boolean attention() {
        return !failed() && !unchecked() && steps.stream().anyMatch(s -> s.result() == VerificationStep.Result.WARN);
    }

    public boolean failed() {
        return steps.stream().anyMatch(VerificationStep::failed);
    }

    /** A step could not be checked (the ledger could not be reached). */
    public boolean unchecked() {
        return steps.stream().anyMatch(s -> s.result() == VerificationStep.Result.NOT_CHECKED);
    }
}
