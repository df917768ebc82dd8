package bt.druk.registry.network;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.Transaction;

/** Reads a committed transaction from the ledger (qscc, on the auditor's peer) to see who signed and endorsed it. */
public final class LedgerTransactions {

    /** @param creatorMsp and {@code creatorCertificate} (PEM): the identity that signed the transaction */
    public record Committed(int validationCode, List<String> endorsingMsps, String creatorMsp, String creatorCertificate) {
    }

    private static final Pattern HEX_LINE = Pattern.compile("(?m)^([0-9a-f]{64,})\\s*$");

    private LedgerTransactions() {
    }

    public static Committed read(String txId) {
        return parse(NetworkScript.runOrFail("transaction", txId).output());
    }

    /** The transaction as a network of a test's own committed it. */
    public static Committed read(IsolatedNetwork network, String txId) {
        return parse(network.runOrFail("transaction", txId).output());
    }

    private static Committed parse(String output) {
        Matcher matcher = HEX_LINE.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("no transaction bytes in: " + output);
        }
        try {
            ProcessedTransaction processed = ProcessedTransaction.parseFrom(HexFormat.of().parseHex(matcher.group(1)));
            Payload payload = Payload.parseFrom(processed.getTransactionEnvelope().getPayload());
            SerializedIdentity creator = SerializedIdentity.parseFrom(
                    SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()).getCreator());
            Transaction transaction = Transaction.parseFrom(payload.getData());
            ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
            List<String> msps = new ArrayList<>();
            for (Endorsement endorsement : action.getAction().getEndorsementsList()) {
                msps.add(SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid());
            }
            return new Committed(processed.getValidationCode(), msps, creator.getMspid(), creator.getIdBytes().toStringUtf8());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("unreadable transaction in: " + output, e);
        }
    }
}
