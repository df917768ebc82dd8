package bt.druk.registry.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

/** How the verifier reads a processed transaction as qscc returns it (the same protobuf layers a block holds). */
class GatewayLedgerReaderTest {

    static ProcessedTransaction processed(int validationCode, String... endorsers) {
        ChaincodeEndorsedAction.Builder action = ChaincodeEndorsedAction.newBuilder();
        for (String msp : endorsers) {
            action.addEndorsements(Endorsement.newBuilder()
                    .setEndorser(SerializedIdentity.newBuilder().setMspid(msp).setIdBytes(ByteString.copyFromUtf8("cert of " + msp))
                            .build().toByteString()));
        }
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder()
                        .setPayload(ChaincodeActionPayload.newBuilder().setAction(action).build().toByteString()))
                .build();
        ChannelHeader header = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId("registry")
                .setTxId("ab12")
                .setTimestamp(Timestamp.newBuilder().setSeconds(1_795_000_000L).setNanos(5_000))
                .setExtension(ChaincodeHeaderExtension.newBuilder()
                        .setChaincodeId(ChaincodeID.newBuilder().setName("registry")).build().toByteString())
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(header.toByteString()))
                .setData(transaction.toByteString())
                .build();
        return ProcessedTransaction.newBuilder()
                .setTransactionEnvelope(Envelope.newBuilder().setPayload(payload.toByteString()))
                .setValidationCode(validationCode)
                .build();
    }

    @Test
    void readsIdChannelChaincodeTimeValidationAndTheEndorsingOrganisations() throws InvalidProtocolBufferException {
        LedgerTransaction tx = GatewayLedgerReader.read(42, processed(TxValidationCode.VALID_VALUE, "JusticeMSP", "AuditMSP"));

        assertEquals("ab12", tx.txId());
        assertEquals(42, tx.blockNumber());
        assertEquals("registry", tx.channel());
        assertEquals("registry", tx.chaincode());
        assertEquals(Instant.ofEpochSecond(1_795_000_000L, 5_000), tx.timestamp());
        assertEquals(List.of("AuditMSP", "JusticeMSP"), tx.endorsingMspIds());
        assertTrue(tx.valid());
    }

    @Test
    void namesTheValidationCodeOfARejectedTransaction() throws InvalidProtocolBufferException {
        LedgerTransaction tx = GatewayLedgerReader.read(7, processed(TxValidationCode.ENDORSEMENT_POLICY_FAILURE_VALUE, "LandMSP"));

        assertEquals("ENDORSEMENT_POLICY_FAILURE", tx.validationCode());
        assertFalse(tx.valid());
        assertEquals(List.of("LandMSP"), tx.endorsingMspIds());
    }

    @Test
    void refusesBytesThatAreNotATransaction() {
        ProcessedTransaction garbage = ProcessedTransaction.newBuilder()
                .setTransactionEnvelope(Envelope.newBuilder().setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff, 0x01, 0x02})))
                .build();
        org.junit.jupiter.api.Assertions.assertThrows(InvalidProtocolBufferException.class, () -> GatewayLedgerReader.read(1, garbage));
    }
}
