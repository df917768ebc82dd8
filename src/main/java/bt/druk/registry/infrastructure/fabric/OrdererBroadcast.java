package bt.druk.registry.infrastructure.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;

/**
 * Sends one envelope to an orderer's AtomicBroadcast.Broadcast (a bidirectional stream: one
 * envelope in, one BroadcastResponse out) over TLS, trusting the orderer organisation's TLS CA.
 * The orderers of deploy/network.sh do not ask for a client certificate on this port.
 *
 * <p>SUCCESS means the orderer accepted the update for ordering: it has validated the read set,
 * versions and mod_policy signatures (common/configtx) and the envelope signature against
 * /Channel/Writers. A refusal comes back as BAD_REQUEST or FORBIDDEN with the validator's reason
 * in {@code info}, which {@link BroadcastRefusedException} carries.
 */
public final class OrdererBroadcast implements AutoCloseable {

    /** The orderer answered with another status than SUCCESS. */
    public static final class BroadcastRefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient BroadcastResponse response;

        BroadcastRefusedException(String endpoint, BroadcastResponse response) {
            super("orderer " + endpoint + " refused the envelope: " + response.getStatus()
                    + (response.getInfo().isEmpty() ? "" : ": " + response.getInfo()));
            this.response = response;
        }

        public BroadcastResponse response() {
            return response;
        }
    }

    private final String endpoint;
    private final ManagedChannel channel;

    /**
     * @param endpoint     host:port of the orderer, e.g. 127.0.0.1:7050
     * @param tlsCaCert    PEM file of the orderer organisation's TLS CA
     * @param hostOverride the name its TLS certificate carries when it differs from the host
     *                     (e.g. localhost), or null
     */
    public OrdererBroadcast(String endpoint, Path tlsCaCert, String hostOverride) throws IOException {
        this.endpoint = endpoint;
        ChannelCredentials credentials = TlsChannelCredentials.newBuilder().trustManager(tlsCaCert.toFile()).build();
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(endpoint, credentials);
        if (hostOverride != null && !hostOverride.isBlank()) {
            builder.overrideAuthority(hostOverride);
        }
        this.channel = builder.build();
    }

    /**
     * Broadcasts {@code envelope} and returns the orderer's SUCCESS response.
     *
     * @throws BroadcastRefusedException when the orderer answers with another status
     * @throws IOException               when the orderer cannot be reached, closes the stream, or
     *                                   does not answer within {@code timeout}
     */
    public BroadcastResponse broadcast(Envelope envelope, Duration timeout) throws BroadcastRefusedException, IOException {
        CompletableFuture<BroadcastResponse> answer = new CompletableFuture<>();
        StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(channel)
                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .broadcast(new StreamObserver<>() {
                    @Override
                    public void onNext(BroadcastResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IOException("orderer " + endpoint + " closed the stream without an answer"));
                    }
                });
        BroadcastResponse response;
        try {
            requests.onNext(envelope);
            response = answer.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            requests.onCompleted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.onError(Status.CANCELLED.asRuntimeException());
            throw new IOException("interrupted while waiting for orderer " + endpoint, e);
        } catch (TimeoutException e) {
            requests.onError(Status.DEADLINE_EXCEEDED.asRuntimeException());
            throw new IOException("orderer " + endpoint + " did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            String reason = cause instanceof StatusRuntimeException status ? status.getStatus().toString() : String.valueOf(cause);
            throw new IOException("broadcast to orderer " + endpoint + " failed: " + reason, cause);
        }
        if (response.getStatus() != org.hyperledger.fabric.protos.common.Status.SUCCESS) {
            throw new BroadcastRefusedException(endpoint, response);
        }
        return response;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
