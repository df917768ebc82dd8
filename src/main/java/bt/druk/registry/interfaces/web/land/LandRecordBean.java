package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.PublicTitleView;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Public record page of a land title ({@code /records/land.xhtml?pin=...}): masked owners,
 * encumbrances, chain of title, and "verify on ledger" ({@code &check=ledger}, a GET of its own).
 * Request-scoped on a stateless view, so an anonymous reader gets no session. Uses only the
 * application's public view, which never carries CIDs or full names.
 */
@Named
@RequestScoped
public class LandRecordBean {

    /** Same shape the application accepts; anything else is simply "not found". */
    static final Pattern PIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    @Inject
    LandPublicService publicService;

    @Inject
    LedgerChecks ledgerChecks;

    @Inject
    Messages messages;

    private String pin;
    private String check;
    private PublicTitleView title;
    private LedgerVerification verification;

    /** View action: the title, and with {@code check=ledger} its comparison with the ledger. */
    public void load() {
        title = null;
        verification = null;
        if (pin == null || !PIN.matcher(pin.trim()).matches()) {
            return;
        }
        Optional<PublicTitleView> found = publicService.publicView(pin.trim());
        title = found.orElse(null);
        if (title != null && "ledger".equals(check)) {
            verify();
        }
    }

    private void verify() {
        verification = ledgerChecks.checkOrTell(title.recordKey(), messages);
    }

    /** The check of one version from the verification, or null. */
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
    public String getCheck() { return check; }
    public void setCheck(String check) { this.check = check; }
    public PublicTitleView getTitle() { return title; }
    public LedgerVerification getVerification() { return verification; }
}
