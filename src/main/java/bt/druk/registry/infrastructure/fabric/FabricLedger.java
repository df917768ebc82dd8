package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.HashIndexHit;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerIdentity;
import bt.druk.registry.domain.ledger.LedgerRecordPage;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.infrastructure.config.PortalPaths;
import bt.druk.registry.infrastructure.config.Setting;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>This bean is the one owner of every gRPC resource of the application: its channels run on an
 * event loop and an executor made here from the server's managed thread factory, not on grpc-java's
 * JVM-wide shared ones, and {@link #close()} shuts them all down and waits. So no gRPC thread
 * outlives the application's class loader (grpc/grpc-java #9510, #4893: shared event-loop threads
 * that load classes through a closed loader fail for the life of the JVM). After
 * {@link #RESET_AFTER_FAILURES} failed calls in a row it drops its gateways and channels and
 * connects afresh, so a peer that went away and came back is found again.
 */
@ApplicationScoped
public class FabricLedger implements Ledger {

    private static final Logger LOG = Logger.getLogger(FabricLedger.class.getName());

    /** Failed calls in a row after which gateways and channels are rebuilt. */
    static final int RESET_AFTER_FAILURES = 3;
    /** How long a peer may take to accept a TCP connection before the next peer of its organisation is tried. */
    private static final int PROBE_MILLIS = 1000;
    /** Fabric peers refuse pings more often than their keepalive minInterval (60 s by default). */
    private static final long KEEPALIVE_SECONDS = 90;
    /** Blocks can be as large as the orderer's BatchSize.AbsoluteMaxBytes (10 MB in deploy/network.sh), plus envelope. */
    private static final int MAX_INBOUND_BYTES = 16 * 1024 * 1024;

    @Resource
    ManagedThreadFactory threadFactory;

    /** How often the connection file's modification time is looked at (not on every call: many calls run at once). */
    private static final long CONFIG_CHECK_MILLIS = 1000;

    /** The PKCS#11 tokens the identities of some MSPs sign with (kept across reconnects). Guarded by {@link #lock}. */
    private Pkcs11Tokens tokens;

    /** Guards connecting, reconnecting and closing; the common path (a gateway that exists) takes no lock. */
    private final Object lock = new Object();
    private EventLoopGroup eventLoop;
    private ExecutorService grpcExecutor;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private boolean closed;
    private volatile FabricConnectionConfig config;
    private volatile long configCheckedAt;
    private Path configPath;
    private long configModified;
    private final Map<String, ManagedChannel> channels = new HashMap<>();
    /** Per MSP, which of its peers the connections use; moves on after a reset (see {@link #reachableEndpoint}). */
    private final Map<String, Integer> endpointInUse = new HashMap<>();
    private final Map<String, String> endpointChosen = new HashMap<>();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

    /** The identity is not in the connection file: no amount of retrying helps. */
    static final class UnknownIdentityException extends RuntimeException {
        UnknownIdentityException(String message) {
            super(message);
        }
    }

    @Override
    public Endorsement endorse(LedgerCall call, String identityName) {
        try {
            Contract contract = network(identityName).getContract(currentConfig().chaincode());
            org.hyperledger.fabric.client.Transaction transaction = contract.newProposal(call.function())
                    .addArguments(call.arguments().toArray(String[]::new))
                    .build()
                    .endorse();
            answered();
            return Endorsement.endorsed(new Endorsed(transaction));
        } catch (EndorseException e) {
            return Endorsement.ended(counted(FabricErrors.classify(e)));
        } catch (UnknownIdentityException e) {
            // Not the ledger's refusal: the signer's identity is not issued yet (its CA was unreachable when the
            // account was made). The write waits, and goes once an administrator has the identity issued.
            return Endorsement.ended(new SubmissionOutcome.Unavailable(e.getMessage()));
        } catch (LedgerUnavailableException e) {
            failed();
            return Endorsement.ended(new SubmissionOutcome.Unavailable(e.getMessage(), e.getCause()));
        } catch (GatewayRuntimeException e) {
            return Endorsement.ended(counted(FabricErrors.classify(e)));
        } catch (RuntimeException | LinkageError e) {
            // e.g. a gRPC class that failed to initialise: say so with the whole chain, never throw.
            failed();
            return Endorsement.ended(new SubmissionOutcome.Unavailable(e.toString(), e));
        }
    }

    /** An endorsed Fabric transaction: sent to the orderer through the gateway peer, then its commit status awaited. */
    private final class Endorsed implements Endorsement.Transaction {
        private final org.hyperledger.fabric.client.Transaction transaction;

        Endorsed(org.hyperledger.fabric.client.Transaction transaction) {
            this.transaction = transaction;
        }

        @Override
        public String txId() {
            return transaction.getTransactionId();
        }

        @Override
        public SubmissionOutcome send() {
            try {
                Status status = transaction.submitAsync().getStatus();
                answered();
                if (status.isSuccessful()) {
                    return new SubmissionOutcome.Committed(status.getTransactionId(), status.getBlockNumber());
                }
                TxValidationCode code = status.getCode();
                if (code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT) {
                    // Another transaction changed the same key first; the next attempt re-reads it.
                    return new SubmissionOutcome.Conflict("transaction " + status.getTransactionId() + " invalidated: " + code);
                }
                return new SubmissionOutcome.Refused("INVALID_TRANSACTION",
                        "The peers marked transaction " + status.getTransactionId() + " invalid: " + code);
            } catch (SubmitException | CommitStatusException e) {
                return counted(FabricErrors.classify(e));
            } catch (GatewayRuntimeException e) {
                return counted(FabricErrors.classify(e));
            } catch (RuntimeException | LinkageError e) {
                failed();
                return new SubmissionOutcome.Unavailable(e.toString(), e);
            }
        }
    }

    /** A refusal means the ledger answered; anything else counts towards a reconnect. */
    private SubmissionOutcome counted(SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Unavailable) {
            failed();
        } else {
            answered();
        }
        return outcome;
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
    public LedgerRecordPage listRecords(String kind, int pageSize, String bookmark) {
        try {
            return LedgerJson.recordPage(evaluate("ListRecords", kind, String.valueOf(pageSize), bookmark == null ? "" : bookmark));
        } catch (Refusal r) {
            throw new LedgerUnavailableException("the ledger refused ListRecords: [" + r.refused.code() + "] " + r.refused.message());
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
    public List<PostedShares> openingShares(String tenderKey) {
        try {
            return LedgerJson.postedShares(evaluate("GetOpeningShares", tenderKey));
        } catch (Refusal r) {
            if ("NOT_FOUND".equals(r.refused.code())) {
                return List.of();
            }
            throw new LedgerUnavailableException("the ledger refused GetOpeningShares: [" + r.refused.code() + "] "
                    + r.refused.message());
        }
    }

    @Override
    public LedgerIdentity identity() {
        try {
            Network network = network(readerName());
            byte[] genesis = network.getContract("qscc").evaluateTransaction("GetBlockByNumber", network.getName(), "0");
            answered();
            return new LedgerIdentity(network.getName(), HexFormat.of().formatHex(BlockParser.headerHash(Block.parseFrom(genesis).getHeader())));
        } catch (GatewayException e) {
            failed();
            throw new LedgerUnavailableException("GetBlockByNumber 0 failed: " + e.getStatus(), e);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerUnavailableException("the genesis block could not be read: " + e.getMessage(), e);
        } catch (LedgerUnavailableException e) {
            failed();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            failed();
            throw new LedgerUnavailableException("GetBlockByNumber 0: " + e, e);
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
                    LedgerBlock block = BlockParser.parse(blocks.next());
                    answered();
                    return block;
                } catch (GatewayRuntimeException e) {
                    failed();
                    throw new LedgerUnavailableException("block events stopped: " + e.getStatus(), e);
                } catch (LedgerUnavailableException e) {
                    failed();
                    throw e;
                } catch (RuntimeException | LinkageError e) {
                    failed();
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
            String answer = new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
            answered();
            return answer;
        } catch (GatewayException e) {
            SubmissionOutcome outcome = FabricErrors.classify(e);
            if (outcome instanceof SubmissionOutcome.Refused refused) {
                answered();
                throw new Refusal(refused);
            }
            failed();
            throw new LedgerUnavailableException(function + ": " + ((SubmissionOutcome.Unavailable) outcome).reason(), e);
        } catch (UnknownIdentityException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        } catch (LedgerUnavailableException e) {
            failed();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            failed();
            throw new LedgerUnavailableException(function + ": " + e, e);
        }
    }

    private String readerName() {
        return currentConfig().readerIdentity(Setting.FABRIC_READER.configured())
                .map(FabricConnectionConfig.IdentityFiles::name)
                .orElseThrow(() -> new LedgerUnavailableException("no reader identity (inspector/admin) in the connection file"));
    }

    private Network network(String identityName) {
        FabricConnectionConfig cfg = currentConfig();
        Gateway gateway = gateways.get(identityName);
        if (gateway == null) {
            synchronized (lock) {
                gateway = gateways.get(identityName);
                if (gateway == null) {
                    gateway = connect(cfg, identityName);
                    gateways.put(identityName, gateway);
                }
            }
        }
        return gateway.getNetwork(cfg.channel());
    }

    private Gateway connect(FabricConnectionConfig cfg, String identityName) {
        try {
            Optional<FabricConnectionConfig.IdentityFiles> named = cfg.identity(identityName);
            // A staff member's own identity is only in their organisation's token, under their user name.
            String mspId = named.isPresent() ? named.get().mspId() : tokens(cfg).mspHolding(identityName)
                    .orElseThrow(() -> new UnknownIdentityException("No Fabric identity named '" + identityName
                            + "' in the connection file or a token; enrol it with Fabric CA first"));
            FabricConnectionConfig.Peer peer = cfg.peersByMsp().get(mspId);
            if (peer == null) {
                throw new LedgerUnavailableException("no peer for " + mspId + " in the connection file");
            }
            SigningCredentials credentials = cfg.token(mspId).isPresent()
                    ? tokens(cfg).credentials(mspId, identityName)
                    : SigningCredentials.fromPemFiles(named.orElseThrow().certificate(), named.orElseThrow().privateKey());
            return Gateway.newInstance()
                    .identity(new X509Identity(mspId, credentials.certificate()))
                    .signer(credentials.signer())
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

    /** The connection file as it is now, for the staff identities' CAs ({@link FabricStaffIdentities}). */
    FabricConnectionConfig connectionConfig() {
        return currentConfig();
    }

    /** The channel as the named identity sees it (a staff identity's CA admin reads and updates its configuration). */
    Network networkAs(String identityName) {
        return network(identityName);
    }

    /** The tokens this ledger signs with, so that an identity enrolled into one signs at once. */
    Pkcs11Tokens signingTokens() {
        FabricConnectionConfig cfg = currentConfig();
        synchronized (lock) {
            return tokens(cfg);
        }
    }

    /** The tokens of the connection file, each opened once; anew only when the file names other tokens. Under {@link #lock}. */
    private Pkcs11Tokens tokens(FabricConnectionConfig cfg) {
        if (tokens == null || !tokens.tokens().equals(cfg.tokens())) {
            tokens = new Pkcs11Tokens(cfg.tokens());
        }
        return tokens;
    }

    private ManagedChannel channel(FabricConnectionConfig.Peer peer) throws IOException {
        String endpoint = reachableEndpoint(peer);
        ManagedChannel channel = channels.get(endpoint);
        if (channel == null) {
            ChannelCredentials credentials = TlsChannelCredentials.newBuilder().trustManager(peer.tlsCaCert().toFile()).build();
            startGrpcThreads();
            NettyChannelBuilder builder = NettyChannelBuilder.forTarget(endpoint, credentials)
                    .eventLoopGroup(eventLoop)
                    .channelType(NioSocketChannel.class)
                    .executor(grpcExecutor)
                    .offloadExecutor(grpcExecutor)
                    .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .keepAliveWithoutCalls(true)
                    .maxInboundMessageSize(MAX_INBOUND_BYTES);
            if (peer.hostOverride() != null) {
                builder.overrideAuthority(peer.hostOverride());
            }
            channel = builder.build();
            channels.put(endpoint, channel);
        }
        return channel;
    }

    /**
     * Which of an organisation's peers to connect to: the one in use, else the next that accepts a
     * TCP connection. A reset after failed calls ({@link #failed}) first moves every organisation on
     * to its next peer, so a peer that died, or hangs with its port open, is left for the other one;
     * the gateway peer then finds the other organisations' live endorsers itself, and the commit
     * follower's next block stream resumes from its checkpoint there. When no peer accepts, the one
     * in use: its calls fail as unavailable and are retried. Called under {@link #lock}.
     */
    String reachableEndpoint(FabricConnectionConfig.Peer peer) {
        List<String> endpoints = peer.endpoints();
        if (endpoints.size() == 1) {
            return endpoints.get(0);
        }
        int start = Math.floorMod(endpointInUse.getOrDefault(peer.mspId(), 0), endpoints.size());
        for (int k = 0; k < endpoints.size(); k++) {
            int index = (start + k) % endpoints.size();
            if (accepts(endpoints.get(index))) {
                endpointInUse.put(peer.mspId(), index);
                String before = endpointChosen.put(peer.mspId(), endpoints.get(index));
                if (!endpoints.get(index).equals(before == null ? endpoints.get(0) : before)) {
                    LOG.info(() -> "Ledger connections of " + peer.mspId() + " now go to its peer " + endpoints.get(index));
                }
                return endpoints.get(index);
            }
        }
        endpointInUse.put(peer.mspId(), start);
        return endpoints.get(start);
    }

    /** After a reset: each organisation's connections try its next peer first. Called under {@link #lock}. */
    void moveToNextPeers() {
        endpointInUse.replaceAll((msp, index) -> index + 1);
    }

    private static boolean accepts(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))),
                    PROBE_MILLIS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The connection file, re-read (and all connections dropped) when it changes. */
    private FabricConnectionConfig currentConfig() {
        FabricConnectionConfig known = config;
        if (known != null && System.currentTimeMillis() - configCheckedAt < CONFIG_CHECK_MILLIS) {
            return known;
        }
        Path path = PortalPaths.fabricConfig();
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
                FabricConnectionConfig read = config;
                LOG.info(() -> "Fabric connection file " + path + ": channel " + read.channel() + ", chaincode "
                        + read.chaincode() + ", " + read.identities().size() + " identities");
            }
            configCheckedAt = System.currentTimeMillis();
            return config;
        }
    }

    /** The event loop and executor of this application's channels, made once from managed threads. */
    private void startGrpcThreads() {
        if (closed) {
            throw new LedgerUnavailableException("the portal is stopping");
        }
        if (eventLoop == null) {
            // Outside a container (tests, tools) nothing injects the managed factory: plain threads then.
            ThreadFactory factory = threadFactory != null ? threadFactory : Executors.defaultThreadFactory();
            grpcExecutor = Executors.newCachedThreadPool(factory);
            eventLoop = new NioEventLoopGroup(2, factory);
        }
    }

    private void answered() {
        if (failuresInARow.get() != 0) {
            failuresInARow.set(0);
        }
    }

    private void failed() {
        if (failuresInARow.incrementAndGet() < RESET_AFTER_FAILURES) {
            return;
        }
        synchronized (lock) {
            int failures = failuresInARow.getAndSet(0);
            if (failures >= RESET_AFTER_FAILURES && !channels.isEmpty()) {
                LOG.info(() -> failures + " ledger calls failed in a row: reconnecting, to each organisation's next peer if it has several");
                moveToNextPeers();
                closeAll();
            }
        }
    }

    /** Drops gateways and channels (they are made again on the next call); the threads stay. */
    private void closeAll() {
        gateways.values().forEach(Gateway::close);
        gateways.clear();
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow();
        }
        channels.clear();
    }

    /** Closes every connection and stops every gRPC thread, waiting for them, before the application's class loader goes. */
    @PreDestroy
    void close() {
        List<ManagedChannel> closing;
        EventLoopGroup loop;
        ExecutorService executor;
        synchronized (lock) {
            closed = true;
            closing = List.copyOf(channels.values());
            closeAll();
            loop = eventLoop;
            executor = grpcExecutor;
            eventLoop = null;
            grpcExecutor = null;
        }
        try {
            for (ManagedChannel channel : closing) {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            }
            if (loop != null) {
                loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
            }
            if (executor != null) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
