package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.infrastructure.fabric.ConfigUpdateEnvelopes.ConfigSigner;
import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelMspUpdateTest {

    private static final String CHANNEL = "registry";
    private static final long CHANNEL_VERSION = 3;
    private static final long APPLICATION_VERSION = 5;
    private static final long LAND_VERSION = 2;
    private static final long LAND_MSP_VERSION = 4;

    private static KeyPair caKeys;
    private static X509Certificate caCert;
    private static KeyPair adminKeys;
    private static X509Certificate adminCert;

    @BeforeAll
    static void keys() throws Exception {
        caKeys = ecKeys();
        caCert = certificate("CN=ca.land.druk.bt", caKeys, true);
        adminKeys = ecKeys();
        adminCert = certificate("CN=land.admin,OU=admin", adminKeys, false);
    }

    // ------------------------------------------------------------------ update sets

    @Test
    void readAndWriteSetsAreWhatComputeUpdateMakesOfOneChangedValue() throws Exception {
        Config config = config(List.of());
        ConfigUpdate update = ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(crl(7))).orElseThrow();

        assertEquals(CHANNEL, update.getChannelId());
        ConfigGroup read = update.getReadSet();
        assertEquals(CHANNEL_VERSION, read.getVersion());
        assertEquals(List.of("Application"), List.copyOf(read.getGroupsMap().keySet()));
        assertTrue(read.getValuesMap().isEmpty() && read.getPoliciesMap().isEmpty() && read.getModPolicy().isEmpty());
        ConfigGroup readApp = read.getGroupsOrThrow("Application");
        assertEquals(APPLICATION_VERSION, readApp.getVersion());
        assertEquals(List.of("LandMSP"), List.copyOf(readApp.getGroupsMap().keySet()), "other orgs are not in the read set");
        assertTrue(readApp.getValuesMap().isEmpty() && readApp.getPoliciesMap().isEmpty() && readApp.getModPolicy().isEmpty());
        ConfigGroup readLand = readApp.getGroupsOrThrow("LandMSP");
        assertEquals(ConfigGroup.newBuilder().setVersion(LAND_VERSION).build(), readLand, "the org group: its version only");

        ConfigGroup write = update.getWriteSet();
        assertEquals(CHANNEL_VERSION, write.getVersion());
        assertEquals(List.of("Application"), List.copyOf(write.getGroupsMap().keySet()));
        assertTrue(write.getValuesMap().isEmpty() && write.getPoliciesMap().isEmpty() && write.getModPolicy().isEmpty());
        ConfigGroup writeApp = write.getGroupsOrThrow("Application");
        assertEquals(APPLICATION_VERSION, writeApp.getVersion());
        assertEquals(List.of("LandMSP"), List.copyOf(writeApp.getGroupsMap().keySet()));
        assertTrue(writeApp.getModPolicy().isEmpty());
        ConfigGroup writeLand = writeApp.getGroupsOrThrow("LandMSP");
        assertEquals(LAND_VERSION, writeLand.getVersion());
        assertTrue(writeLand.getGroupsMap().isEmpty() && writeLand.getPoliciesMap().isEmpty() && writeLand.getModPolicy().isEmpty());
        assertEquals(List.of("MSP"), List.copyOf(writeLand.getValuesMap().keySet()));
        ConfigValue msp = writeLand.getValuesOrThrow("MSP");
        assertEquals(LAND_MSP_VERSION + 1, msp.getVersion());
        assertEquals("Admins", msp.getModPolicy());
    }

    /**
     * What the orderer's validator does with the update (common/configtx/update.go): the read set
     * matches the current versions, and the delta set (write set entries whose version differs from
     * the read set's) is the MSP value alone, at the current version + 1.
     */
    @Test
    void theValidatorsDeltaSetIsTheMspValueAlone() throws Exception {
        Config config = config(List.of());
        ConfigUpdate update = ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(crl(7))).orElseThrow();

        Map<String, Long> current = flatten(config.getChannelGroup());
        Map<String, Long> read = flatten(update.getReadSet());
        Map<String, Long> write = flatten(update.getWriteSet());
        read.forEach((key, version) -> assertEquals(current.get(key), version, "read set version of " + key));

        Map<String, Long> delta = new TreeMap<>();
        write.forEach((key, version) -> {
            if (!version.equals(read.get(key))) {
                delta.put(key, version);
            }
        });
        assertEquals(Map.of("[Value]  /Channel/Application/LandMSP/MSP", LAND_MSP_VERSION + 1), delta);
        assertEquals(current.get("[Value]  /Channel/Application/LandMSP/MSP") + 1, delta.values().iterator().next());
    }

    @Test
    void onlyTheRevocationListChanges() throws Exception {
        byte[] old = crl(1);
        Config config = config(List.of(ChannelMspUpdate.pem(old)));
        byte[] added = crl(2);
        ConfigUpdate update = ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(old, added)).orElseThrow();

        ConfigValue before = config.getChannelGroup().getGroupsOrThrow("Application").getGroupsOrThrow("LandMSP").getValuesOrThrow("MSP");
        ConfigValue after = update.getWriteSet().getGroupsOrThrow("Application").getGroupsOrThrow("LandMSP").getValuesOrThrow("MSP");
        MSPConfig beforeMsp = MSPConfig.parseFrom(before.getValue());
        MSPConfig afterMsp = MSPConfig.parseFrom(after.getValue());
        assertEquals(beforeMsp.getType(), afterMsp.getType());
        FabricMSPConfig beforeFabric = FabricMSPConfig.parseFrom(beforeMsp.getConfig());
        FabricMSPConfig afterFabric = FabricMSPConfig.parseFrom(afterMsp.getConfig());

        assertEquals(beforeFabric.toBuilder().clearRevocationList().build(), afterFabric.toBuilder().clearRevocationList().build(),
                "every other MSP field kept");
        assertEquals(2, afterFabric.getRevocationListCount());
        assertTrue(afterFabric.getRevocationList(0).toStringUtf8().startsWith("-----BEGIN X509 CRL-----"), "written as PEM");
        assertArrayEquals(old, ChannelMspUpdate.der(afterFabric.getRevocationList(0).toByteArray()));
        assertArrayEquals(added, ChannelMspUpdate.der(afterFabric.getRevocationList(1).toByteArray()));
        X509Certificate parsedBack = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(afterFabric.getRootCerts(0).toByteArray()));
        assertEquals(caCert, parsedBack);
    }

    @Test
    void anUnchangedListGivesNoUpdate() throws Exception {
        byte[] crl = crl(3);
        Config config = config(List.of(ChannelMspUpdate.pem(crl)));
        assertEquals(Optional.empty(), ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(crl)), "DER of the stored PEM");
        assertEquals(Optional.empty(), ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP",
                List.of(ChannelMspUpdate.pem(crl))), "the same PEM");
        assertEquals(Optional.empty(), ChannelMspUpdate.replaceRevocationList(config(List.of()), CHANNEL, "LandMSP", List.of()),
                "no CRLs before or after");
        assertTrue(ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of()).isPresent(), "emptying the list is a change");
    }

    @Test
    void refusesWhatFabricCouldNotUse() throws Exception {
        Config config = config(List.of());
        assertThrows(IllegalArgumentException.class,
                () -> ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "TaxMSP", List.of(crl(1))), "unknown org");
        assertThrows(IllegalArgumentException.class,
                () -> ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(crlWithoutAki())),
                "a CRL without AKI would make Fabric refuse every Land identity");
        assertThrows(IllegalArgumentException.class,
                () -> ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP",
                        List.of("not a crl".getBytes(StandardCharsets.US_ASCII))));
        assertThrows(IllegalArgumentException.class,
                () -> ChannelMspUpdate.replaceRevocationList(config, "", "LandMSP", List.of(crl(1))));
    }

    @Test
    void refusesACrlOfAnotherCaOrSignedByAnotherKey() throws Exception {
        Config config = config(List.of());
        KeyPair otherKeys = ecKeys();
        X509Certificate otherCa = certificate("CN=ca.tax.druk.bt", otherKeys, true);
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(crl(1, otherCa, otherKeys))));
        assertTrue(foreign.getMessage().contains("not issued by a CA of LandMSP"), foreign.getMessage());
        IllegalArgumentException forged = assertThrows(IllegalArgumentException.class,
                () -> ChannelMspUpdate.replaceRevocationList(config, CHANNEL, "LandMSP", List.of(crl(1, caCert, otherKeys))));
        assertTrue(forged.getMessage().contains("not signed by it"), forged.getMessage());
    }

    @Test
    void findsTheOrganisationByItsMspIdWhenItsGroupHasAnotherName() throws Exception {
        Config config = config(List.of());
        ConfigGroup application = config.getChannelGroup().getGroupsOrThrow("Application");
        ConfigGroup renamed = application.toBuilder().removeGroups("LandMSP")
                .putGroups("Land", application.getGroupsOrThrow("LandMSP")).build();
        Config other = config.toBuilder().setChannelGroup(config.getChannelGroup().toBuilder().putGroups("Application", renamed)).build();

        ConfigUpdate update = ChannelMspUpdate.replaceRevocationList(other, CHANNEL, "LandMSP", List.of(crl(1))).orElseThrow();
        assertEquals(List.of("Land"), List.copyOf(update.getWriteSet().getGroupsOrThrow("Application").getGroupsMap().keySet()));
        assertEquals(List.of("Land"), List.copyOf(update.getReadSet().getGroupsOrThrow("Application").getGroupsMap().keySet()));
    }

    @Test
    void revocationListReadsWhatIsStored() throws Exception {
        byte[] pem = ChannelMspUpdate.pem(crl(9));
        assertArrayEquals(pem, ChannelMspUpdate.revocationList(config(List.of(pem)), "LandMSP").get(0));
        assertTrue(ChannelMspUpdate.revocationList(config(List.of()), "ProcurementMSP").isEmpty());
    }

    // ------------------------------------------------------------------ signatures and envelope

    @Test
    void eachConfigSignatureVerifiesOverHeaderAndUpdate() throws Exception {
        KeyPair otherKeys = ecKeys();
        X509Certificate otherCert = certificate("CN=procurement.admin,OU=admin", otherKeys, false);
        ConfigUpdate update = ChannelMspUpdate.replaceRevocationList(config(List.of()), CHANNEL, "LandMSP", List.of(crl(4))).orElseThrow();
        List<ConfigSigner> signers = List.of(
                new ConfigSigner("LandMSP", adminCert, Signers.newPrivateKeySigner(adminKeys.getPrivate())),
                new ConfigSigner("ProcurementMSP", otherCert, Signers.newPrivateKeySigner(otherKeys.getPrivate())));

        ConfigUpdateEnvelope envelope = ConfigUpdateEnvelopes.signedUpdate(update, signers);

        assertEquals(update, ConfigUpdate.parseFrom(envelope.getConfigUpdate()));
        assertEquals(2, envelope.getSignaturesCount());
        List<X509Certificate> certs = List.of(adminCert, otherCert);
        for (int i = 0; i < 2; i++) {
            ConfigSignature signature = envelope.getSignatures(i);
            SignatureHeader header = SignatureHeader.parseFrom(signature.getSignatureHeader());
            assertEquals(ConfigUpdateEnvelopes.NONCE_BYTES, header.getNonce().size());
            SerializedIdentity creator = SerializedIdentity.parseFrom(header.getCreator());
            assertEquals(signers.get(i).mspId(), creator.getMspid());
            assertEquals(certs.get(i), parsePem(creator.getIdBytes()));
            // the bytes Fabric verifies (protoutil.ConfigUpdateEnvelopeAsSignedData): header || config_update
            byte[] signed = signature.getSignatureHeader().concat(envelope.getConfigUpdate()).toByteArray();
            assertTrue(verify(certs.get(i), signed, signature.getSignature().toByteArray()), "signature " + i);
            assertFalse(verify(certs.get(i), envelope.getConfigUpdate().toByteArray(), signature.getSignature().toByteArray()),
                    "not over the update alone");
        }
        assertFalse(envelope.getSignatures(0).getSignatureHeader().equals(envelope.getSignatures(1).getSignatureHeader()));
    }

    @Test
    void theEnvelopeIsAConfigUpdateForTheChannelSignedByTheSubmitter() throws Exception {
        ConfigSigner admin = new ConfigSigner("LandMSP", adminCert, Signers.newPrivateKeySigner(adminKeys.getPrivate()));
        ConfigUpdate update = ChannelMspUpdate.replaceRevocationList(config(List.of()), CHANNEL, "LandMSP", List.of(crl(5))).orElseThrow();
        ConfigUpdateEnvelope signed = ConfigUpdateEnvelopes.signedUpdate(update, List.of(admin));
        Instant now = Instant.parse("2026-12-03T14:00:00.123Z");

        Envelope envelope = ConfigUpdateEnvelopes.envelope(CHANNEL, signed, admin, now);

        assertTrue(verify(adminCert, envelope.getPayload().toByteArray(), envelope.getSignature().toByteArray()), "payload signature");
        Payload payload = Payload.parseFrom(envelope.getPayload());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        assertEquals(HeaderType.CONFIG_UPDATE_VALUE, channelHeader.getType());
        assertEquals(2, channelHeader.getType());
        assertEquals(CHANNEL, channelHeader.getChannelId());
        assertEquals(now.getEpochSecond(), channelHeader.getTimestamp().getSeconds());
        assertEquals(0, channelHeader.getEpoch());
        SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        assertEquals(24, signatureHeader.getNonce().size());
        assertEquals("LandMSP", SerializedIdentity.parseFrom(signatureHeader.getCreator()).getMspid());
        assertEquals(signed, ConfigUpdateEnvelope.parseFrom(payload.getData()));
    }

    @Test
    void theSerializedIdentityIsOnePemBlockWithNothingAfter() {
        ConfigSigner admin = new ConfigSigner("LandMSP", adminCert, Signers.newPrivateKeySigner(adminKeys.getPrivate()));
        String pem = new String(admin.serializedIdentity(), StandardCharsets.US_ASCII);
        String idBytes = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----"));
        assertTrue(idBytes.endsWith("-----END CERTIFICATE-----\n"), "Fabric's IsWellFormed refuses trailing bytes after the block");
    }

    // ------------------------------------------------------------------ config block

    @Test
    void theConfigComesOutOfAConfigBlock() throws Exception {
        Config config = config(List.of());
        Block block = configBlock(config, HeaderType.CONFIG_VALUE);
        assertEquals(config, ChannelConfigs.fromConfigBlock(block.toByteArray()));
        assertThrows(IllegalArgumentException.class,
                () -> ChannelConfigs.fromConfigBlock(configBlock(config, HeaderType.ENDORSER_TRANSACTION_VALUE).toByteArray()));
        assertThrows(IllegalArgumentException.class, () -> ChannelConfigs.fromConfigBlock(new byte[] {1, 2, 3}));
    }

    // ------------------------------------------------------------------ helpers

    /** The channel configuration the registry network has, shortened: versions made non-zero. */
    private static Config config(List<byte[]> landCrls) throws Exception {
        ConfigGroup.Builder application = ConfigGroup.newBuilder().setVersion(APPLICATION_VERSION).setModPolicy("Admins")
                .putPolicies("Admins", ConfigPolicy.newBuilder().setVersion(0).setModPolicy("Admins").build())
                .putValues("Capabilities", ConfigValue.newBuilder().setVersion(1).setModPolicy("Admins")
                        .setValue(ByteString.copyFromUtf8("V2_5")).build());
        for (String msp : List.of("LandMSP", "ProcurementMSP", "JusticeMSP", "AuditMSP")) {
            boolean land = msp.equals("LandMSP");
            FabricMSPConfig fabric = FabricMSPConfig.newBuilder()
                    .setName(msp)
                    .addRootCerts(ByteString.copyFrom(caCert.getEncoded()))
                    .addTlsRootCerts(ByteString.copyFrom(caCert.getEncoded()))
                    .addAllRevocationList(land ? landCrls.stream().map(ByteString::copyFrom).toList() : List.of())
                    .setFabricNodeOus(FabricNodeOUs.newBuilder().setEnable(true)
                            .setAdminOuIdentifier(FabricOUIdentifier.newBuilder().setOrganizationalUnitIdentifier("admin"))
                            .setClientOuIdentifier(FabricOUIdentifier.newBuilder().setOrganizationalUnitIdentifier("client")))
                    .build();
            ConfigValue mspValue = ConfigValue.newBuilder().setVersion(land ? LAND_MSP_VERSION : 0).setModPolicy("Admins")
                    .setValue(MSPConfig.newBuilder().setType(0).setConfig(fabric.toByteString()).build().toByteString()).build();
            application.putGroups(msp, ConfigGroup.newBuilder().setVersion(land ? LAND_VERSION : 1).setModPolicy("Admins")
                    .putValues("MSP", mspValue)
                    .putValues("AnchorPeers", ConfigValue.newBuilder().setVersion(1).setModPolicy("Admins").build())
                    .putPolicies("Admins", ConfigPolicy.newBuilder().setModPolicy("Admins").build())
                    .putPolicies("Readers", ConfigPolicy.newBuilder().setModPolicy("Admins").build())
                    .build());
        }
        ConfigGroup orderer = ConfigGroup.newBuilder().setVersion(2).setModPolicy("Admins")
                .putValues("BatchSize", ConfigValue.newBuilder().setVersion(1).setModPolicy("Admins").build()).build();
        ConfigGroup channel = ConfigGroup.newBuilder().setVersion(CHANNEL_VERSION).setModPolicy("Admins")
                .putGroups("Application", application.build())
                .putGroups("Orderer", orderer)
                .putValues("HashingAlgorithm", ConfigValue.newBuilder().setVersion(0).setModPolicy("Admins").build())
                .build();
        return Config.newBuilder().setSequence(7).setChannelGroup(channel).build();
    }

    /** Every element's key as the validator's mapConfig names it, with its version. */
    private static Map<String, Long> flatten(ConfigGroup channel) {
        Map<String, Long> out = new TreeMap<>();
        flatten("/Channel", channel, out);
        return out;
    }

    private static void flatten(String path, ConfigGroup group, Map<String, Long> out) {
        out.put("[Group]  " + path, group.getVersion());
        group.getValuesMap().forEach((name, value) -> out.put("[Value]  " + path + "/" + name, value.getVersion()));
        group.getPoliciesMap().forEach((name, policy) -> out.put("[Policy] " + path + "/" + name, policy.getVersion()));
        group.getGroupsMap().forEach((name, child) -> flatten(path + "/" + name, child, out));
    }

    private static Block configBlock(Config config, int type) {
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(ChannelHeader.newBuilder().setType(type).setChannelId(CHANNEL)
                        .build().toByteString()))
                .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
                .build();
        Envelope envelope = Envelope.newBuilder().setPayload(payload.toByteString()).build();
        return Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(12))
                .setData(BlockData.newBuilder().addData(envelope.toByteString())).build();
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, boolean ca) throws Exception {
        Date from = new Date(System.currentTimeMillis() - 60_000);
        Date to = new Date(System.currentTimeMillis() + 86_400_000L);
        X500Name issuer = ca ? new X500Name(subject) : new X500Name(caCert.getSubjectX500Principal().getName());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()), from, to,
                new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        KeyPair signing = ca ? keys : caKeys;
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signing.getPrivate())));
    }

    /** A DER CRL of the test CA revoking {@code serial}, with the authority key identifier Fabric needs. */
    private static byte[] crl(long serial) throws Exception {
        return crl(serial, caCert, caKeys);
    }

    private static byte[] crl(long serial, X509Certificate issuer, KeyPair signing) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name(issuer.getSubjectX500Principal().getName()),
                new Date(System.currentTimeMillis() - 1000));
        builder.setNextUpdate(new Date(System.currentTimeMillis() + 86_400_000L));
        builder.addCRLEntry(BigInteger.valueOf(serial), new Date(), CRLReason.cessationOfOperation);
        builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signing.getPrivate())))
                .getEncoded();
    }

    private static byte[] crlWithoutAki() throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name(caCert.getSubjectX500Principal().getName()), new Date());
        builder.addCRLEntry(BigInteger.ONE, new Date(), CRLReason.keyCompromise);
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())).getEncoded();
    }

    private static X509Certificate parsePem(ByteString pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.toByteArray()));
    }

    /** Verifies as Fabric's MSP does: ECDSA over SHA-256 of the signed bytes. */
    private static boolean verify(X509Certificate cert, byte[] data, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
