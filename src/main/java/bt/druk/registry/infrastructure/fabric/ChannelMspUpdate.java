package bt.druk.registry.infrastructure.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/**
 * The channel configuration update that replaces one application organisation's certificate
 * revocation lists ({@code FabricMSPConfig.revocation_list}) and changes nothing else: what
 * {@code configtxlator compute_update} makes of the current config and a copy of it whose
 * {@code Channel/Application/<org>/MSP} value alone differs.
 *
 * <p>That is (Fabric's internal/configtxlator/update/update.go): in the read set the Channel,
 * Application and organisation groups at their current versions, each holding only the next group
 * down (the organisation group holds nothing); in the write set the same three groups at the
 * same versions, no mod_policy of their own, and in the organisation group the MSP value at its
 * version + 1 with its current mod_policy. The orderer's validator (common/configtx/update.go)
 * then finds the read set at the current versions, a delta set of the MSP value alone (the groups
 * are at the read set's version, so not in it), version = current + 1, and evaluates the value's
 * current mod_policy ({@code Admins} of the organisation) against the update's signatures.
 *
 * <p>Pure: no network, no clock.
 */
public final class ChannelMspUpdate {

    static final String APPLICATION = "Application";
    static final String MSP = "MSP";
    /** MSPConfig.type of a FabricMSPConfig (msp/msp.go: FABRIC = 0). */
    static final int FABRIC_MSP_TYPE = 0;
    private static final String AKI_OID = "2.5.29.35";
    private static final String SKI_OID = "2.5.29.14";

    private ChannelMspUpdate() {
    }

    /**
     * The update that sets {@code mspId}'s revocation list to {@code crls}, in that order; empty
     * when the organisation's MSP already holds exactly these CRLs (compared by their DER bytes,
     * whatever the encoding), since the orderer refuses an update with nothing in its delta set.
     *
     * @param current   the channel's current configuration (of its newest config block)
     * @param channelId the channel the update is for (ConfigUpdate.channel_id, checked by the orderer)
     * @param mspId     an application organisation's MSP id, e.g. LandMSP
     * @param crls      the complete new list of CRLs, DER or PEM; written as PEM, as Fabric CA
     *                  and configtxgen produce them
     * @throws IllegalArgumentException when the organisation or its Fabric MSP value is missing, or
     *                                  a CRL cannot be read, has no authority key identifier (Fabric would
     *                                  then refuse every certificate of the organisation), or is not signed by
     *                                  the root or intermediate CA of the MSP whose SKI is its AKI (Fabric
     *                                  would ignore it): msp/mspimplvalidate.go, validateCertAgainstChain
     */
    public static Optional<ConfigUpdate> replaceRevocationList(Config current, String channelId, String mspId, List<byte[]> crls) {
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("no channel id");
        }
        ConfigGroup channel = current.getChannelGroup();
        ConfigGroup application = channel.getGroupsMap().get(APPLICATION);
        if (application == null) {
            throw new IllegalArgumentException("the channel configuration has no Application group");
        }
        String orgKey = orgKey(application, mspId);
        ConfigGroup org = application.getGroupsOrThrow(orgKey);
        ConfigValue mspValue = org.getValuesOrThrow(MSP);
        MSPConfig mspConfig = parseMspConfig(mspValue.getValue(), mspId);
        FabricMSPConfig fabric = parseFabric(mspConfig, mspId);

        List<X509Certificate> cas = certificates(fabric, mspId);
        List<ByteString> wanted = new ArrayList<>();
        for (byte[] crl : crls) {
            wanted.add(ByteString.copyFrom(pem(checkedDer(crl, cas, mspId))));
        }
        if (sameCrls(fabric.getRevocationListList(), wanted)) {
            return Optional.empty();
        }

        FabricMSPConfig updatedFabric = fabric.toBuilder().clearRevocationList().addAllRevocationList(wanted).build();
        MSPConfig updatedMsp = mspConfig.toBuilder().setConfig(updatedFabric.toByteString()).build();
        ConfigValue writtenValue = ConfigValue.newBuilder()
                .setVersion(mspValue.getVersion() + 1)
                .setModPolicy(mspValue.getModPolicy())
                .setValue(updatedMsp.toByteString())
                .build();

