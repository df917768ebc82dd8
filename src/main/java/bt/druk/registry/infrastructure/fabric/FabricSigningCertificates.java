package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SigningCertificates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificates in the organisations' PKCS#11 tokens, renewed at each organisation's Fabric CA of
 * the connection file ({@link FabricCaReenrolment}) with the keys they have. Every key entry of a
 * token is an identity the portal signs with: those the connection file names (its identities, and
 * each CA's registrar and CRL admin) are required, the others are staff members' own. After a
 * renewal the identity's gateway is dropped, so its next call signs with the new certificate.
 */
@ApplicationScoped
public class FabricSigningCertificates implements SigningCertificates {

    /** The temporary entries FabricCaEnrolment makes to delete an uncertified key: not identities. */
    private static final String DISCARD_PREFIX = "druk-discard-";

    private FabricConnections connections;
    private Clock clock;

    protected FabricSigningCertificates() {
    }

    @Inject
    public FabricSigningCertificates(FabricConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public List<SigningCertificate> current() {
        FabricConnectionConfig cfg = connections.currentConfig();
        Pkcs11Tokens tokens = connections.signingTokens();
        Set<String> required = required(cfg);
        List<SigningCertificate> certificates = new ArrayList<>();
        for (String mspId : tokens.tokens().keySet()) {
            try {
                Pkcs11Tokens.OpenToken token = tokens.open(mspId);
                KeyStore store = token.keyStore();
                synchronized (token) {
                    for (String alias : Collections.list(store.aliases())) {
                        if (alias.startsWith(DISCARD_PREFIX) || !store.isKeyEntry(alias)) {
                            continue;
                        }
                        Certificate certificate = store.getCertificate(alias);
                        if (certificate instanceof X509Certificate x509) {
                            certificates.add(new SigningCertificate(alias, mspId, x509.getNotBefore().toInstant(),
                                    x509.getNotAfter().toInstant(), required.contains(alias)));
                        }
                    }
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new LedgerUnavailableException("the token of " + mspId + " cannot be read: " + e.getMessage(), e);
            }
        }
        return List.copyOf(certificates);
    }

    @Override
    public Renewal renew(SigningCertificate certificate) {
        String name = certificate.identity();
        try {
            Optional<FabricConnectionConfig.Authority> ca = connections.currentConfig().authority(certificate.mspId());
            if (ca.isEmpty()) {
                return new Renewal.Refused("the connection file names no certificate authority for " + certificate.mspId());
            }
            X509Certificate renewed = new FabricCaReenrolment(ca.get().url(), ca.get().caName(), ca.get().tlsCaCert(), clock)
                    .reenrol(connections.signingTokens().open(certificate.mspId()), name);
            connections.dropGateway(name);
            return new Renewal.Renewed(renewed.getNotBefore().toInstant(), renewed.getNotAfter().toInstant());
        } catch (FabricCaAdmin.CaRefusal e) {
            // A CA that fails inside (its database away) may answer tomorrow; one that says no will say it again.
            return e.status() >= 500 ? new Renewal.Unreachable(e.getMessage()) : new Renewal.Refused(e.getMessage());
        } catch (FabricCaReenrolment.UnusableCertificate e) {
            return new Renewal.Refused(e.getMessage());
        } catch (IOException | GeneralSecurityException | LedgerUnavailableException e) {
            return new Renewal.Unreachable(e.getMessage());
        }
    }

    /** The identities the connection file signs with from a token: its identities of MSPs with tokens, each CA's registrar and CRL admin. */
    static Set<String> required(FabricConnectionConfig cfg) {
        Set<String> required = new HashSet<>();
        cfg.identities().values().stream().filter(i -> cfg.token(i.mspId()).isPresent())
                .forEach(i -> required.add(i.name()));
        for (FabricConnectionConfig.Authority ca : cfg.authorities().values()) {
            required.add(ca.registrar());
            if (ca.crlAdmin() != null) {
                required.add(ca.crlAdmin());
            }
        }
        return Set.copyOf(required);
    }
}
