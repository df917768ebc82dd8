package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.RecordWritten;
import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

/** The RecordWritten event as the chaincode emits it (chaincode/README.md, "Event"). */
class BlockParserTest {

    @Test
    void anEventNamesItsOneRecord() {
        assertEquals(List.of(new RecordWritten("land-title", "land-title:P-1", 2, "ab", "tx-1")), BlockParser.recordsWritten(
                "{\"hash\":\"ab\",\"key\":\"land-title:P-1\",\"kind\":\"land-title\",\"txId\":\"tx-1\",\"version\":2}", "tx-0"));
    }

    @Test
    void aSubdivisionsEventNamesEveryVersionItWroteInOrder() {
        String event = "{\"hash\":\"p2\",\"key\":\"land-title:PIN-200\",\"kind\":\"land-title\",\"records\":["
                + "{\"hash\":\"p2\",\"key\":\"land-title:PIN-200\",\"kind\":\"land-title\",\"version\":2},"
                + "{\"hash\":\"c1\",\"key\":\"land-title:PIN-201\",\"kind\":\"land-title\",\"version\":1},"
                + "{\"hash\":\"c2\",\"key\":\"land-title:PIN-202\",\"kind\":\"land-title\",\"version\":1}],"
                + "\"txId\":\"tx-9\",\"version\":2}";
        assertEquals(List.of(new RecordWritten("land-title", "land-title:PIN-200", 2, "p2", "tx-9"),
                new RecordWritten("land-title", "land-title:PIN-201", 1, "c1", "tx-9"),
                new RecordWritten("land-title", "land-title:PIN-202", 1, "c2", "tx-9")), BlockParser.recordsWritten(event, "tx-0"));
    }

    @Test
    void aRejectedTransactionOfGarbageIsPassedOver() {
        Block block = blockOf(TxValidationCode.INVALID_ENDORSER_TRANSACTION, TxValidationCode.VALID);
        List<CommittedTransaction> read = BlockParser.parse(block).transactions();
        assertEquals(1, read.size());
        assertEquals("tx-1", read.get(0).txId());
    }

    @Test
    void aValidTransactionThatCannotBeReadStopsTheReader() {
        assertThrows(IllegalStateException.class, () -> BlockParser.parse(blockOf(TxValidationCode.VALID, TxValidationCode.VALID)));
    }

    /** Transaction 0: one action whose payload is not a chaincode action; transaction 1: no action. */
    private static Block blockOf(TxValidationCode first, TxValidationCode second) {
        Transaction garbage = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}))).build();
        return Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(7))
                .setData(BlockData.newBuilder().addData(envelope("tx-0", garbage)).addData(envelope("tx-1", Transaction.getDefaultInstance())))
                .setMetadata(BlockMetadata.newBuilder().addMetadata(ByteString.EMPTY).addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(new byte[] {(byte) first.getNumber(), (byte) second.getNumber()})))
                .build();
    }

    private static ByteString envelope(String txId, Transaction transaction) {
        ChannelHeader header = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE).setTxId(txId).build();
        return Envelope.newBuilder().setPayload(Payload.newBuilder().setHeader(Header.newBuilder().setChannelHeader(header.toByteString()))
                .setData(transaction.toByteString()).build().toByteString()).build().toByteString();
    }
}
