package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Staff members' own ledger identities through the organisations' Fabric CAs: the portal's registrar
 * there (its key in the organisation's token) registers the person with their certificate
 * attributes, and {@link FabricCaEnrolment} enrols them into the same token, where the key is made
 * and stays. The identity is single-use at the CA (one enrolment), named by the user name.
 */
@ApplicationScoped
public class FabricStaffIdentities implements StaffLedgerIdentities {

    private FabricLedger ledger;

    protected FabricStaffIdentities() {
    }

    @Inject
    public FabricStaffIdentities(FabricLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean issuing() {
        try {
            return !ledger.connectionConfig().authorities().isEmpty();
        } catch (LedgerUnavailableException e) {
            return false;
        }
    }

    @Override
    public Issued issue(Holder holder) {
        FabricConnectionConfig.Authority ca = ledger.connectionConfig().authority(holder.mspId())
                .orElseThrow(() -> new LedgerUnavailableException("the connection file names no certificate authority for "
                        + holder.mspId()));
        Pkcs11Tokens tokens = ledger.signingTokens();
        char[] secret = null;
        try {
            Optional<Issued> existing = find(tokens, holder.name());
            if (existing.isPresent()) {
                return existing.get();
            }
            SigningCredentials registrar = tokens.credentials(holder.mspId(), ca.registrar());
            FabricCaAdmin admin = new FabricCaAdmin(ca.url(), ca.caName(), ca.tlsCaCert(), registrar.certificate(), registrar.signer());
            secret = admin.register(holder.name(), "client", 1, "", attributes(holder));
            X509Certificate certificate = new FabricCaEnrolment(ca.url(), ca.caName(), ca.tlsCaCert())
                    .enrol(tokens.open(holder.mspId()), holder.name(), secret);
            return new Issued(holder.name(), holder.mspId(), certificate.getSerialNumber().toString(16));
        } catch (IOException | GeneralSecurityException e) {
            throw new LedgerUnavailableException("the ledger identity of " + holder.name() + " could not be issued: " + e.getMessage(), e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Override
    public Optional<Issued> find(String name) {
        try {
            return find(ledger.signingTokens(), name);
        } catch (IOException | GeneralSecurityException e) {
            throw new LedgerUnavailableException("the tokens cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<Issued> find(Pkcs11Tokens tokens, String name) throws IOException, GeneralSecurityException {
        Optional<String> msp = tokens.mspHolding(name);
        if (msp.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate certificate = tokens.credentials(msp.get(), name).certificate();
        return Optional.of(new Issued(name, msp.get(), certificate.getSerialNumber().toString(16)));
    }

    /** The certificate attributes the chaincode reads (AccessPolicy): role, register, office, agency, where the account has them. */
    private static Map<String, String> attributes(Holder holder) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("role", holder.role());
        if (holder.register() != null) {
            attributes.put("register", holder.register());
        }
        if (holder.office() != null) {
            attributes.put("office", holder.office());
        }
        if (holder.agency() != null) {
            attributes.put("agency", holder.agency());
        }
        return attributes;
    }
}
