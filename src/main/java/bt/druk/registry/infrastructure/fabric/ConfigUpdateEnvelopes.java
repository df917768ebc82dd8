package bt.druk.registry.infrastructure.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Signed channel configuration updates, built as Fabric's protoutil builds them:
 * <ul>
 * <li>each {@link ConfigSignature} carries a SignatureHeader (creator = SerializedIdentity of the
 * signer's MSP id and PEM certificate, a 24-byte random nonce) and a signature over
 * {@code signature_header || config_update}, the bytes the orderer's validator checks
 * (protoutil/signeddata.go, ConfigUpdateEnvelopeAsSignedData);</li>
 * <li>the {@link Envelope} is of type CONFIG_UPDATE for the channel, its payload holding the
 * ConfigUpdateEnvelope and signed by the submitter (protoutil/txutils.go, CreateSignedEnvelope;
 * the orderer checks it against /Channel/Writers).</li>
 * </ul>
 * Signatures go through a fabric-gateway {@link Signer}, which signs a digest: it is handed
 * SHA-256 of the signed bytes, as the gateway itself does with {@code Hash.SHA256} and as Fabric's
 * MSP verifies (SHA-256, ECDSA with low S: fabric-gateway's EC signer and {@link HsmSigner} both
 * give low S).
 */
public final class ConfigUpdateEnvelopes {

    /** protoutil/crypto's nonce size. */
    static final int NONCE_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who signs: an MSP id, its X.509 certificate and a signer of its private key. */
    public record ConfigSigner(String mspId, X509Certificate certificate, Signer signer) {
        /** The SerializedIdentity bytes Fabric expects as creator: the MSP id and the PEM certificate. */
        public byte[] serializedIdentity() {
            try {
                String pem = "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
                return SerializedIdentity.newBuilder()
                        .setMspid(mspId)
                        .setIdBytes(ByteString.copyFrom(pem, StandardCharsets.US_ASCII))
                        .build().toByteArray();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode the certificate of " + mspId + ": " + e.getMessage(), e);
            }
        }
    }

    private ConfigUpdateEnvelopes() {
    }

    /** A ConfigUpdateEnvelope holding {@code update} and one signature per signer, in order. */
    public static ConfigUpdateEnvelope signedUpdate(ConfigUpdate update, List<ConfigSigner> signers) throws GeneralSecurityException {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a config update needs at least one signature");
        }
        ByteString updateBytes = update.toByteString();
        ConfigUpdateEnvelope.Builder envelope = ConfigUpdateEnvelope.newBuilder().setConfigUpdate(updateBytes);
        for (ConfigSigner signer : signers) {
            envelope.addSignatures(signature(updateBytes, signer));
        }
        return envelope.build();
    }

    /** One signer's ConfigSignature over {@code signature_header || config_update}. */
    public static ConfigSignature signature(ByteString configUpdate, ConfigSigner signer) throws GeneralSecurityException {
        ByteString header = signatureHeader(signer).toByteString();
        byte[] signature = sign(signer, header.concat(configUpdate).toByteArray());
        return ConfigSignature.newBuilder()
                .setSignatureHeader(header)
                .setSignature(ByteString.copyFrom(signature))
                .build();
    }

    /**
     * The CONFIG_UPDATE envelope the orderer's Broadcast takes: a Payload with a ChannelHeader
     * (type 2, version 0, {@code now} to the second, the channel, epoch 0) and the submitter's
     * SignatureHeader, the ConfigUpdateEnvelope as data, signed by the submitter.
     */
    public static Envelope envelope(String channelId, ConfigUpdateEnvelope update, ConfigSigner submitter, Instant now)
            throws GeneralSecurityException {
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_UPDATE_VALUE)
                .setVersion(0)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(0))
                .setChannelId(channelId)
                .setEpoch(0)
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader(submitter).toByteString()))
                .setData(update.toByteString())
                .build();
        byte[] payloadBytes = payload.toByteArray();
        return Envelope.newBuilder()
                .setPayload(ByteString.copyFrom(payloadBytes))
                .setSignature(ByteString.copyFrom(sign(submitter, payloadBytes)))
                .build();
    }

    static SignatureHeader signatureHeader(ConfigSigner signer) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return SignatureHeader.newBuilder()
                .setCreator(ByteString.copyFrom(signer.serializedIdentity()))
                .setNonce(ByteString.copyFrom(nonce))
                .build();
    }

    private static byte[] sign(ConfigSigner signer, byte[] data) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
        return signer.signer().sign(digest);
    }
}
