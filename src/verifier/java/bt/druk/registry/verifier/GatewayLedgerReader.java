package bt.druk.registry.verifier;

import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Reads the ledger through fabric-gateway from one peer, as the inspector: evaluations only, so
 * nothing is ever written, and the gateway answers from the peer it runs on (the inspector's own
 * organisation's).
 */
public final class GatewayLedgerReader implements LedgerReader {

    private static final Pattern CHAINCODE_CODE = Pattern.compile("\\[([A-Z][A-Z_]+)\\]\\s*(.*)", Pattern.DOTALL);
    private static final long DEADLINE_SECONDS = 20;

    private final String endpoint;
    private final ManagedChannel grpc;
    private final Gateway gateway;
    private final Network network;
    private final Contract registry;
    private final Contract qscc;

    private GatewayLedgerReader(String endpoint, ManagedChannel grpc, Gateway gateway, String channel, String chaincode) {
        this.endpoint = endpoint;
        this.grpc = grpc;
        this.gateway = gateway;
        this.network = gateway.getNetwork(channel);
        this.registry = network.getContract(chaincode);
        this.qscc = network.getContract("qscc");
    }

    /**
     * Prepares the connection (the peer is first contacted by the first read).
     *
     * @throws LedgerReadException if the TLS CA, the certificate or the key cannot be read
     */
    public static GatewayLedgerReader connect(PeerSettings peer, String channel, String chaincode) {
        X509Certificate certificate;
        try (Reader in = Files.newBufferedReader(peer.certificate(), StandardCharsets.US_ASCII)) {
            certificate = Identities.readX509Certificate(in);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new LedgerReadException("cannot read the certificate " + peer.certificate() + ": " + e.getMessage(), e);
        }
        PrivateKey key;
        try (Reader in = Files.newBufferedReader(peer.privateKey(), StandardCharsets.US_ASCII)) {
            key = Identities.readPrivateKey(in);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new LedgerReadException("cannot read the private key " + peer.privateKey() + ": " + e.getMessage(), e);
        }
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder().trustManager(peer.tlsCaCert().toFile()).build();
        } catch (IOException | RuntimeException e) {
            throw new LedgerReadException("cannot read the peer's TLS CA certificate " + peer.tlsCaCert() + ": " + e.getMessage(), e);
        }
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(peer.endpoint(), credentials);
        peer.hostOverride().ifPresent(builder::overrideAuthority);
        ManagedChannel grpc = builder.build();
        Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(peer.mspId(), certificate))
                .signer(Signers.newPrivateKeySigner(key))
                .hash(Hash.SHA256)
                .connection(grpc)
                .evaluateOptions(options -> options.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS))
                .connect();
        return new GatewayLedgerReader(peer.endpoint(), grpc, gateway, channel, chaincode);
    }

    @Override
    public String source() {
        return "peer " + endpoint;
    }

    @Override
    public Optional<String> history(String key) {
        return evaluateRegistry("GetHistory", key);
    }

    @Override
    public Optional<String> record(String key) {
        return evaluateRegistry("GetRecord", key);
    }

    @Override
    public Optional<String> openingShares(String tenderKey) {
        return evaluateRegistry("GetOpeningShares", tenderKey);
    }

    @Override
    public Optional<LedgerTransaction> transaction(String txId) {
        try {
            // The processed transaction carries the validation code, the block its number.
            ProcessedTransaction processed = ProcessedTransaction.parseFrom(
                    qscc.evaluateTransaction("GetTransactionByID", network.getName(), txId));
            Block block = Block.parseFrom(qscc.evaluateTransaction("GetBlockByTxID", network.getName(), txId));
            return Optional.of(read(block.getHeader().getNumber(), processed));
        } catch (GatewayException e) {
            String text = String.join(" | ", messages(e));
            // qscc answers "Failed to get transaction with id <txId>, error ... not found ..." (or "no such transaction").
            if (text.contains(txId) && (text.contains("no such transaction") || text.contains("not found"))) {
                return Optional.empty();
            }
            throw unavailable("qscc GetTransactionByID", e);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerReadException("the peer's answer for transaction " + txId + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** What a processed transaction says: its id, channel, chaincode, time, validation code and endorsers. */
    static LedgerTransaction read(long blockNumber, ProcessedTransaction processed) throws InvalidProtocolBufferException {
        Payload payload = Payload.parseFrom(processed.getTransactionEnvelope().getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        String chaincode = ChaincodeHeaderExtension.parseFrom(header.getExtension()).getChaincodeId().getName();
        TreeSet<String> endorsers = new TreeSet<>();
        Transaction transaction = Transaction.parseFrom(payload.getData());
        for (TransactionAction action : transaction.getActionsList()) {
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            for (Endorsement endorsement : actionPayload.getAction().getEndorsementsList()) {
                endorsers.add(SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid());
            }
        }
        TxValidationCode code = TxValidationCode.forNumber(processed.getValidationCode());
        Instant timestamp = Instant.ofEpochSecond(header.getTimestamp().getSeconds(), header.getTimestamp().getNanos());
        return new LedgerTransaction(header.getTxId(), blockNumber,
                code == null ? "CODE_" + processed.getValidationCode() : code.name(), header.getChannelId(), chaincode,
                timestamp, List.copyOf(endorsers));
    }

    private Optional<String> evaluateRegistry(String function, String key) {
        try {
            return Optional.of(new String(registry.evaluateTransaction(function, key), StandardCharsets.UTF_8));
        } catch (GatewayException e) {
            for (String message : messages(e)) {
                Matcher m = CHAINCODE_CODE.matcher(message);
                if (m.find()) {
                    if ("NOT_FOUND".equals(m.group(1))) {
                        return Optional.empty();
                    }
                    throw new LedgerReadException(source() + " refused " + function + "(" + key + "): [" + m.group(1) + "] "
                            + m.group(2).trim(), e);
                }
            }
            throw unavailable(function, e);
        }
    }

    private LedgerReadException unavailable(String what, GatewayException e) {
        Status status = e.getStatus();
        String detail = status.getDescription() == null ? "" : ": " + status.getDescription();
        return new LedgerReadException("cannot read " + what + " from " + source() + " (" + status.getCode() + detail + ")", e);
    }

    private static List<String> messages(GatewayException e) {
        List<String> messages = new ArrayList<>();
        for (ErrorDetail d : e.getDetails()) {
            messages.add(d.getMessage());
        }
        if (e.getMessage() != null) {
            messages.add(e.getMessage());
        }
        return messages;
    }

    @Override
    public void close() {
        gateway.close();
        grpc.shutdownNow();
        try {
            grpc.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
