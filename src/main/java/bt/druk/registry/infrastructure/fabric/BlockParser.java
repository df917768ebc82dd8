package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.LedgerBlock;
import bt.druk.registry.domain.ledger.RecordWritten;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
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

    /**
     * Fabric's hash of a block: SHA-256 of the header's ASN.1 DER encoding, a SEQUENCE of the number
     * (INTEGER), the previous block's hash and the data hash (OCTET STRINGs). The next block names it
     * as its previous hash.
     */
    public static byte[] headerHash(BlockHeader header) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        derTo(fields, 0x02, BigInteger.valueOf(header.getNumber()).toByteArray());
        derTo(fields, 0x04, header.getPreviousHash().toByteArray());
        derTo(fields, 0x04, header.getDataHash().toByteArray());
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        derTo(sequence, 0x30, fields.toByteArray());
        try {
            return MessageDigest.getInstance("SHA-256").digest(sequence.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void derTo(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.write(content, 0, content.length);
    }

    public static LedgerBlock parse(Block block) {
        long number = block.getHeader().getNumber();
        ByteString filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        List<CommittedTransaction> transactions = new ArrayList<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            int validation = i < filter.size() ? filter.byteAt(i) & 0xff : TxValidationCode.VALID_VALUE;
            try {
                CommittedTransaction tx = parseTransaction(number, block.getData().getData(i), validation);
                if (tx != null) {
                    transactions.add(tx);
                }
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                if (validation == TxValidationCode.VALID_VALUE) {
                    throw new IllegalStateException("block " + number + " transaction " + i + " cannot be read", e);
                }
                // Any channel member can get bytes of its own making into a block; the peers rejected
                // these, so they wrote nothing, and must not stop the portal from reading the block.
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
                    events.addAll(recordsWritten(event.getPayload().toString(StandardCharsets.UTF_8), header.getTxId()));
                }
            }
        }
        return new CommittedTransaction(header.getTxId(), blockNumber, timestamp, code == TxValidationCode.VALID, codeName,
                List.copyOf(endorsers), events);
    }

    /**
     * The versions one RecordWritten event names: the event's own record, or, where one transaction
     * wrote several (a subdivision), every one in its {@code records} member, in the order written.
     */
    static List<RecordWritten> recordsWritten(String json, String txId) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            String tx = o.getString("txId", txId);
            if (!o.containsKey("records")) {
                return List.of(recordWritten(o, tx));
            }
            return o.getJsonArray("records").getValuesAs(JsonObject.class).stream().map(r -> recordWritten(r, tx)).toList();
        }
    }

    private static RecordWritten recordWritten(JsonObject o, String txId) {
        return new RecordWritten(o.getString("kind", null), o.getString("key"), o.getInt("version"), o.getString("hash"), txId);
    }
}
