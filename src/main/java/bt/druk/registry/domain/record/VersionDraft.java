package bt.druk.registry.domain.record;

import bt.druk.registry.domain.shared.Register;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What a register hands to the record pipeline for a new version: its register-specific data, the
 * operation's name, what the ledger will hold for it and how to build the chaincode call once
 * version number and ledger hash are known.
 *
 * @param data        public register data: people appear in it only as {@link Party#commitment() commitments}
 * @param parties     every party whose commitment the data holds; stored off the hashed record
 * @param baseVersion the version the change was computed from (0 for a new record); the pipeline
 *                    refuses the draft if the record moved on meanwhile
 * @param imprint     what the ledger holds for this version ({@link LedgerImprint#DOCUMENT} for most)
 */
public record VersionDraft(
        RecordKey key,
        Register register,
        int baseVersion,
        String operation,
        JsonObject data,
        List<Party> parties,
        LedgerImprint imprint,
        LedgerCall.Factory ledgerCall,
        String submittedBy,
        String office) {

    public VersionDraft {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(data, "data");
        parties = List.copyOf(parties);
        Objects.requireNonNull(imprint, "imprint");
        Objects.requireNonNull(ledgerCall, "ledgerCall");
        Objects.requireNonNull(submittedBy, "submittedBy");
    }

    /**
     * The ledger call of a draft stored with others by one call ({@code RecordPipeline.appendTogether}),
     * which builds that call itself: this one is never built.
     */
    public static final LedgerCall.Factory WRITTEN_TOGETHER = (key, version, hash, previousHash) -> {
        throw new IllegalStateException(key + " v" + version + " is written together with other records, not alone");
    };

    public String recordKey() {
        return key.toString();
    }

    public String kind() {
        return key.kind();
    }
}
