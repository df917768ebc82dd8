package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bt.druk.registry.infrastructure.fabric.ChannelConfigs;
import bt.druk.registry.infrastructure.fabric.ChannelCrlPublisher;
import bt.druk.registry.infrastructure.fabric.ChannelCrlPublisher.Outcome;
import bt.druk.registry.infrastructure.fabric.ChannelMspUpdate;
import bt.druk.registry.infrastructure.fabric.ConfigUpdateEnvelopes.ConfigSigner;
import bt.druk.registry.infrastructure.fabric.FabricConnectionConfig;
import bt.druk.registry.infrastructure.fabric.OrdererBroadcast;
import bt.druk.registry.testing.RunsAlone;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Config;
import org.junit.jupiter.api.Test;

/**
 * Against the shared network (deploy/.network, started by the lead; this test does not start or
 * stop it): reads the channel configuration through the Land peer's cscc, puts one more CRL into
 * LandMSP's revocation list with a config update signed by the Land admin (LandMSP's MSP value has
 * mod_policy Admins = OR('LandMSP.admin'); the admin also satisfies /Channel/Writers for the
 * envelope), broadcasts it to orderer1, and checks that the newest config block then carries it.
 *
 * <p>The CRL: by default one made here, signed with the Land CA's own key
 * (deploy/.network/ca/land/msp/keystore), with the CA's SKI as its AKI, revoking a random serial
 * that no certificate has; afterwards the original list is put back. With
 * {@code -Ddruk.crlFile=<PEM or DER CRL>} (e.g. what Fabric CA's {@code gencrl} wrote after revoking a
 * staff identity) that CRL is put in instead and left there; with also
 * {@code -Ddruk.crlRevokedIdentity=<identity in connection.json>} the test then checks that a
 * transaction of that identity is no longer accepted.
 */
@RunsAlone
class ChannelCrlUpdateIT {

    private static final String MSP = "LandMSP";
    private static final Path NET = NetworkScript.stateDir();
    private static final Path CONNECTION = NET.resolve("connection.json");
    private static final Path ADMIN_MSP = NET.resolve("orgs/land/users/land.admin/msp");
    private static final Path ORDERER_TLS_CA = NET.resolve("orgs/orderer/msp/tlscacerts/ca.pem");
    private static final String ORDERER = "127.0.0.1:7050";
    private static final String ORDERER_HOST = "localhost";
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(60);

