package bt.druk.registry.application.staff;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.domain.audit.StaffEvent.Kind;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities.Holder;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities.Issued;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.StaffAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each staff member's own ledger identity (issue 26, item 2): issued with their agency's
 * certificate authority when an administrator creates the account, so that the ledger names the
 * person behind every write. Suppliers have none: their sealed bids go through the bid box.
 */
@ApplicationScoped
public class StaffLedgerIdentityService {

    private static final Logger LOG = Logger.getLogger(StaffLedgerIdentityService.class.getName());

    /** The organisation of staff without a register: the auditor's inspectors, the registry's administrators. */
    static final String INSPECTORS_MSP = Register.AUDIT_MSP;
    static final String ADMINISTRATORS_MSP = Register.LAND.issuingMspId();

    private StaffLedgerIdentities identities;
    private StaffAccountService accounts;
    private StaffActivity activity;
    private RecordRepository records;

    /** What became of a disabled account's ledger identity. */
    public sealed interface Revocation {
        /** The ledger refuses it from now on. */
        record Revoked(Issued identity) implements Revocation {
        }

        /** Not yet: this many of its writes, acknowledged before the account was disabled, still wait for the ledger. */
        record Waiting(long writes) implements Revocation {
        }

        /** The account has no ledger identity of its own in this portal (or the portal issues none). */
        record None() implements Revocation {
        }
    }

    protected StaffLedgerIdentityService() {
    }

    @Inject
    public StaffLedgerIdentityService(StaffLedgerIdentities identities, StaffAccountService accounts, StaffActivity activity,
                                      RecordRepository records) {
        this.identities = identities;
        this.accounts = accounts;
        this.activity = activity;
        this.records = records;
    }

    /** Whether this portal issues personal identities (its connection file names the CAs). */
    public boolean issuing() {
        return identities.issuing();
    }

    /**
     * Issues the account's own identity, or finds the one it has; audited when new.
     *
     * @throws bt.druk.registry.domain.ledger.LedgerUnavailableException when the CA or token cannot be used (the message says why)
     * @throws IllegalArgumentException when there is no such account
     */
    public Issued issueFor(StaffMember admin, String username) {
        requireAdmin(admin);
        StaffAccount account = accounts.account(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        Optional<Issued> existing = identities.find(account.username());
        if (existing.isPresent()) {
            return existing.get();
        }
        Issued issued = identities.issue(holderOf(account));
        activity.accountChanged(Kind.LEDGER_IDENTITY_ISSUED, admin.username(), null, account.username(),
                issued.mspId() + " serial " + issued.serial());
        LOG.info(() -> "ledger identity issued: " + account.username() + " (" + issued.mspId() + ", serial " + issued.serial()
                + ") by " + admin.username());
        return issued;
    }

    /**
     * Revokes a disabled account's ledger identity, once every write it made before is on the
     * ledger: what was acknowledged is never lost, and revoking first would have the ledger refuse
     * it. Until then {@link Revocation.Waiting}; {@link #revokeWaiting()} finishes the job later.
     *
     * @throws IllegalStateException when the account is enabled
     * @throws LedgerUnavailableException when the CA or the orderer cannot be used (the message says why)
     */
    public Revocation revokeFor(StaffMember admin, String username) {
        requireAdmin(admin);
        StaffAccount account = accounts.account(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        if (account.enabled()) {
            throw new IllegalStateException("the account " + username + " is enabled: its ledger identity stays");
        }
        return revoke(account, admin.username());
    }

    private Revocation revoke(StaffAccount account, String by) {
        if (!identities.issuing()) {
            return new Revocation.None();
        }
        Optional<Issued> identity = identities.find(account.username());
        if (identity.isEmpty()) {
            return new Revocation.None();
        }
        if (identity.get().revoked()) {
            return new Revocation.Revoked(identity.get());
        }
        long waiting = records.openOutboxCountOf(account.username());
        if (waiting > 0) {
            return new Revocation.Waiting(waiting);
        }
        Issued revoked = identities.revoke(account.username());
        activity.accountChanged(Kind.LEDGER_IDENTITY_REVOKED, by, null, account.username(),
                revoked.mspId() + " serial " + revoked.serial());
        LOG.info(() -> "ledger identity revoked: " + account.username() + " (" + revoked.mspId() + ", serial " + revoked.serial()
                + ") for " + by);
        return new Revocation.Revoked(revoked);
    }

    /**
     * Revokes the identities of disabled accounts that still have one (their last writes were
     * waiting, or the CA or orderer could not be reached when they were disabled). Run every minute.
     */
    public void revokeWaiting() {
        if (!identities.issuing()) {
            return;
        }
        for (StaffAccount account : accounts.all()) {
            if (account.enabled()) {
                continue;
            }
            try {
                revoke(account, "portal");
            } catch (LedgerUnavailableException e) {
                LOG.log(Level.WARNING, "the ledger identity of disabled account " + account.username()
                        + " is not revoked yet; will retry: " + e.getMessage());
            }
        }
    }

    /**
     * Changes an account ({@link StaffAccountService#changeAccount}) unless the change would make its
     * certificate wrong: role, register, office and agency are attributes of the certificate the
     * chaincode reads, so while the account holds an unrevoked identity only its display name
     * changes. Someone who moves gets a new account (and the old one is disabled).
     *
     * @throws ValidationException on the first field whose change the certificate does not allow
     */
    public void changeAccount(StaffMember admin, String username, StaffAccount.Assignment assignment) {
        requireAdmin(admin);
        StaffAccount account = accounts.account(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        StaffAccount.Assignment now = account.assignment();
        String fixed = now.role() != assignment.role() ? "role"
                : now.register() != assignment.register() ? "register"
                : !java.util.Objects.equals(now.agency(), assignment.agency()) ? "agency"
                : !java.util.Objects.equals(now.office(), assignment.office()) ? "office" : null;
        if (fixed != null && identities.issuing() && identities.find(username).filter(i -> !i.revoked()).isPresent()) {
            throw ValidationException.of(fixed, "staff.ledger.attributesFixed",
                    "This account signs on the ledger with a certificate that names its role, register, agency and office:"
                            + " to move this person, make a new account and disable this one.");
        }
        accounts.changeAccount(admin, username, assignment);
    }

    /**
     * Lets a disabled account sign in again ({@link StaffAccountService#enable}), unless its ledger
     * identity was revoked: the ledger would refuse every write it made, after the portal had
     * acknowledged them. Such a person gets a new account (and with it a new identity).
     *
     * @return false when the account's identity is revoked and it stays disabled
     */
    public boolean enable(StaffMember admin, String username) {
        requireAdmin(admin);
        if (identities.issuing() && identities.find(username).map(Issued::revoked).orElse(false)) {
            return false;
        }
        accounts.enable(admin, username);
        return true;
    }

    private static void requireAdmin(StaffMember admin) {
        if (admin == null || admin.role() != Role.ADMIN) {
            throw new AccessDeniedException((admin == null ? "nobody" : admin.username()) + " is not an administrator");
        }
    }

    /** The identity the account signs with, if the portal holds one. */
    public Optional<Issued> identityOf(String username) {
        return identities.find(username);
    }

    /** What the account's certificate says, in the attribute words the chaincode reads. */
    static Holder holderOf(StaffAccount account) {
        Register register = account.register();
        String msp = switch (account.role()) {
            case CLERK -> register.issuingMspId();
            case INSPECTOR -> INSPECTORS_MSP;
            case ADMIN -> ADMINISTRATORS_MSP;
        };
        return new Holder(account.username(), msp, account.role().code(), register == null ? null : register.code(),
                account.office(), account.agency());
    }
}
