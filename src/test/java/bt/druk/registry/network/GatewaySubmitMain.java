package bt.druk.registry.network;

import bt.druk.registry.infrastructure.fabric.FabricConnectionConfig;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * One fabric-gateway submit from a JVM of its own, so that a test can run it under {@code faketime}:
 * the gateway client stamps the proposal with this JVM's clock, exactly as the portal would.
 * <pre>
 * java -cp &lt;test class path&gt; bt.druk.registry.network.GatewaySubmitMain &lt;connection.json&gt; &lt;identity&gt; &lt;function&gt; [args...]
 * </pre>
 * Prints {@code CLOCK <this JVM's Instant.now()>}, then one of {@code COMMITTED <txId> <result>},
 * {@code REFUSED <CODE> <message>} (the chaincode's {@code [CODE]}) or {@code FAILED <error>}.
 * Exit status 0 for COMMITTED or REFUSED, 2 for FAILED.
 */
public final class GatewaySubmitMain {

    private static final Pattern CODE = Pattern.compile("\\[([A-Z][A-Z_]+)\\]\\s*(.*)", Pattern.DOTALL);

    private GatewaySubmitMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GatewaySubmitMain <connection.json> <identity> <function> [args...]");
            System.exit(64);
        }
        System.out.println("CLOCK " + Instant.now());
        String outcome = submit(Path.of(args[0]), args[1], args[2], Arrays.copyOfRange(args, 3, args.length));
        System.out.println(outcome);
        System.out.flush();
        System.exit(outcome.startsWith("FAILED") ? 2 : 0);
    }

    record Credentials(String mspId, java.security.cert.X509Certificate certificate, org.hyperledger.fabric.client.identity.Signer signer) {
    }

    /**
     * The PEM copy of an identity the connection file names; else the key of that name in an
     * organisation's token (a staff member's own identity: an insider who can use the token).
     */
    static Credentials credentials(FabricConnectionConfig config, String name) throws Exception {
        var named = config.identity(name);
        if (named.isPresent()) {
            try (Reader cert = Files.newBufferedReader(named.get().certificate(), StandardCharsets.UTF_8);
                    Reader key = Files.newBufferedReader(named.get().privateKey(), StandardCharsets.UTF_8)) {
                return new Credentials(named.get().mspId(), Identities.readX509Certificate(cert),
                        Signers.newPrivateKeySigner(Identities.readPrivateKey(key)));
            }
        }
        for (FabricConnectionConfig.Token token : config.tokens().values()) {
            var open = bt.druk.registry.infrastructure.fabric.Pkcs11Tokens.open(token);
            if (open.keyStore().isKeyEntry(name)) {
                return new Credentials(token.mspId(), (java.security.cert.X509Certificate) open.keyStore().getCertificate(name),
                        new bt.druk.registry.infrastructure.fabric.HsmSigner(
                                (java.security.PrivateKey) open.keyStore().getKey(name, null), open.provider()));
            }
        }
        throw new IllegalArgumentException("no identity " + name + " in the connection file or a token");
    }

    /** A TLS channel to the peer's first endpoint, as the portal opens one. */
    static ManagedChannel channelTo(FabricConnectionConfig.Peer peer) throws java.io.IOException {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(peer.endpoints().get(0),
                TlsChannelCredentials.newBuilder().trustManager(peer.tlsCaCert().toFile()).build());
        if (peer.hostOverride() != null) {
            builder.overrideAuthority(peer.hostOverride());
        }
        return builder.build();
    }

    public static String submit(Path connection, String identityName, String function, String[] arguments) {
        ManagedChannel channel = null;
        try {
            FabricConnectionConfig config = FabricConnectionConfig.read(connection);
            Credentials id = credentials(config, identityName);
            channel = channelTo(config.peersByMsp().get(id.mspId()));
            try (Gateway gateway = Gateway.newInstance()
                            .identity(new X509Identity(id.mspId(), id.certificate()))
                            .signer(id.signer())
                            .connection(channel)
                            .endorseOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                            .submitOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                            .commitStatusOptions(options -> options.withDeadlineAfter(1, TimeUnit.MINUTES))
                            .connect()) {
                Contract contract = gateway.getNetwork(config.channel()).getContract(config.chaincode());
                SubmittedTransaction submitted = contract.newProposal(function).addArguments(arguments).build()
                        .endorse().submitAsync();
                Status status = submitted.getStatus();
                if (!status.isSuccessful()) {
                    return "FAILED transaction " + status.getTransactionId() + " invalid: " + status.getCode();
                }
                return "COMMITTED " + status.getTransactionId() + " "
                        + new String(submitted.getResult(), StandardCharsets.UTF_8);
            }
        } catch (GatewayException e) {
            List<String> messages = new ArrayList<>();
            for (ErrorDetail detail : e.getDetails()) {
                messages.add(detail.getMessage());
            }
            messages.add(String.valueOf(e.getMessage()));
            for (String message : messages) {
                Matcher m = CODE.matcher(message);
                if (m.find()) {
                    return "REFUSED " + m.group(1) + " " + m.group(2).replace('\n', ' ');
                }
            }
            return "FAILED " + String.join(" | ", messages).replace('\n', ' ');
        } catch (Exception e) {
            return "FAILED " + e;
        } finally {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
    }
}
