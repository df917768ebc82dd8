package bt.druk.registry.chaincode;

import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.TreeSet;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * Access rules, from the client certificate's attributes (issued by Fabric CA into extension
 * 1.2.3.4.5.6.7.8.1) and MSP id.
 * <ul>
 * <li>writes: {@code role=clerk}, {@code register} = the record's register, MSP = that register's
 * issuing MSP;</li>
 * <li>the bid box ({@code role=bidbox}, {@code register=procurement}, MSP of the procurement
 * register), the portal's identity for the sealed bids suppliers send on the public pages: only
 * {@link #BIDBOX_TRANSACTIONS}, directly or carried over; no reads, no other write;</li>
 * <li>reads: {@code role} one of clerk, inspector, admin;</li>
 * <li>configuration ({@code SetNoticePeriod}, the land register's notice period; {@code SetMinBidPeriod},
 * the procurement register's minimum bid period): {@code role=admin} of that register's issuing MSP.</li>
 * </ul>
 */
public final class AccessPolicy {
    public static final String ROLE = "role";
    public static final String REGISTER = "register";
    public static final String OFFICE = "office";
    /** Optional: the agency (procuring entity) a procurement clerk works for; a tender is changed only by its own agency's staff. */
    public static final String AGENCY = "agency";

    public static final String CLERK = "clerk";
    public static final String INSPECTOR = "inspector";
    public static final String ADMIN = "admin";
    public static final String BIDBOX = "bidbox";

    /** All the bid box may call: lodging and withdrawing sealed bids (and carrying those over to a new ledger). */
    public static final Set<String> BIDBOX_TRANSACTIONS = Set.of("LodgeSealedBid", "WithdrawBid");

    private static final Set<String> READER_ROLES = Set.of(CLERK, INSPECTOR, ADMIN);

    /** Reads the caller from the transaction context. */
    public Caller caller(Context ctx) {
        ClientIdentity id = ctx.getClientIdentity();
        return new Caller(id.getMSPID(), commonName(id.getX509Certificate()), id.getAttributeValue(ROLE),
                id.getAttributeValue(REGISTER), id.getAttributeValue(OFFICE), id.getAttributeValue(AGENCY));
    }

    /** A clerk of {@code register}, enrolled with that register's issuing organisation. */
    public void requireWriter(Caller caller, Register register) {
        if (caller.role() == null || caller.role().isBlank()) {
            throw ErrorCode.ACCESS_DENIED.error("identity %s@%s has no role attribute; writes need role=clerk",
                    caller.subject(), caller.mspId());
        }
        if (BIDBOX.equals(caller.role())) {
            throw bidBoxOnly(caller);
        }
        if (!CLERK.equals(caller.role())) {
            throw ErrorCode.ACCESS_DENIED.error("role %s may not write records; writes need role=clerk", caller.role());
        }
        requireOf(caller, register, CLERK);
    }

    /** {@code LodgeSealedBid} and {@code WithdrawBid}: a procurement clerk (a paper bid), or the procurement register's bid box. */
    public void requireBidWriter(Caller caller) {
        if (BIDBOX.equals(caller.role())) {
            requireOf(caller, Register.PROCUREMENT, "bid box");
            return;
        }
        requireWriter(caller, Register.PROCUREMENT);
    }

    /**
     * {@code CarryOver} of {@code function}: staff who may read, or the bid box carrying one of its own
     * transactions; the carried function then checks the writer's rights itself.
     */
    public void requireCarrier(Caller caller, String function) {
        if (BIDBOX.equals(caller.role())) {
            if (!BIDBOX_TRANSACTIONS.contains(function)) {
                throw bidBoxOnly(caller);
            }
            return;
        }
        requireReader(caller);
    }

    /** The writer's register attribute and organisation: {@code what} ("clerk", "bid box") of {@code register}, enrolled with its issuer. */
    private static void requireOf(Caller caller, Register register, String what) {
        if (!register.code().equals(caller.register())) {
            throw ErrorCode.WRONG_REGISTER.error("%s of register %s may not write to the %s register", what,
                    caller.register() == null ? "(none)" : caller.register(), register.code());
        }
        if (!register.issuingMsp().equals(caller.mspId())) {
            throw ErrorCode.ACCESS_DENIED.error("organisation %s does not issue the %s register (issuer: %s)",
                    caller.mspId(), register.code(), register.issuingMsp());
        }
    }

    private static RegistryException bidBoxOnly(Caller caller) {
        return ErrorCode.ACCESS_DENIED.error("the bid box %s@%s may only lodge and withdraw sealed bids (%s)",
                caller.subject(), caller.mspId(), String.join(", ", new TreeSet<>(BIDBOX_TRANSACTIONS)));
    }

    /** Any staff identity: clerk, inspector or admin (not the bid box). */
    public void requireReader(Caller caller) {
        if (BIDBOX.equals(caller.role())) {
            throw bidBoxOnly(caller);
        }
        if (caller.role() == null || !READER_ROLES.contains(caller.role())) {
            throw ErrorCode.ACCESS_DENIED.error("reads need role clerk, inspector or admin; identity %s@%s has %s",
                    caller.subject(), caller.mspId(), caller.role() == null ? "no role" : "role " + caller.role());
        }
    }

    /** An administrator of {@code register}'s issuing organisation: an admin of another organisation may not set its rules. */
    public void requireAdminOf(Caller caller, Register register) {
        if (BIDBOX.equals(caller.role())) {
            throw bidBoxOnly(caller);
        }
        if (!ADMIN.equals(caller.role())) {
            throw ErrorCode.ACCESS_DENIED.error("only role=admin may change configuration; identity %s@%s has %s",
                    caller.subject(), caller.mspId(), caller.role() == null ? "no role" : "role " + caller.role());
        }
        if (!register.issuingMsp().equals(caller.mspId())) {
            throw ErrorCode.ACCESS_DENIED.error("only an admin of %s may change the %s register's configuration; identity %s@%s",
                    register.issuingMsp(), register.code(), caller.subject(), caller.mspId());
        }
    }

    /** The CN of the certificate subject (the staff user name); the whole subject DN if it has no CN. */
    static String commonName(X509Certificate cert) {
        if (cert == null) {
            return "";
        }
        String dn = cert.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return dn;
        }
        return dn;
    }
}