    @Test
    void aCrlPutIntoLandMspIsInTheNewestConfigBlock() throws Exception {
        assumeTrue(Files.isRegularFile(CONNECTION), "the shared network is not up (no " + CONNECTION + ")");
        FabricConnectionConfig connection = FabricConnectionConfig.read(CONNECTION);
        ConfigSigner admin = landAdmin();
        String crlFile = System.getProperty("druk.crlFile", "");
        boolean generated = crlFile.isBlank();
        byte[] crl = generated ? crlOfTheLandCa() : Files.readAllBytes(Path.of(crlFile));

        ManagedChannel peerChannel = peerChannel(connection.peersByMsp().get(MSP));
        try (Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(MSP, admin.certificate()))
                .signer(admin.signer())
                .connection(peerChannel)
                .evaluateOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                .connect();
                OrdererBroadcast orderer = new OrdererBroadcast(ORDERER, ORDERER_TLS_CA, ORDERER_HOST)) {
            Network network = gateway.getNetwork(connection.channel());
            Block beforeBlock = Block.parseFrom(ChannelConfigs.latestConfigBlock(network));
            Config before = ChannelConfigs.fromConfigBlock(beforeBlock.toByteArray());
            List<byte[]> original = ChannelMspUpdate.revocationList(before, MSP);
            List<byte[]> wanted = new ArrayList<>(original);
            wanted.add(crl);

            Outcome outcome = ChannelCrlPublisher.publish(before, connection.channel(), MSP, wanted, List.of(admin), admin, orderer,
                    Duration.ofSeconds(20));
            Outcome.Accepted accepted = assertInstanceOf(Outcome.Accepted.class, outcome, "the orderer takes the update");
            assertEquals(before.getSequence(), accepted.configSequence());

            Block afterBlock = awaitConfigAfter(network, before.getSequence());
            Config after = ChannelConfigs.fromConfigBlock(afterBlock.toByteArray());
            assertTrue(afterBlock.getHeader().getNumber() > beforeBlock.getHeader().getNumber(), "a new config block");
            assertEquals(before.getSequence() + 1, after.getSequence());
            List<byte[]> now = ChannelMspUpdate.revocationList(after, MSP);
            assertEquals(wanted.size(), now.size());
            assertArrayEquals(ChannelMspUpdate.der(crl), ChannelMspUpdate.der(now.get(now.size() - 1)), "the new CRL is in LandMSP");
            assertEquals(mspVersion(before) + 1, mspVersion(after), "LandMSP's MSP value moved one version on");
            assertEquals(before.getChannelGroup().getGroupsOrThrow("Orderer"), after.getChannelGroup().getGroupsOrThrow("Orderer"),
                    "nothing else changed");

            assertInstanceOf(Outcome.Unchanged.class, ChannelCrlPublisher.publish(after, connection.channel(), MSP, wanted,
                    List.of(admin), admin, orderer, Duration.ofSeconds(20)), "the same list again: nothing to send");

            String revoked = System.getProperty("druk.crlRevokedIdentity", "");
            if (!generated && !revoked.isBlank()) {
                // The peers refuse proposals of a revoked creator before the chaincode runs.
                String result = GatewaySubmitMain.submit(CONNECTION, revoked, "GetRecord", new String[] {"land-title:CRL-CHECK"});
                assertFalse(result.startsWith("COMMITTED") || result.startsWith("REFUSED"),
                        "a revoked identity's transaction reaches no chaincode: " + result);
            }

            if (generated) {
                ChannelCrlPublisher.publish(after, connection.channel(), MSP, original, List.of(admin), admin, orderer,
                        Duration.ofSeconds(20));
                Config restored = ChannelConfigs.fromConfigBlock(awaitConfigAfter(network, after.getSequence()).toByteArray());
                assertEquals(original.size(), ChannelMspUpdate.revocationList(restored, MSP).size(), "the original list is back");
            }
        } finally {
            peerChannel.shutdownNow();
            peerChannel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The newest config block once its config sequence is past {@code sequence}, polling the peer. */
    private static Block awaitConfigAfter(Network network, long sequence) throws Exception {
        long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
        while (true) {
            Block block = Block.parseFrom(ChannelConfigs.latestConfigBlock(network));
            if (ChannelConfigs.fromConfigBlock(block.toByteArray()).getSequence() > sequence) {
                return block;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no config block past sequence " + sequence + " within " + COMMIT_WAIT);
            }
            Thread.sleep(500);
        }
    }

    private static long mspVersion(Config config) {
        return config.getChannelGroup().getGroupsOrThrow("Application").getGroupsOrThrow(MSP).getValuesOrThrow("MSP").getVersion();
    }

    private static ConfigSigner landAdmin() throws Exception {
        try (Reader cert = Files.newBufferedReader(ADMIN_MSP.resolve("signcerts/cert.pem"), StandardCharsets.UTF_8);
                Reader key = Files.newBufferedReader(ADMIN_MSP.resolve("keystore/key.pem"), StandardCharsets.UTF_8)) {
            return new ConfigSigner(MSP, Identities.readX509Certificate(cert), Signers.newPrivateKeySigner(Identities.readPrivateKey(key)));
        }
    }

    private static ManagedChannel peerChannel(FabricConnectionConfig.Peer peer) throws Exception {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(peer.endpoints().get(0),
                TlsChannelCredentials.newBuilder().trustManager(peer.tlsCaCert().toFile()).build());
        if (peer.hostOverride() != null) {
            builder.overrideAuthority(peer.hostOverride());
        }
        return builder.build();
    }

    /**
     * A CRL of the Land CA revoking a serial no certificate has: issuer and AKI those of the CA's
     * certificate (the one LandMSP holds as root), signed with the CA server's key.
     */
    private static PrivateKey readKey(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Identities.readPrivateKey(in);
        } catch (Exception e) {
            throw new AssertionError("unreadable key " + file, e);
        }
    }

    /** Whether the private key belongs to the certificate: a signature it makes verifies with the certificate's key. */
    private static boolean keyOf(PrivateKey key, X509Certificate certificate) {
        try {
            java.security.Signature sign = java.security.Signature.getInstance("SHA256withECDSA");
            sign.initSign(key);
            sign.update(new byte[] {7});
            byte[] signature = sign.sign();
            java.security.Signature verify = java.security.Signature.getInstance("SHA256withECDSA");
            verify.initVerify(certificate.getPublicKey());
            verify.update(new byte[] {7});
            return verify.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] crlOfTheLandCa() throws Exception {
        Path caHome = NET.resolve("ca/land");
        X509Certificate caCert;
        try (Reader in = Files.newBufferedReader(caHome.resolve("ca-cert.pem"), StandardCharsets.UTF_8)) {
            caCert = Identities.readX509Certificate(in);
        }
        PrivateKey caKey;
        // The keystore holds the CA's signing key and its TLS key, in no fixed order: take the one of the CA certificate.
        try (Stream<Path> keys = Files.list(caHome.resolve("msp/keystore"))) {
            caKey = keys.filter(p -> p.getFileName().toString().endsWith("_sk")).map(ChannelCrlUpdateIT::readKey)
                    .filter(key -> keyOf(key, caCert)).findFirst()
                    .orElseThrow(() -> new AssertionError("no key of the CA certificate in " + caHome.resolve("msp/keystore")));
        }
        byte[] ski = SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(caCert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets())
                .getKeyIdentifier();
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), now);
        builder.setNextUpdate(new Date(now.getTime() + 86_400_000L));
        builder.addCRLEntry(new BigInteger(128, new SecureRandom()), now, CRLReason.cessationOfOperation);
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski));
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(new BouncyCastleProvider()).build(caKey))
                .getEncoded();
    }
}
