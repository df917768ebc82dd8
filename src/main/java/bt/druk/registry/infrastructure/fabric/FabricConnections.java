package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.infrastructure.config.PortalPaths;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * The connections to the Fabric network of the connection file written by deploy/network.sh
 * ({@code druk.fabric.config} / DRUK_FABRIC_CONFIG): one gRPC channel per peer endpoint, one Gateway
 * per identity (signing with its PEM files or its organisation's PKCS#11 token), all dropped when
 * the file changes (a re-created network has new certificates).
 *
 * <p>This is the one owner of every gRPC resource of the application: its channels run on an event
 * loop and an executor made here from the server's managed thread factory, not on grpc-java's
 * JVM-wide shared ones, and {@link #close()} shuts them all down and waits. So no gRPC thread
 * outlives the application's class loader (grpc/grpc-java #9510, #4893: shared event-loop threads
 * that load classes through a closed loader fail for the life of the JVM). Outside a container
 * whoever makes an instance closes it. After {@link #RESET_AFTER_FAILURES} failed calls in a row
 * ({@link #failed()}) it drops its gateways and channels and connects afresh (to each organisation's
 * next peer where it has several: {@link PeerFailover}), so a peer that went away and came back is
 * found again.
 */
@ApplicationScoped
public class FabricConnections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FabricConnections.class.getName());

    /** Failed calls in a row after which gateways and channels are rebuilt. */
    static final int RESET_AFTER_FAILURES = 3;
    /** Fabric peers refuse pings more often than their keepalive minInterval (60 s by default). */
    private static final long KEEPALIVE_SECONDS = 90;
    /** Blocks can be as large as the orderer's BatchSize.AbsoluteMaxBytes (10 MB in deploy/network.sh), plus envelope. */
    private static final int MAX_INBOUND_BYTES = 16 * 1024 * 1024;
    /** How often the connection file's modification time is looked at (not on every call: many calls run at once). */
    private static final long CONFIG_CHECK_MILLIS = 1000;

    @Resource
    ManagedThreadFactory threadFactory;

    /** Where the connection file is: the portal's setting, or the file a tool connects with. */
    private final Supplier<Path> connectionFile;

    public FabricConnections() {
        this.connectionFile = PortalPaths::fabricConfig;
    }

    /** Connections to the network of {@code connectionFile}, whatever the portal's setting names (tools, tests). */
    public FabricConnections(Path connectionFile) {
        this.connectionFile = () -> connectionFile;
    }

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
    /** Which peer of each organisation the channels go to. Guarded by {@link #lock}. */
    private final PeerFailover peers = new PeerFailover();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

    /** The identity is not in the connection file: no amount of retrying helps. */
    static final class UnknownIdentityException extends RuntimeException {
        UnknownIdentityException(String message) {
            super(message);
        }
    }

    /** The channel as the named identity sees it, through that identity's gateway (connected on first use). */
    Network networkAs(String identityName) {
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

    /**
     * Forgets the gateway of an identity whose certificate was renewed: the next call connects with the
     * certificate now in the token. Calls in flight finish on the old one (closing a gateway that was
     * given its channel releases nothing, and the channels stay).
     */
    void dropGateway(String identityName) {
        // Under the lock: a gateway being connected meanwhile could still hold the old certificate.
        synchronized (lock) {
            Gateway gateway = gateways.remove(identityName);
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    /** A call over these connections reached the ledger (an answer or a refusal): the count towards a reset starts again. */
    void answered() {
        if (failuresInARow.get() != 0) {
            failuresInARow.set(0);
        }
    }

    /** A call over these connections failed; the {@link #RESET_AFTER_FAILURES}th in a row drops them all and moves to the next peers. */
    void failed() {
        if (failuresInARow.incrementAndGet() < RESET_AFTER_FAILURES) {
            return;
        }
        synchronized (lock) {
            int failures = failuresInARow.getAndSet(0);
            if (failures >= RESET_AFTER_FAILURES && !channels.isEmpty()) {
                LOG.info(() -> failures + " ledger calls failed in a row: reconnecting, to each organisation's next peer if it has several");
                peers.moveToNextPeers();
                closeAll();
            }
        }
    }

    /** The tokens the identities sign with, so that an identity enrolled into one signs at once. */
    Pkcs11Tokens signingTokens() {
        FabricConnectionConfig cfg = currentConfig();
        synchronized (lock) {
            return tokens(cfg);
        }
    }

    /** The connection file, re-read (and all connections dropped) when it changes. */
    FabricConnectionConfig currentConfig() {
        FabricConnectionConfig known = config;
        if (known != null && System.currentTimeMillis() - configCheckedAt < CONFIG_CHECK_MILLIS) {
            return known;
        }
        Path path = connectionFile.get();
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
                    .evaluateOptions(options -> options.withDeadlineAfter(5, TimeUnit.SECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(15, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(5, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(1, TimeUnit.MINUTES))
                    .connect();
        } catch (IOException | GeneralSecurityException e) {
            throw new LedgerUnavailableException("cannot read the credentials of " + identityName + ": " + e.getMessage(), e);
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
        String endpoint = peers.reachableEndpoint(peer);
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

    /** Drops gateways and channels (they are made again on the next call); the threads stay. */
    private void closeAll() {
        gateways.values().forEach(Gateway::close);
        gateways.clear();
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow();
        }
        channels.clear();
    }

    /**
     * Closes every connection and stops every gRPC thread, waiting for them, before the application's
     * class loader goes; no connection is made afterwards. The container calls it when the application
     * stops, code outside a container when it is done with the ledger.
     */
    @PreDestroy
    @Override
    public void close() {
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
