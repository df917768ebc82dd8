package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.PublicTitleView;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Public record page of a land title ({@code /records/land.xhtml?pin=...}): masked owners,
 * encumbrances, chain of title, and "verify on ledger". Uses only the application's public view,
 * which never carries CIDs or full names.
 */
@Named
@ViewScoped
public class LandRecordBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LandRecordBean.class.getName());
    /** Same shape the application accepts; anything else is simply "not found". */
    static final Pattern PIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    @Inject
    LandPublicService publicService;

    @Inject
    Messages messages;

    private String pin;
    private PublicTitleView title;
    private LedgerVerification verification;

    public void load() {
        title = null;
        verification = null;
        if (pin == null || !PIN.matcher(pin.trim()).matches()) {
            return;
        }
        Optional<PublicTitleView> found = publicService.publicView(pin.trim());
        title = found.orElse(null);
    }

    /** Re-reads the ledger and compares every version's hash (may take a few seconds). */
    public void verify() {
        if (title == null) {
            return;
        }
        try {
            verification = publicService.verifyOnLedger(title.pin());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ledger verification failed for " + title.pin(), e);
            messages.error(null, "verify.failed");
            verification = null;
        }
        // Ledger state may have moved on since the page was loaded.
        publicService.publicView(title.pin()).ifPresent(fresh -> title = fresh);
    }

    /** The check of one version from the last verification, or null. */
    public VersionCheck checkOf(int version) {
        return verification == null ? null : verification.checkOf(version);
    }

    public boolean isCurrentCommitted() {
        return title != null && title.ledgerState() == LedgerState.COMMITTED;
    }

    public boolean isFound() {
        return title != null;
    }

    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public PublicTitleView getTitle() { return title; }
    public LedgerVerification getVerification() { return verification; }
}
