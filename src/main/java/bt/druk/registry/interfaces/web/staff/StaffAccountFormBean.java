package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.application.staff.StaffLedgerIdentityService;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import bt.druk.registry.domain.land.OfficeDzongkhags;
import bt.druk.registry.domain.procurement.ProcuringEntity;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The administrator's form for one staff account ({@code /admin/account.xhtml}): a new one, or with
 * {@code ?username=} an existing one's display name, role, register, agency and office. A new
 * account's set-up link is shown on this page once, after saving; an edit returns to the list.
 * Agencies are the procuring agencies of the reference data, offices the land offices of
 * {@code druk.land.officeDzongkhags} and any office an account already has.
 */
@Named
@ViewScoped
public class StaffAccountFormBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "account";

    @Inject
    transient StaffAccountService accounts;

    @Inject
    transient SetupLinks links;

    @Inject
    transient StaffLedgerIdentityService ledgerIdentities;

    @Inject
    transient ProcuringEntities agencies;

    @Inject
    transient OfficeDzongkhags landOffices;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    /** The account being edited ({@code ?username=}); null for a new one. */
    private String editing;
    private boolean loaded;
    private boolean found = true;
    private String username;
    private String displayName;
    private Role role = Role.CLERK;
    private Register register;
    private String agency;
    private String office;
    private SetupLinks.Shown shownLink;
    /** The account's own ledger identity, when the portal holds one; else why it could not be issued or read. */
    private StaffLedgerIdentities.Issued ledgerIdentity;
    private String ledgerProblem;
    private transient List<String> offices;

    /** For an edit: starts from the account as it is (once per view). */
    public void load() {
        if (editing == null || loaded) {
            return;
        }
        loaded = true;
        Optional<StaffAccount> account = accounts.account(editing);
        found = account.isPresent();
        account.ifPresent(a -> {
            username = a.username();
            displayName = a.assignment().displayName();
            role = a.role();
            register = a.register();
            agency = a.agency();
            office = a.office();
        });
        if (found && ledgerIdentities.issuing()) {
            try {
                ledgerIdentity = ledgerIdentities.identityOf(editing).orElse(null);
            } catch (LedgerUnavailableException e) {
                ledgerProblem = e.getMessage();
            }
        }
    }

    /**
     * Issues the account's own ledger identity with its agency's CA (after creating it, or again from
     * the account's page when the CA could not be reached then). The account exists either way.
     */
    public void issueLedgerIdentity() {
        String name = editing != null ? editing : shownLink == null ? null : shownLink.username();
        if (name == null || !ledgerIdentities.issuing()) {
            return;
        }
        try {
            ledgerIdentity = ledgerIdentities.issueFor(currentStaff.require(), name);
            ledgerProblem = null;
        } catch (LedgerUnavailableException e) {
            ledgerProblem = e.getMessage();
        } catch (AccessDeniedException | IllegalArgumentException e) {
            messages.error(null, "staff.noSuchAccount", name);
        }
    }

    public boolean isEditingExisting() {
        return editing != null;
    }

    /** Creates the account (and shows its set-up link) or saves the edit (and returns to the list). */
    public String save() {
        try {
            StaffAccount.Assignment assignment = assignment();
            if (isEditingExisting()) {
                ledgerIdentities.changeAccount(currentStaff.require(), editing, assignment);
                return "/admin/staff?faces-redirect=true&saved=" + java.net.URLEncoder.encode(editing, java.nio.charset.StandardCharsets.UTF_8);
            }
            shownLink = links.shown(accounts.createAccount(currentStaff.require(), username, assignment));
            issueLedgerIdentity();
            return null;
        } catch (ValidationException e) {
            messages.show(e, FORM);
        } catch (AccessDeniedException e) {
            messages.error(null, "staff.ownRole");
        } catch (IllegalArgumentException e) {
            messages.error(null, "staff.noSuchAccount", editing);
        }
        return null;
    }

    /**
     * The form's choices as an assignment: a register only for a clerk (the field is ignored for
     * other roles); a clerk needs a register and an office.
     */
    StaffAccount.Assignment assignment() {
        ValidationException.Collector errors = new ValidationException.Collector();
        Register chosenRegister = role == Role.CLERK ? register : null;
        if (role == null) {
            errors.add("role", "staff.role.required", "Choose a role.");
        }
        if (role == Role.CLERK && register == null) {
            errors.add("register", "staff.register.required", "A clerk belongs to a register: choose one.");
        }
        if (role == Role.CLERK && (office == null || office.isBlank())) {
            errors.add("office", "staff.office.required", "A clerk works in an office: choose one.");
        }
        PlainText.checkLine(errors, "displayName", displayName);
        errors.throwIfAny();
        return new StaffAccount.Assignment(displayName == null ? null : PlainText.normalise(displayName), role, chosenRegister,
                agency, office);
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public Register[] getRegisters() {
        return Register.values();
    }

    /** Procuring agencies of the reference data, and the account's own if it is not among them. */
    public List<ProcuringEntity> getAgencies() {
        List<ProcuringEntity> all = new ArrayList<>(agencies.all());
        if (agency != null && all.stream().noneMatch(e -> e.code().equals(agency))) {
            all.add(new ProcuringEntity(agency, agency));
        }
        return all;
    }

    /** The land offices of the settings, every office an account has, and this account's own. */
    public List<String> getOffices() {
        if (offices == null) {
            TreeSet<String> known = new TreeSet<>(landOffices.dzongkhagsByOffice().keySet());
            accounts.all().stream().map(StaffAccount::office).filter(Objects::nonNull).forEach(known::add);
            if (office != null && !office.isBlank()) {
                known.add(office.trim().toUpperCase(Locale.ROOT));
            }
            offices = List.copyOf(known);
        }
        return offices;
    }

    public boolean isFound() { return found; }
    public boolean isIssuingLedgerIdentities() { return ledgerIdentities.issuing(); }
    public StaffLedgerIdentities.Issued getLedgerIdentity() { return ledgerIdentity; }
    public String getLedgerProblem() { return ledgerProblem; }
    public SetupLinks.Shown getShownLink() { return shownLink; }
    public String getEditing() { return editing; }
    public void setEditing(String editing) { this.editing = editing == null || editing.isBlank() ? null : editing.trim(); }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Register getRegister() { return register; }
    public void setRegister(Register register) { this.register = register; }
    public String getAgency() { return agency; }
    public void setAgency(String agency) { this.agency = agency; }
    public String getOffice() { return office; }
    public void setOffice(String office) { this.office = office; }
}
