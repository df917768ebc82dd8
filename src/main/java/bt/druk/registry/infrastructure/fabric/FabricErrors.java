package bt.druk.registry.infrastructure.fabric;

import bt.druk.registry.domain.ledger.SubmissionOutcome;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Tells a chaincode refusal (a message carrying "[CODE] text") from a network problem. Refusals are
 * final, except {@code CLOCK_SKEW}: it says the signer's clock is off, nothing about the record, and a
 * resend signs a fresh timestamp. Anything else is worth retrying.
 */
final class FabricErrors {

    /** The endorser refused the proposal's timestamp: fix the clock, then the same submission goes through. */
    static final String CLOCK_SKEW = "CLOCK_SKEW";

    /**
     * Our chaincode's "[CODE] text" as the peer reports it: "chaincode response 500, [CODE] text". Only
     * there: gRPC's own diagnostics hold bracketed words too ("[closed=[CANCELLED], committed=[…]]"
     * when a call to a killed orderer is cut), and a cut call read as the refusal "CANCELLED" would
     * drop a registration the ledger never judged.
     */
    private static final Pattern CHAINCODE_CODE = Pattern.compile("chaincode response \\d+, \\[([A-Z][A-Z_]+)\\]\\s*(.*)", Pattern.DOTALL);

    private FabricErrors() {
    }

    static SubmissionOutcome classify(GatewayException e) {
        return classify(e.getStatus(), messages(e.getMessage(), e.getDetails()), e);
    }

    static SubmissionOutcome classify(GatewayRuntimeException e) {
        return classify(e.getStatus(), messages(e.getMessage(), e.getDetails()), e);
    }

    /** {@code cause} goes with an Unavailable outcome, so its whole chain can be logged. */
    static SubmissionOutcome classify(Status status, List<String> messages, Exception cause) {
        for (String message : messages) {
            Matcher m = CHAINCODE_CODE.matcher(message);
            if (m.find() && CLOCK_SKEW.equals(m.group(1))) {
                return new SubmissionOutcome.Unavailable("[" + CLOCK_SKEW + "] " + m.group(2).trim(), cause);
            }
            if (m.find(0)) {
                return new SubmissionOutcome.Refused(m.group(1), m.group(2).trim());
            }
        }
        for (String message : messages) {
            if (message.contains("chaincode response")) {
                // The chaincode failed without one of our codes (e.g. a bug): retrying cannot help.
                return new SubmissionOutcome.Refused("CHAINCODE_ERROR", message);
            }
        }
        return new SubmissionOutcome.Unavailable(status.getCode() + ": " + String.join(" | ", messages), cause);
    }

    /**
     * A transaction the peers marked invalid. A read conflict means another transaction changed a
     * key it read; so does an endorsement policy failure here, since our endorsers are chosen from
     * the keys' policies as endorsement found them: a key created meanwhile (say, by an earlier
     * attempt at the same record that reached the orderers late, after an outage) brought a
     * policy of its own. The next attempt re-reads, and finds the record there if it is. Anything
     * else is final.
     */
    static SubmissionOutcome invalidated(String txId, TxValidationCode code) {
        return switch (code) {
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT, ENDORSEMENT_POLICY_FAILURE ->
                    new SubmissionOutcome.Conflict("transaction " + txId + " invalidated: " + code);
            default -> new SubmissionOutcome.Refused("INVALID_TRANSACTION", "The peers marked transaction " + txId + " invalid: " + code);
        };
    }

    private static List<String> messages(String main, List<ErrorDetail> details) {
        List<String> messages = new ArrayList<>();
        for (ErrorDetail d : details) {
            messages.add(d.getMessage());
        }
        if (main != null) {
            messages.add(main);
        }
        return messages;
    }
}
