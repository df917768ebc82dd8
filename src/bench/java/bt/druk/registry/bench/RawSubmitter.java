package bt.druk.registry.bench;

import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * Our own fabric-gateway driver: {@code RegisterTitle(key, hash, office, dzongkhag)} as the portal sends it for
 * a land title's first registration (a {@code land-title:} key, a 64-hex SHA-256, the clerk's
 * office from the connection file), signed by a land clerk, {@code inFlight} threads each
 * endorsing, submitting and waiting for the commit status before the next.
 */
final class RawSubmitter implements AutoCloseable {

    /** What one run measured: committed transactions over the time from the first submit to the last commit. */
    record Result(int committed, int failed, double seconds, Latencies latencies, String firstFailure) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : committed / seconds;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Contract contract;
    private final String office;

    private RawSubmitter(ManagedChannel channel, Gateway gateway, Contract contract, String office) {
        this.channel = channel;
        this.gateway = gateway;
        this.contract = contract;
        this.office = office;
    }

    /** Connects as {@code identity} of the connection file to the peer of its own organisation. */
    static RawSubmitter connect(Path connectionFile, String identity) throws IOException, GeneralSecurityException {
        JsonObject root;
        try (Reader in = Files.newBufferedReader(connectionFile, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            root = reader.readObject();
        }
        JsonObject id = root.getJsonObject("identities").getJsonObject(identity);
        if (id == null) {
            throw new IOException("no identity " + identity + " in " + connectionFile);
        }
        String mspId = id.getString("mspId");
        JsonObject peer = root.getJsonObject("peers").getJsonObject(mspId);
        Path folder = connectionFile.toAbsolutePath().getParent();
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(peer.getString("endpoint"),
                TlsChannelCredentials.newBuilder().trustManager(folder.resolve(peer.getString("tlsCaCert")).toFile()).build());
        String host = peer.getString("hostOverride", "");
        if (!host.isBlank()) {
            builder.overrideAuthority(host);
        }
        ManagedChannel channel = builder.build();
        Gateway gateway;
        try (Reader cert = Files.newBufferedReader(folder.resolve(id.getString("certificate")));
             Reader key = Files.newBufferedReader(folder.resolve(id.getString("privateKey")))) {
            gateway = Gateway.newInstance()
                    .identity(new X509Identity(mspId, Identities.readX509Certificate(cert)))
                    .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(key)))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .evaluateOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .commitStatusOptions(o -> o.withDeadlineAfter(2, TimeUnit.MINUTES))
                    .connect();
        }
        Contract contract = gateway.getNetwork(root.getString("channel", "registry")).getContract(root.getString("chaincode", "registry"));
        return new RawSubmitter(channel, gateway, contract, id.getString("office", "THIMPHU"));
    }

    /**
     * Submits new titles {@code land-title:<keyPrefix>-<n>} from {@code inFlight} threads until
     * {@code max} were started or {@code stop} says so, and waits for every one started.
     */
    Result run(String keyPrefix, int inFlight, int max, BooleanSupplier stop) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Latencies latencies = new Latencies();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < inFlight; t++) {
            Thread thread = new Thread(() -> {
                int n;
                while (!stop.getAsBoolean() && (n = next.getAndIncrement()) < max) {
                    long start = System.nanoTime();
                    first.accumulateAndGet(start, Math::min);
                    try {
                        Status status = contract.newProposal("RegisterTitle")
                                .addArguments("land-title:" + keyPrefix + "-" + n, randomSha256(), office, dzongkhagOf(office))
                                .build().endorse().submitAsync().getStatus();
                        long end = System.nanoTime();
                        if (status.isSuccessful()) {
                            committed.incrementAndGet();
                            latencies.add(end - start);
                            last.accumulateAndGet(end, Math::max);
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "tx " + status.getTransactionId() + " " + status.getCode());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
            }, "raw-submit-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = committed.get() == 0 ? 0 : (last.get() - first.get()) / 1e9;
        return new Result(committed.get(), failed.get(), seconds, latencies, firstFailure.get());
    }

    /** Evaluates {@code function} on this identity's own organisation's peer and gives its answer as text. */
    String evaluate(String function, String... args) throws GatewayException {
        return new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
    }

    /** A dzongkhag the office serves in the ledger's built-in table of land offices (the Paro office: Paro; else Thimphu). */
    static String dzongkhagOf(String office) {
        return "PARO".equals(office) ? "Paro" : "Thimphu";
    }

    static String randomSha256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() throws InterruptedException {
        gateway.close();
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
}
