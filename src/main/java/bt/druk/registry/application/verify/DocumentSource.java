package bt.druk.registry.application.verify;

import bt.druk.registry.application.verify.HashOccurrences.Place;
import bt.druk.registry.application.verify.VerificationStep.Kind;
import bt.druk.registry.application.verify.VerificationStep.Result;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Implemented, as a CDI bean in its own application package, by a register whose documents can be
 * found by their SHA-256 other than as a record's own document: where the hash may occur, what it
 * is found as, and how that kind of document is tied to the ledger and its status read.
 * {@link DocumentVerifier} keeps the order of the steps and asks the source of each finding's
 * {@link FoundAs} for what differs; every {@link FoundAs} but {@link FoundAs#RECORD_DOCUMENT} has
 * exactly one source.
 */
public interface DocumentSource {

    /**
     * This source's place in the order of findings, smaller first; records' own documents come after
     * every source. The numbers are declared by the sources and must differ.
     */
    int order();

    /** What this source's documents are found as. */
    Set<FoundAs> kinds();

    /**
     * Where the hash is found among this source's documents.
     *
     * @param sha256 lower-case hexadecimal
     * @param places where the hash occurs at all: a source whose places are not among them looks no further
     */
    List<DocumentFinding> findings(String sha256, Set<Place> places);

    /** A document of the kind in a list of what a portal holds: "notarised document". */
    String noun(FoundAs kind);

    /** A document of the kind as a proof file is about one: "a notarised document". */
    String described(FoundAs kind);

    /**
     * A note before the findings that the hash is known here but does not count yet (a document still
     * waiting to be put on the ledger); it replaces "not found".
     */
    default Optional<VerificationStep> waiting(String sha256, Set<Place> places) {
        return Optional.empty();
    }

    /** Why no proof file can be issued yet for a hash none of whose findings fits one; empty if this source does not know it. */
    default Optional<String> proofWaiting(String sha256) {
        return Optional.empty();
    }

    /** The {@link Kind#PROOF_OFFLINE} step of a proof file of one of this source's kinds. */
    VerificationStep offline(ProofReceipt proof);

    /**
     * "a notarisation" if this source's ledger entries name the document itself (its
     * {@link #documentHash} is checked); empty if they do not.
     */
    default Optional<String> namesDocumentOnLedger() {
        return Optional.empty();
    }

    /**
     * The {@link Kind#PROOF_DOCUMENT_HASH} step of a proof file of one of this source's kinds; empty
     * when its ledger entry does not name the document.
     *
     * @param entry the ledger's entry of the proof's version; null if it has none
     */
    default Optional<VerificationStep> documentHash(ProofReceipt proof, LedgerEntry entry) {
        return Optional.empty();
    }

    /**
     * The {@link Kind#STATUS} step of a proof file's record from its current entry on the ledger;
     * empty for the common one.
     */
    default Optional<VerificationStep> status(ProofReceipt proof, LedgerEntry current) {
        return Optional.empty();
    }

    /**
     * The proof file's own ties checked without the ledger ({@link ProofReceipt#offlineCheck}): a
     * failure says why, a pass says {@code tie}.
     */
    static VerificationStep checkedOffline(ProofReceipt proof, String tie) {
        var result = proof.offlineCheck();
        if (!result.ok()) {
            return VerificationStep.of(Kind.PROOF_OFFLINE, Result.FAIL, "The proof does not hold together: " + result.reason() + ".");
        }
        return VerificationStep.of(Kind.PROOF_OFFLINE, Result.PASS, tie);
    }
}
