package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.application.staff.StaffLedgerIdentityService;
import bt.druk.registry.application.staff.StaffLedgerIdentityService.Revocation;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * The administrator's list of staff accounts ({@code /admin/staff.xhtml}) and what is done to one
 * from it: disable, enable and reset a lost second factor, each asked once more on the page before
 * it is done. A reset's new set-up link is shown here once ({@link #getShownLink()}) and forgotten
 * at the next action.
 */
@Named
@ViewScoped
public class StaffAccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "staff";

    /** What the page asks to be confirmed. */
    public enum Action { DISABLE, ENABLE, RESET }

    /** One account as the list shows it. */
    public record Row(String username, String displayName, Role role, Register register, String agency, String office,
                      boolean enabled, boolean factorEnrolled, boolean setupPending) implements Serializable {
    }

    @Inject
    transient StaffAccountService accounts;

    @Inject
    transient SetupLinks links;

    @Inject
    transient StaffLedgerIdentityService ledgerIdentities;

    @Inject
    transient Clock clock;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    /** The account just saved on the form page ({@code ?saved=}), for a notice. */
    private String saved;
    private Action pendingAction;
    private String pendingUsername;
    private SetupLinks.Shown shownLink;
    private transient List<Row> rows;

    public List<Row> getAccounts() {
        if (rows == null) {
            rows = accounts.all().stream().sorted(Comparator.comparing(StaffAccount::username)).map(this::row).toList();
        }
        return rows;
    }

    private Row row(StaffAccount a) {
        return new Row(a.username(), a.displayName(), a.role(), a.register(), a.agency(), a.office(), a.enabled(),
                a.secondFactor() != null, a.setupGrant() != null && a.setupGrant().validAt(clock.instant()));
    }

    /** Asks for the confirmation of {@code action} ({@link Action}'s name) on {@code username}; nothing is done yet. */
    public void ask(String action, String username) {
        shownLink = null;
        pendingAction = Action.valueOf(action);
        pendingUsername = username;
    }

    public void cancel() {
        pendingAction = null;
        pendingUsername = null;
    }

    /** Does what was asked and confirmed. */
    public void confirm() {
        Action action = pendingAction;
        String username = pendingUsername;
        cancel();
        if (action == null || username == null) {
            return;
        }
        try {
            switch (action) {
                case DISABLE -> {
                    accounts.disable(currentStaff.require(), username);
                    messages.info(null, "staff.done.disabled", username);
                    revokeLedgerIdentity(username);
                }
                case ENABLE -> {
                    if (ledgerIdentities.enable(currentStaff.require(), username)) {
                        messages.info(null, "staff.done.enabled", username);
                    } else {
                        messages.error(null, "staff.ledger.enableRevoked", username);
                    }
                }
                case RESET -> shownLink = links.shown(accounts.resetSecondFactor(currentStaff.require(), username));
            }
        } catch (LedgerUnavailableException e) {
            messages.error(null, "staff.ledger.unreadable", username, e.getMessage());
        } catch (AccessDeniedException e) {
            messages.error(null, "staff.notOwn");
        } catch (IllegalArgumentException e) {
            messages.error(null, "staff.noSuchAccount", username);
        }
        rows = null;
    }

    /** After disabling: the account's own ledger identity is revoked now, or as soon as its last writes are on the ledger. */
    private void revokeLedgerIdentity(String username) {
        try {
            Revocation revocation = ledgerIdentities.revokeFor(currentStaff.require(), username);
            if (revocation instanceof Revocation.Revoked revoked) {
                messages.info(null, "staff.ledger.revoked", username, revoked.identity().serial());
            } else if (revocation instanceof Revocation.Waiting waiting) {
                messages.warn(null, "staff.ledger.waiting", username, waiting.writes());
            }
        } catch (LedgerUnavailableException e) {
            messages.warn(null, "staff.ledger.revokeFailed", username, e.getMessage());
        }
    }

    public boolean isConfirming() {
        return pendingAction != null;
    }

    /** The message key of the question being asked ({@code staff.confirm.disable}, …). */
    public String getConfirmQuestionKey() {
        return pendingAction == null ? "" : "staff.confirm." + pendingAction.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Action getPendingAction() { return pendingAction; }
    public String getPendingUsername() { return pendingUsername; }
    public SetupLinks.Shown getShownLink() { return shownLink; }

    /** The signed-in administrator's own row offers no disable (the service refuses it too). */
    public boolean isSelf(Row row) {
        return row.username().equals(currentStaff.getUsername());
    }

    public String getSaved() { return saved; }
    public void setSaved(String saved) { this.saved = saved; }
}
