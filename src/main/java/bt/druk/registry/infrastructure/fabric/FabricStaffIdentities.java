package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** How long the peers may take to commit the configuration block with a new CRL. */
    private static final Duration PEERS_APPLY = Duration.ofSeconds(30);

    private FabricConnections connections;

    protected FabricStaffIdentities() {
    }

    @Inject
    public FabricStaffIdentities(FabricConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean issuing() {
        try {
            return !connections.currentConfig().authorities().isEmpty();
        } catch (LedgerUnavailableException e) {
            return false;
        }
    }

    @Override
    public Issued issue(Holder holder) {
        FabricConnectionConfig.Authority ca = connections.currentConfig().authority(holder.mspId())
                .orElseThrow(() -> new LedgerUnavailableException("the connection file names no certificate authority for "
                        + holder.mspId()));
        Pkcs11Tokens tokens = connections.signingTokens();
        char[] secret = null;
        try {
            if (tokens.mspHolding(holder.name()).isPresent()) {
                return find(holder.name()).orElseThrow();
            }
            secret = registrarAt(tokens, ca).register(holder.name(), "client", 1, "", attributes(holder));
            X509Certificate certificate = new FabricCaEnrolment(ca.url(), ca.caName(), ca.tlsCaCert())
                    .enrol(tokens.open(holder.mspId()), holder.name(), secret);
            return new Issued(holder.name(), holder.mspId(), certificate.getSerialNumber().toString(16), false);
        } catch (IOException | GeneralSecurityException e) {
            throw new LedgerUnavailableException("the ledger identity of " + holder.name() + " could not be issued: " + e.getMessage(), e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Override
    public Issued revoke(String name) {
        FabricConnectionConfig cfg = connections.currentConfig();
        Pkcs11Tokens tokens = connections.signingTokens();
        try {
            String msp = tokens.mspHolding(name)
                    .orElseThrow(() -> new LedgerUnavailableException("the portal holds no ledger identity named " + name));
            FabricConnectionConfig.Authority ca = cfg.authority(msp)
                    .orElseThrow(() -> new LedgerUnavailableException("the connection file names no certificate authority for " + msp));
            if (ca.crlAdmin() == null || cfg.orderers().isEmpty()) {
                throw new LedgerUnavailableException("the connection file names no CRL admin of " + msp + " or no orderer");
            }
            X509Certificate certificate = tokens.credentials(msp, name).certificate();
            X509CRL crl = registrarAt(tokens, ca).revoke(name, "privilegewithdrawn").crl();
            if (crl.getRevokedCertificate(certificate.getSerialNumber()) == null) {
                throw new LedgerUnavailableException("the CRL of " + ca.caName() + " does not list " + name + "'s certificate");
            }
            publish(cfg, tokens, msp, ca, crl);
            Network network = connections.networkAs(ca.crlAdmin());
            long deadline = System.nanoTime() + PEERS_APPLY.toNanos();
            while (!revoked(ChannelConfigs.current(network), msp, certificate)) {
                if (System.nanoTime() > deadline) {
                    throw new LedgerUnavailableException("the orderer took the new CRL of " + msp + " but the peers do not show it after "
                            + PEERS_APPLY.toSeconds() + " s");
                }
                Thread.sleep(250);
            }
            return new Issued(name, msp, certificate.getSerialNumber().toString(16), true);
        } catch (IOException | GeneralSecurityException | GatewayException | OrdererBroadcast.BroadcastRefusedException e) {
            throw new LedgerUnavailableException("the ledger identity of " + name + " could not be revoked: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while revoking " + name, e);
        }
    }

    /** The portal's registrar at the organisation's CA, signing with its key in the organisation's token. */
    private static FabricCaAdmin registrarAt(Pkcs11Tokens tokens, FabricConnectionConfig.Authority ca)
            throws IOException, GeneralSecurityException {
        SigningCredentials registrar = tokens.credentials(ca.mspId(), ca.registrar());
        return new FabricCaAdmin(ca.url(), ca.caName(), ca.tlsCaCert(), registrar.certificate(), registrar.signer());
    }

    /**
     * Sends the update that makes {@code crl} the MSP's revocation list (the CA's CRL lists every
     * certificate it revoked), signed by the organisation's CRL admin, to the first orderer that
     * answers; a configuration that moved on meanwhile is read again.
     */
    private void publish(FabricConnectionConfig cfg, Pkcs11Tokens tokens, String msp, FabricConnectionConfig.Authority ca, X509CRL crl)
            throws IOException, GeneralSecurityException, GatewayException, OrdererBroadcast.BroadcastRefusedException {
        SigningCredentials admin = tokens.credentials(msp, ca.crlAdmin());
        ConfigUpdateEnvelopes.ConfigSigner signer = new ConfigUpdateEnvelopes.ConfigSigner(msp, admin.certificate(), admin.signer());
        Network network = connections.networkAs(ca.crlAdmin());
        IOException unreachable = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            for (FabricConnectionConfig.Orderer endpoint : cfg.orderers()) {
                try (OrdererBroadcast orderer = new OrdererBroadcast(endpoint.endpoint(), endpoint.tlsCaCert(), endpoint.hostOverride())) {
                    ChannelCrlPublisher.publish(ChannelConfigs.current(network), cfg.channel(), msp, List.of(crl.getEncoded()),
                            List.of(signer), signer, orderer, Duration.ofSeconds(30));
                    return;
                } catch (IOException e) {
                    unreachable = e;
                } catch (OrdererBroadcast.BroadcastRefusedException e) {
                    // another update got in first: the read set names old versions; read the configuration again
                    if (attempt == 3 || !String.valueOf(e.getMessage()).contains("version")) {
                        throw e;
                    }
                    break;
                }
            }
        }
        throw unreachable != null ? unreachable : new IOException("no orderer took the update");
    }

    @Override
    public Optional<Issued> find(String name) {
        try {
            Pkcs11Tokens tokens = connections.signingTokens();
            Optional<String> msp = tokens.mspHolding(name);
            if (msp.isEmpty()) {
                return Optional.empty();
            }
            X509Certificate certificate = tokens.credentials(msp.get(), name).certificate();
            Optional<FabricConnectionConfig.Authority> ca = connections.currentConfig().authority(msp.get());
            boolean revoked = ca.isPresent() && ca.get().crlAdmin() != null
                    && revoked(ChannelConfigs.current(connections.networkAs(ca.get().crlAdmin())), msp.get(), certificate);
            return Optional.of(new Issued(name, msp.get(), certificate.getSerialNumber().toString(16), revoked));
        } catch (IOException | GeneralSecurityException | GatewayException e) {
            throw new LedgerUnavailableException("the ledger identity of " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether a CRL of the MSP in the channel configuration lists the certificate. */
    private static boolean revoked(org.hyperledger.fabric.protos.common.Config config, String msp, X509Certificate certificate)
            throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (byte[] stored : ChannelMspUpdate.revocationList(config, msp)) {
            X509CRL crl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(ChannelMspUpdate.der(stored)));
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                    && crl.getRevokedCertificate(certificate.getSerialNumber()) != null) {
                return true;
            }
        }
        return false;
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
