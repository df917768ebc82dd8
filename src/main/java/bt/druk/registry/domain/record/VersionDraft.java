package bt.druk.registry.domain.record;

import bt.druk.registry.domain.shared.Register;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * What a register hands to the record pipeline for a new version: its register-specific data, the
 * operation's name and how to build the chaincode call once version number and hash are known.
 *
 * @param baseVersion the version the change was computed from (0 for a new record); the pipeline
 *                    refuses the draft if the record moved on meanwhile
 */
public record VersionDraft(
        String recordKey,
        String kind,
        Register register,
        int baseVersion,
        String operation,
        JsonObject data,
        LedgerCall.Factory ledgerCall,
        String submittedBy,
        String office) {

    public VersionDraft {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(ledgerCall, "ledgerCall");
        Objects.requireNonNull(submittedBy, "submittedBy");
    }
}