        ConfigGroup orgRead = ConfigGroup.newBuilder().setVersion(org.getVersion()).build();
        ConfigGroup orgWrite = ConfigGroup.newBuilder().setVersion(org.getVersion()).putValues(MSP, writtenValue).build();
        ConfigGroup appRead = ConfigGroup.newBuilder().setVersion(application.getVersion()).putGroups(orgKey, orgRead).build();
        ConfigGroup appWrite = ConfigGroup.newBuilder().setVersion(application.getVersion()).putGroups(orgKey, orgWrite).build();
        ConfigGroup channelRead = ConfigGroup.newBuilder().setVersion(channel.getVersion()).putGroups(APPLICATION, appRead).build();
        ConfigGroup channelWrite = ConfigGroup.newBuilder().setVersion(channel.getVersion()).putGroups(APPLICATION, appWrite).build();
        return Optional.of(ConfigUpdate.newBuilder()
                .setChannelId(channelId)
                .setReadSet(channelRead)
                .setWriteSet(channelWrite)
                .build());
    }

    /** The CRLs {@code mspId}'s MSP holds in {@code config}, as stored (PEM or DER). */
    public static List<byte[]> revocationList(Config config, String mspId) {
        ConfigGroup application = config.getChannelGroup().getGroupsMap().get(APPLICATION);
        if (application == null) {
            throw new IllegalArgumentException("the channel configuration has no Application group");
        }
        ConfigValue value = application.getGroupsOrThrow(orgKey(application, mspId)).getValuesOrThrow(MSP);
        FabricMSPConfig fabric = parseFabric(parseMspConfig(value.getValue(), mspId), mspId);
        return fabric.getRevocationListList().stream().map(ByteString::toByteArray).toList();
    }

    /**
     * The key of the application organisation group whose MSP is {@code mspId}: configtxgen keys
     * it by the organisation's Name, which is the MSP id in this network but need not be.
     */
    private static String orgKey(ConfigGroup application, String mspId) {
        ConfigGroup byKey = application.getGroupsMap().get(mspId);
        if (byKey != null && byKey.getValuesMap().containsKey(MSP) && mspName(byKey).equals(mspId)) {
            return mspId;
        }
        for (Map.Entry<String, ConfigGroup> org : application.getGroupsMap().entrySet()) {
            if (org.getValue().getValuesMap().containsKey(MSP) && mspName(org.getValue()).equals(mspId)) {
                return org.getKey();
            }
        }
        throw new IllegalArgumentException("no organisation with MSP " + mspId + " in the channel's Application group (has "
                + application.getGroupsMap().keySet() + ")");
    }

    /** The name in an organisation group's Fabric MSP value; "" when it is none. */
    private static String mspName(ConfigGroup org) {
        try {
            MSPConfig config = MSPConfig.parseFrom(org.getValuesOrThrow(MSP).getValue());
            return config.getType() == FABRIC_MSP_TYPE ? FabricMSPConfig.parseFrom(config.getConfig()).getName() : "";
        } catch (InvalidProtocolBufferException e) {
            return "";
        }
    }

    /** A CRL's DER bytes, from DER or PEM. */
    public static byte[] der(byte[] crl) {
        String text = new String(crl, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf("-----BEGIN X509 CRL-----");
        if (begin < 0) {
            return crl.clone();
        }
        int start = begin + "-----BEGIN X509 CRL-----".length();
        int end = text.indexOf("-----END X509 CRL-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("a PEM CRL without its END line");
        }
        return Base64.getMimeDecoder().decode(text.substring(start, end));
    }

    /** A CRL as PEM ({@code X509 CRL}), 64 characters a line, as Fabric CA writes it. */
    public static byte[] pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN X509 CRL-----\n" + body + "\n-----END X509 CRL-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] checkedDer(byte[] crl, List<X509Certificate> cas, String mspId) {
        byte[] der = der(crl);
        X509CRL parsed;
        try {
            parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 CRL: " + e.getMessage(), e);
        }
        byte[] aki = keyIdentifier(parsed.getExtensionValue(AKI_OID), true);
        if (aki == null) {
            throw new IllegalArgumentException("the CRL of " + parsed.getIssuerX500Principal()
                    + " has no authority key identifier: Fabric would refuse every certificate of the organisation");
        }
        // Fabric applies a CRL to the certificates of the CA whose SKI is the CRL's AKI and which signed it.
        for (X509Certificate ca : cas) {
            if (Arrays.equals(aki, keyIdentifier(ca.getExtensionValue(SKI_OID), false))) {
                try {
                    parsed.verify(ca.getPublicKey());
                    return der;
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("the CRL of " + parsed.getIssuerX500Principal() + " names the CA "
                            + ca.getSubjectX500Principal() + " of " + mspId + " but is not signed by it", e);
                }
            }
        }
        throw new IllegalArgumentException("the CRL of " + parsed.getIssuerX500Principal() + " is not issued by a CA of " + mspId
                + ": Fabric would ignore it");
    }

    /** The key identifier of an AKI (its keyIdentifier) or SKI extension value; null if absent. */
    private static byte[] keyIdentifier(byte[] extensionValue, boolean authority) {
        if (extensionValue == null) {
            return null;
        }
        ASN1OctetString wrapped = ASN1OctetString.getInstance(extensionValue);
        if (authority) {
            AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(wrapped.getOctets());
            return aki.getKeyIdentifierObject() == null ? null : aki.getKeyIdentifierObject().getOctets();
        }
        return SubjectKeyIdentifier.getInstance(wrapped.getOctets()).getKeyIdentifier();
    }

    /** The MSP's root and intermediate CA certificates (PEM or DER). */
    private static List<X509Certificate> certificates(FabricMSPConfig fabric, String mspId) {
        List<X509Certificate> out = new ArrayList<>();
        List<ByteString> all = new ArrayList<>(fabric.getRootCertsList());
        all.addAll(fabric.getIntermediateCertsList());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (ByteString cert : all) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(cert.toByteArray())));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a CA certificate of " + mspId + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean sameCrls(List<ByteString> existing, List<ByteString> wanted) {
        if (existing.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < existing.size(); i++) {
            byte[] have;
            try {
                have = der(existing.get(i).toByteArray());
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!Arrays.equals(have, der(wanted.get(i).toByteArray()))) {
                return false;
            }
        }
        return true;
    }

    private static MSPConfig parseMspConfig(ByteString bytes, String mspId) {
        try {
            return MSPConfig.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the MSP value of " + mspId + " is not an MSPConfig: " + e.getMessage(), e);
        }
    }

    private static FabricMSPConfig parseFabric(MSPConfig config, String mspId) {
        if (config.getType() != FABRIC_MSP_TYPE) {
            throw new IllegalArgumentException(mspId + " is not a Fabric (X.509) MSP: type " + config.getType());
        }
        try {
            return FabricMSPConfig.parseFrom(config.getConfig());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the MSP value of " + mspId + " is not a FabricMSPConfig: " + e.getMessage(), e);
        }
    }
}
