package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.RecordWritten;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Reads what the portal needs from a Fabric block: for each endorser transaction its id,
 * timestamp, validation code, the MSP ids of the endorsing peers and its RecordWritten events.
 */
public final class BlockParser {

    static final String EVENT_NAME = "RecordWritten";

    private BlockParser() {
    }

    public static LedgerBlock parse(Block block) {
        long number = block.getHeader().getNumber();
        ByteString filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        List<CommittedTransaction> transactions = new ArrayList<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            try {
                CommittedTransaction tx = parseTransaction(number, block.getData().getData(i),
                        i < filter.size() ? filter.byteAt(i) & 0xff : TxValidationCode.VALID_VALUE);
                if (tx != null) {
                    transactions.add(tx);
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("block " + number + " transaction " + i + " cannot be read", e);
            }
        }
        return new LedgerBlock(number, transactions);
    }

    private static CommittedTransaction parseTransaction(long blockNumber, ByteString envelopeBytes, int validation)
            throws InvalidProtocolBufferException {
        Envelope envelope = Envelope.parseFrom(envelopeBytes);
        Payload payload = Payload.parseFrom(envelope.getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return null; // configuration blocks etc.
        }
        Instant timestamp = Instant.ofEpochSecond(header.getTimestamp().getSeconds(), header.getTimestamp().getNanos());
        TxValidationCode code = TxValidationCode.forNumber(validation);
        String codeName = code == null ? "CODE_" + validation : code.name();
        TreeSet<String> endorsers = new TreeSet<>();
        List<RecordWritten> events = new ArrayList<>();
        Transaction transaction = Transaction.parseFrom(payload.getData());
        for (TransactionAction action : transaction.getActionsList()) {
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            for (Endorsement endorsement : actionPayload.getAction().getEndorsementsList()) {
                endorsers.add(SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid());
            }
            ProposalResponsePayload response = ProposalResponsePayload.parseFrom(actionPayload.getAction().getProposalResponsePayload());
            ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(response.getExtension());
            if (!chaincodeAction.getEvents().isEmpty()) {
                ChaincodeEvent event = ChaincodeEvent.parseFrom(chaincodeAction.getEvents());
                if (EVENT_NAME.equals(event.getEventName())) {
                    events.add(recordWritten(event.getPayload().toString(StandardCharsets.UTF_8), header.getTxId()));
                }
            }
        }
        return new CommittedTransaction(header.getTxId(), blockNumber, timestamp, code == TxValidationCode.VALID, codeName,
                List.copyOf(endorsers), events);
    }

    static RecordWritten recordWritten(String json, String txId) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new RecordWritten(o.getString("kind", null), o.getString("key"), o.getInt("version"), o.getString("hash"),
                    o.getString("txId", txId));
        }
    }
}
