package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bt.druk.registry.infrastructure.fabric.FabricConnectionConfig;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A channel member's own fabric-gateway client sends envelopes the portal never would, each in the
 * same block as (and just before) a mortgage on a title. Fabric 3.1.1's peers stopped for good at such
 * a block: a transaction rejected before the validation plugins was still waited for as a key-level
 * dependency, one with no action crashed the dependency scan, and one with an unreadable action never
 * had its dependencies reported. The peers we build carry our fix
 * ({@code deploy/lib/fabric-patches}); here the mortgage commits and the ledger goes on.
 */
class ForgedEnvelopesIT {

    private static final Path CONNECTION = NetworkScript.connectionFile();
    /** Tries to get the forged envelope and the mortgage into one block (the orderer cuts every 500 ms). */
    private static final int ATTEMPTS = 3;

    private static ManagedChannel channel;
    private static Gateway gateway;
    private static Network network;
    private static Contract contract;
    private static GatewaySubmitMain.Credentials clerk;

    @BeforeAll
    static void connect() throws Exception {
        NetworkScript.ensureUp();
        FabricConnectionConfig config = FabricConnectionConfig.read(CONNECTION);
        clerk = GatewaySubmitMain.credentials(config, "land.clerk");
        channel = GatewaySubmitMain.channelTo(config.peersByMsp().get(clerk.mspId()));
        gateway = Gateway.newInstance().identity(new X509Identity(clerk.mspId(), clerk.certificate())).signer(clerk.signer())
                .connection(channel).commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS)).connect();
        network = gateway.getNetwork(config.channel());
        contract = network.getContract(config.chaincode());
    }

    @AfterAll
    static void close() throws InterruptedException {
        gateway.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aReplayedRegistrationBesideAMortgageStopsNoPeer() throws Exception {
        assertEachPeerGoesOn("REPLAY", (key, hash) -> {
            Transaction title = titleRegistration(key, hash);
            byte[] envelope = title.getBytes();
            byte[] signature = clerk.signer().sign(title.getDigest());
            assertTrue(title.submitAsync().getStatus().isSuccessful(), "the registration itself commits");
            // the committed envelope again: same transaction id, signed anew
            return new Forged(() -> gateway.newSignedTransaction(envelope, signature).submitAsync(),
                    title.getTransactionId(), TxValidationCode.DUPLICATE_TXID);
        });
    }

    @Test
    void anEnvelopeWithNoActionBesideAMortgageStopsNoPeer() throws Exception {
        assertEachPeerGoesOn("NOACTION", (key, hash) -> forgedBody(key, hash, org.hyperledger.fabric.protos.peer.Transaction.getDefaultInstance()));
    }

    @Test
    void anEnvelopeWithAnUnreadableActionBesideAMortgageStopsNoPeer() throws Exception {
        var unreadable = org.hyperledger.fabric.protos.peer.Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}))).build();
        assertEachPeerGoesOn("UNREADABLE", (key, hash) -> forgedBody(key, hash, unreadable));
    }

    /** Registers the title, then forges an endorser transaction with that body, signed by the clerk. */
    private static Forged forgedBody(String key, String hash, org.hyperledger.fabric.protos.peer.Transaction body) throws Exception {
        assertTrue(titleRegistration(key, hash).submitAsync().getStatus().isSuccessful(), "the registration commits");
        PreparedTransaction forged = envelopeWith(body);
        Envelope signed = forged.getEnvelope().toBuilder()
                .setSignature(ByteString.copyFrom(clerk.signer().sign(sha256(forged.getEnvelope().getPayload().toByteArray()))))
                .build();
        // straight to the gateway service: the client library refuses to send what has no proposal response
        return new Forged(() -> GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .submit(SubmitRequest.newBuilder().setTransactionId(forged.getTransactionId())
                        .setChannelId(network.getName()).setPreparedTransaction(signed).build()),
                forged.getTransactionId(), TxValidationCode.INVALID_ENDORSER_TRANSACTION);
    }

    private record Forged(Sender sender, String transactionId, TxValidationCode expectedCode) {
    }

    private interface Sender {
        void send() throws Exception;
    }

    private interface Forger {
        Forged registerThenForge(String key, String hash) throws Exception;
    }

    /**
     * Registers a title, sends the forged envelope, then a mortgage on that title at once; passes when
     * the mortgage commits and, in one attempt at least, the forged envelope was invalidated in the
     * mortgage's own block. Afterwards a new registration must commit too.
     */
    private static void assertEachPeerGoesOn(String label, Forger forger) throws Exception {
        boolean sharedABlock = false;
        for (int attempt = 1; attempt <= ATTEMPTS && !sharedABlock; attempt++) {
            String key = "land-title:" + label + "-" + System.nanoTime();
            String first = NetworkScript.sha256(key + " v1");
            Forged forged = forger.registerThenForge(key, first);
            Transaction mortgage = contract.newProposal("RegisterMortgage")
                    .addArguments(key, "2", NetworkScript.sha256(key + " v2"), first, "M-" + label).build().endorse();
            forged.sender().send();
            SubmittedTransaction sent = mortgage.submitAsync();
            Status status;
            try {
                status = sent.getStatus();
            } catch (CommitStatusException e) {
                fail("the peers stopped: no commit status for the mortgage within 60 s after " + label + " (" + e.getStatus().getCode() + ")");
                return;
            }
            assertTrue(status.isSuccessful(), "the mortgage is valid, got " + status.getCode());
            Optional<TxValidationCode> forgedCode = codeInBlock(status.getBlockNumber(), forged.transactionId());
            forgedCode.ifPresent(code -> assertEquals(forged.expectedCode(), code));
            sharedABlock = forgedCode.isPresent();
            assertTrue(NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", key).output().contains("\"version\":2"),
                    "the auditor's peer has the mortgage");
        }
        assertTrue(sharedABlock, "in " + ATTEMPTS + " attempts the forged envelope never shared a block with the mortgage");
        String later = "land-title:" + label + "-AFTER-" + System.nanoTime();
        assertTrue(titleRegistration(later, NetworkScript.sha256(later)).submitAsync().getStatus().isSuccessful(),
                "a later registration commits");
    }

    /** A Thimphu title's first registration, endorsed and not yet sent. */
    private static Transaction titleRegistration(String key, String hash) throws EndorseException {
        return contract.newProposal("RegisterTitle").addArguments(key, hash, "THIMPHU", "Thimphu").build().endorse();
    }

    /**
     * The validation code of the transaction in that block, read through the peer's qscc. Not
     * BlockParser: it passes over a rejected transaction it cannot read, which is what this looks for.
     */
    private static Optional<TxValidationCode> codeInBlock(long blockNumber, String transactionId) throws Exception {
        Block block = Block.parseFrom(network.getContract("qscc")
                .evaluateTransaction("GetBlockByNumber", network.getName(), Long.toString(blockNumber)));
        ByteString filter = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE);
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
            if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId().equals(transactionId)) {
                return Optional.of(TxValidationCode.forNumber(filter.byteAt(i)));
            }
        }
        return Optional.empty();
    }

    /** An endorser transaction of the clerk's with that body (unsigned). */
    private static PreparedTransaction envelopeWith(org.hyperledger.fabric.protos.peer.Transaction body) throws Exception {
        byte[] nonce = new byte[24];
        new SecureRandom().nextBytes(nonce);
        ByteString creator = SerializedIdentity.newBuilder().setMspid(clerk.mspId())
                .setIdBytes(ByteString.copyFrom(Identities.toPemString(clerk.certificate()), StandardCharsets.UTF_8))
                .build().toByteString();
        String txId = HexFormat.of().formatHex(sha256(nonce, creator.toByteArray()));
        Instant now = Instant.now();
        ChannelHeader header = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(network.getName()).setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())).build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(header.toByteString())
                        .setSignatureHeader(SignatureHeader.newBuilder().setCreator(creator).setNonce(ByteString.copyFrom(nonce))
                                .build().toByteString()))
                .setData(body.toByteString()).build();
        return PreparedTransaction.newBuilder().setTransactionId(txId)
                .setEnvelope(Envelope.newBuilder().setPayload(payload.toByteString())).build();
    }

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
