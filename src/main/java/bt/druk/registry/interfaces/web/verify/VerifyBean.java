package bt.druk.registry.interfaces.web.verify;

import bt.druk.registry.application.verify.DocumentMatch;
import bt.druk.registry.application.verify.DocumentVerification;
import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.application.verify.ProofCheck;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.RecordLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The public verify page: {@code /verify.xhtml?hash=<sha256>} (the page's own form, a link, a QR
 * code on a notarial certificate) shows the steps of {@link DocumentVerifier#verify}; a proof file's
 * text, read in the browser, is checked against the ledger on request. The file itself is never
 * sent: the browser hashes it and sends the hash.
 */
@Named
@RequestScoped
public class VerifyBean {

    private static final Logger LOG = Logger.getLogger(VerifyBean.class.getName());

    @Inject
    DocumentVerifier verifier;

    @Inject
    PortalLedger portalLedger;

    @Inject
    LedgerChecks ledgerChecks;

    @Inject
    RecordLinks links;

    @Inject
    Messages messages;

    private String hash;
    private String ledger;
    private String ledgerError;
    private String hashError;
    private DocumentVerification result;
    private String proofText;
    private String proofError;
    private ProofCheck proofCheck;

    /**
     * View action: checks {@code ?hash=} when present, from the portal's own index of what the
     * ledger committed; with {@code &ledger=now} against the ledger read now (reused for a few
     * seconds, rate-limited per client).
     */
    public void load() {
        if (hash == null || hash.isBlank()) {
            return;
        }
        try {
            result = verifier.verifyFromIndex(hash);
            if ("now".equals(ledger)) {
                LedgerChecks.Outcome<DocumentVerification> now = ledgerChecks.documentNow(result.sha256());
                if (now instanceof LedgerChecks.Checked<DocumentVerification> checked) {
                    result = checked.answer();
                } else if (now instanceof LedgerChecks.Limited<DocumentVerification> limited) {
                    ledgerError = messages.text("verify.limited", limited.retryAfterSeconds());
                } else {
                    ledgerError = messages.text("verify.failed");
                }
            }
        } catch (ValidationException e) {
            hashError = messages.text("docverify.hash.invalid");
        } catch (RuntimeException e) {
            // The ledger's troubles are step results; anything else still ends on this page, not an error page.
            LOG.log(Level.WARNING, "verification of " + hash + " failed", e);
            hashError = messages.text("docverify.failed");
        }
    }

    /** Ajax action of "check against the ledger now": the proof's text only. */
    public void checkProof() {
        if (proofText == null || proofText.isBlank()) {
            proofError = messages.text("docverify.proof.none");
            return;
        }
        try {
            proofCheck = verifier.checkProof(proofText, portalLedger.coordinates());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "proof check failed", e);
            proofError = messages.text("docverify.failed");
        }
    }

    public boolean isChecked() {
        return result != null;
    }

    /** The answer came from the portal's index, not from the ledger read now. */
    public boolean isFromIndex() {
        return result != null && result.source() == DocumentVerification.Source.PORTAL_INDEX;
    }

    /** "Check on the ledger now": this page again with {@code ledger=now}, context-relative. */
    public String getLedgerNowPath() {
        return result == null ? null : "/verify.xhtml?hash=" + result.sha256() + "&ledger=now";
    }

    /** The proof file's download, when some finding has one. */
    public String getProofPath() {
        return result != null && result.matches().stream().anyMatch(DocumentMatch::proofAvailable)
                ? "/verify/proof/" + result.sha256() + ".json" : null;
    }

    /** {@code pass}, {@code fail}, {@code warn}, {@code not-applicable}, {@code not-checked}: the step's CSS modifier and message key. */
    public String resultCode(VerificationStep step) {
        return step.result().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code verified}, {@code attention}, {@code failed} or {@code unchecked}: the verdict over a finding's steps. */
    public String verdict(DocumentMatch match) {
        return match.failed() ? "failed" : match.unchecked() ? "unchecked" : match.attention() ? "attention" : "verified";
    }

    /** The public page of a record, context-relative, or null. */
    public String recordHref(String recordKey) {
        return recordKey == null ? null : links.publicHref(recordKey);
    }

    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash == null ? null : hash.strip(); }
    public String getLedger() { return ledger; }
    public void setLedger(String ledger) { this.ledger = ledger; }
    public String getLedgerError() { return ledgerError; }
    public String getHashError() { return hashError; }
    public DocumentVerification getResult() { return result; }
    public String getProofText() { return proofText; }
    public void setProofText(String proofText) { this.proofText = proofText; }
    public String getProofError() { return proofError; }
    public ProofCheck getProofCheck() { return proofCheck; }
}
