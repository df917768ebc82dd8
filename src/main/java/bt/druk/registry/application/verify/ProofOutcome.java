package bt.druk.registry.application.verify;

import bt.druk.registry.domain.record.ProofReceipt;

/** The answer to "a proof file for this SHA-256, please". */
public sealed interface ProofOutcome {

    record Issued(ProofReceipt receipt) implements ProofOutcome {
    }

    /** Nothing this portal holds has this hash (or only ties a proof file cannot express). */
    record NotFound(String message) implements ProofOutcome {
    }

    /** Found, but not on the ledger yet (or refused by it): no receipt to put in a proof. */
    record NotCommitted(String message) implements ProofOutcome {
    }
}
