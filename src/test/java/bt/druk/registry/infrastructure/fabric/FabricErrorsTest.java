package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.SubmissionOutcome;
import io.grpc.Status;
import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class FabricErrorsTest {

    @Test
    void aChaincodeCodeIsAFinalRefusal() {
        SubmissionOutcome outcome = FabricErrors.classify(Status.ABORTED,
                List.of("evaluate call to endorser returned error: chaincode response 500, [DEADLINE_PASSED] the bid deadline passed"), null);
        SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, outcome);
        assertEquals("DEADLINE_PASSED", refused.code());
    }

    @Test
    void aClockSkewIsRetriedNotHeldAgainstTheRecord() {
        SubmissionOutcome outcome = FabricErrors.classify(Status.ABORTED,
                List.of("chaincode response 500, [CLOCK_SKEW] the proposal timestamp is 121.3 s behind the endorser's clock"), null);
        SubmissionOutcome.Unavailable unavailable = assertInstanceOf(SubmissionOutcome.Unavailable.class, outcome);
        assertTrue(unavailable.reason().contains("CLOCK_SKEW"), unavailable.reason());
    }

    @Test
    void anEndorsementPolicyFailureIsAConflictTheNextAttemptReReads() {
        // HostsNetworkIT: a registration's retry, endorsed while the key was absent, validated after an earlier
        // attempt of the same record had created it with the key's own policy: not a refusal of the record
        SubmissionOutcome.Conflict conflict = assertInstanceOf(SubmissionOutcome.Conflict.class,
                FabricErrors.invalidated("cfa5f751", TxValidationCode.ENDORSEMENT_POLICY_FAILURE));
        assertTrue(conflict.reason().contains("cfa5f751") && conflict.reason().contains("ENDORSEMENT_POLICY_FAILURE"), conflict.reason());
        assertInstanceOf(SubmissionOutcome.Conflict.class, FabricErrors.invalidated("t", TxValidationCode.MVCC_READ_CONFLICT));
        assertInstanceOf(SubmissionOutcome.Conflict.class, FabricErrors.invalidated("t", TxValidationCode.PHANTOM_READ_CONFLICT));
    }

    @Test
    void otherInvalidTransactionsAreFinal() {
        for (TxValidationCode code : List.of(TxValidationCode.BAD_CREATOR_SIGNATURE, TxValidationCode.INVALID_OTHER_REASON)) {
            SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, FabricErrors.invalidated("t", code));
            assertEquals("INVALID_TRANSACTION", refused.code());
            assertTrue(refused.message().contains(code.name()), refused.message());
        }
    }

    @Test
    void aNetworkFailureIsRetried() {
        assertInstanceOf(SubmissionOutcome.Unavailable.class,
                FabricErrors.classify(Status.UNAVAILABLE, List.of("connection refused"), null));
    }

    @Test
    void aCallCutByTheTransportIsRetriedThoughItsDiagnosticsHoldABracketedWord() {
        // what the portal got when the Raft leader was killed under load: gRPC's insight, not a chaincode code
        SubmissionOutcome outcome = FabricErrors.classify(Status.CANCELLED,
                List.of("io.grpc.StatusRuntimeException: CANCELLED: RST_STREAM closed stream. HTTP/2 error code: CANCEL"
                        + " [closed=[CANCELLED], committed=[remote_addr=/127.0.0.1:7051]]"), null);
        assertInstanceOf(SubmissionOutcome.Unavailable.class, outcome);
    }
}
