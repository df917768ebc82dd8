package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.infrastructure.config.PortalSettings;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The ledger port over Hyperledger Fabric (fabric-gateway). Reads the connection file written by
 * deploy/network.sh ({@code druk.fabric.config} / DRUK_FABRIC_CONFIG), keeps one gRPC channel per
 * peer endpoint and one Gateway per identity, and starts afresh when the file changes (a
 * re-created network has new certificates). Writes are signed by the clerk's own identity, so the
 * ledger records who submitted; reads use the portal's reader identity (inspector by default,
 * {@code druk.fabric.reader} to choose another).
 */
@ApplicationScoped
public class FabricLedger implements Ledger {

    private static final Logger LOG = Logger.getLogger(FabricLedger.class.getName());

    private final Object lock = new Object();
    private FabricConnectionConfig config;
    private Path configPath;
    private long configModified;
    private final Map<String, ManagedChannel> channels = new HashMap<>();
    private final Map<String, Gateway> gateways = new HashMap<>();

    /** The identity is not in the connection file: no amount of retrying helps. */
    static final class UnknownIdentityException extends RuntimeException {
        UnknownIdentityException(String message) {
            super(message);
        }
    }

    @Override
    public SubmissionOutcome submit(LedgerCall call, String identityName) {
        try {
            Network network = network(identityName);
            Contract contract = network.getContract(currentConfig().chaincode());
            SubmittedTransaction submitted = contract.newProposal(call.function())
                    .addArguments(call.arguments().toArray(String[]::new))
                    .build()
                    .endorse()
                    .submitAsync();
            Status status = submitted.getStatus();
            if (status.isSuccessful()) {
                return new SubmissionOutcome.Committed(status.getTransactionId(), status.getBlockNumber());
            }
            TxValidationCode code = status.getCode();
            if (code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT) {
                // Another transaction changed the same key first; the next attempt re-reads it.
                return new SubmissionOutcome.Unavailable("transaction " + status.getTransactionId() + " invalidated: " + code);
            }
            return new SubmissionOutcome.Refused("INVALID_TRANSACTION",
                    "The peers marked transaction " + status.getTransactionId() + " invalid: " + code);
        } catch (EndorseException | SubmitException | CommitStatusException e) {
            return FabricErrors.classify(e);
        } catch (UnknownIdentityException e) {
            return new SubmissionOutcome.Refused("NO_LEDGER_IDENTITY", e.getMessage());
        } catch (LedgerUnavailableException e) {
            return new SubmissionOutcome.Unavailable(e.getMessage());
        } catch (GatewayRuntimeException e) {
            return FabricErrors.classify(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected error submitting " + call.function(), e);
            return new SubmissionOutcome.Unavailable(e.toString());
        }
    }

    @Override
    public Optional<LedgerEntry> readRecord(String recordKey) {
        try {
            return Optional.of(LedgerJson.entry(LedgerJson.read(evaluate("GetRecord", recordKey)).asJsonObject()));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return Optional.empty();
            }
            throw new LedgerUnavailableException("the ledger refused GetRecord: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public List<LedgerHistoryItem> history(String recordKey) {
        try {
            return LedgerJson.history(evaluate("GetHistory", recordKey));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return List.of();
            }
            throw new LedgerUnavailableException("the ledger refused GetHistory: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public List<HashIndexHit> findByHash(String sha256Hex) {
        try {
            return LedgerJson.hashHits(evaluate("FindByHash", sha256Hex));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return List.of();
            }
            throw new LedgerUnavailableException("the ledger refused FindByHash: [" + r.refused.code() + "] " + r.refused.message());
        }
    }

    @Override
    public Optional<CommittedTransaction> transaction(String txId) {
        try {
            Network network = network(readerName());
            byte[] blockBytes = network.getContract("qscc").evaluateTransaction("GetBlockByTxID", network.getName(), txId);
            LedgerBlock block = BlockParser.parse(Block.parseFrom(blockBytes));
            return block.transactions().stream().filter(tx -> tx.txId().equals(txId)).findFirst();
        } catch (GatewayException e) {
            String text = e.getMessage() + e.getDetails();
            if (text.contains("no such transaction") || text.contains("not found")) {
                return Optional.empty();
            }
            throw new LedgerUnavailableException("GetBlockByTxID failed: " + e.getStatus(), e);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unreadable block for " + txId, e);
        }
    }

    @Override
    public BlockStream blocksFrom(long startBlock) {
        Network network = network(readerName());
        CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(startBlock).build().getEvents();
        return new BlockStream() {
            @Override
            public LedgerBlock next() {
                try {
                    return BlockParser.parse(blocks.next());
                } catch (GatewayRuntimeException e) {
                    throw new LedgerUnavailableException("block events stopped: " + e.getStatus(), e);
                } catch (RuntimeException e) {
                    if (e instanceof LedgerUnavailableException l) {
                        throw l;
                    }
                    throw new LedgerUnavailableException("block events stopped: " + e, e);
                }
            }

            @Override
            public void close() {
                blocks.close();
            }
        };
    }

    // ---- connections ----

    /** A chaincode refusal seen on a read. */
    private static final class Refusal extends RuntimeException {
        final SubmissionOutcome.Refused refused;

        Refusal(SubmissionOutcome.Refused refused) {
            super(refused.code(), null, false, false);
            this.refused = refused;
        }
    }

    private String evaluate(String function, String... args) {
        try {
            Contract contract = network(readerName()).getContract(currentConfig().chaincode());
            return new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            SubmissionOutcome outcome = FabricErrors.classify(e);
            if (outcome instanceof SubmissionOutcome.Refused refused) {
                throw new Refusal(refused);
            }
            throw new LedgerUnavailableException(function + ": " + ((SubmissionOutcome.Unavailable) outcome).reason(), e);
        } catch (UnknownIdentityException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        }
    }

    private String readerName() {
        return currentConfig().readerIdentity(PortalSettings.get("druk.fabric.reader"))
                .map(FabricConnectionConfig.IdentityFiles::name)
                .orElseThrow(() -> new LedgerUnavailableException("no reader identity (inspector/admin) in the connection file"));
    }

    private Network network(String identityName) {
        FabricConnectionConfig cfg = currentConfig();
        synchronized (lock) {
            Gateway gateway = gateways.get(identityName);
            if (gateway == null) {
                gateway = connect(cfg, identityName);
                gateways.put(identityName, gateway);
            }
            return gateway.getNetwork(cfg.channel());
        }
    }

    private Gateway connect(FabricConnectionConfig cfg, String identityName) {
        FabricConnectionConfig.IdentityFiles id = cfg.identity(identityName)
                .orElseThrow(() -> new UnknownIdentityException("No Fabric identity named '" + identityName
                        + "' in the connection file; enrol it with Fabric CA first"));
        FabricConnectionConfig.Peer peer = cfg.peersByMsp().get(id.mspId());
        if (peer == null) {
            throw new LedgerUnavailableException("no peer for " + id.mspId() + " in the connection file");
        }
        try {
            X509Certificate certificate;
            try (Reader in = Files.newBufferedReader(id.certificate())) {
                certificate = Identities.readX509Certificate(in);
            }
            PrivateKey key;
            try (Reader in = Files.newBufferedReader(id.privateKey())) {
                key = Identities.readPrivateKey(in);
            }
            return Gateway.newInstance()
                    .identity(new X509Identity(id.mspId(), certificate))
                    .signer(Signers.newPrivateKeySigner(key))
                    .hash(Hash.SHA256)
                    .connection(channel(peer))
                    .evaluateOptions(CallOption.deadlineAfter(5, TimeUnit.SECONDS))
                    .endorseOptions(CallOption.deadlineAfter(15, TimeUnit.SECONDS))
                    .submitOptions(CallOption.deadlineAfter(5, TimeUnit.SECONDS))
                    .commitStatusOptions(CallOption.deadlineAfter(1, TimeUnit.MINUTES))
                    .connect();
        } catch (IOException | GeneralSecurityException e) {
            throw new LedgerUnavailableException("cannot read the credentials of " + identityName + ": " + e.getMessage(), e);
        }
    }

    private ManagedChannel channel(FabricConnectionConfig.Peer peer) throws IOException {
        ManagedChannel channel = channels.get(peer.endpoint());
        if (channel == null) {
            ChannelCredentials credentials = TlsChannelCredentials.newBuilder().trustManager(peer.tlsCaCert().toFile()).build();
            NettyChannelBuilder builder = NettyChannelBuilder.forTarget(peer.endpoint(), credentials);
            if (peer.hostOverride() != null) {
                builder.overrideAuthority(peer.hostOverride());
            }
            channel = builder.build();
            channels.put(peer.endpoint(), channel);
        }
        return channel;
    }

    /** The connection file, re-read (and all connections dropped) when it changes. */
    private FabricConnectionConfig currentConfig() {
        Path path = PortalSettings.fabricConfig();
        synchronized (lock) {
            long modified;
            try {
                modified = Files.getLastModifiedTime(path).toMillis();
            } catch (IOException e) {
                throw new LedgerUnavailableException("no Fabric connection file at " + path + " (is the network up?)");
            }
            if (config == null || !path.equals(configPath) || modified != configModified) {
                closeAll();
                try {
                    config = FabricConnectionConfig.read(path);
                } catch (IOException | RuntimeException e) {
                    config = null;
                    throw new LedgerUnavailableException("cannot read Fabric connection file " + path + ": " + e.getMessage(), e);
                }
                configPath = path;
                configModified = modified;
                LOG.info(() -> "Fabric connection file " + path + ": channel " + config.channel() + ", chaincode "
                        + config.chaincode() + ", " + config.identities().size() + " identities");
            }
            return config;
        }
    }

    private void closeAll() {
        gateways.values().forEach(Gateway::close);
        gateways.clear();
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow();
        }
        channels.clear();
    }

    @PreDestroy
    void close() {
        synchronized (lock) {
            closeAll();
        }
    }
}
