package bt.druk.registry.verifier;

import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleVerification;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The checks of a proof file, each reported as it is made: first what needs no ledger (the file
 * parses, the document's hash, the tie of the document to the record's ledger hash), then what the
 * inspector's peer holds now (the write of that hash by that transaction, the record's status, the
 * transaction's block, validation code and endorsers). Nothing the proof says about the ledger is
 * taken as true until the peer has said it too.
 */
public final class ProofVerifier {

    public enum Outcome { PASS, FAIL, SKIP }

    /** One line of the report. */
    public record Check(String name, Outcome outcome, String sentence) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    public static final String PROOF_FILE = "proof file";
    public static final String FILE_HASH = "file hash";
    public static final String OFFLINE = "offline tie";
    public static final String LEDGER_ENTRY = "ledger entry";
    public static final String DOCUMENT_HASH = "document hash";
    public static final String STATUS = "status now";
    public static final String TRANSACTION = "transaction";
    public static final String ENDORSERS = "endorsers";

    private final Consumer<Check> report;
    private final List<Check> checks = new ArrayList<>();

    public ProofVerifier(Consumer<Check> report) {
        this.report = report;
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.outcome() == Outcome.FAIL).toList();
    }

    /** Reads the proof file's text; empty (and a failed check listing every error) if it is not a proof. */
    public Optional<ProofReceipt> readProof(String text) {
        try {
            ProofReceipt proof = ProofReceipt.parse(text);
            pass(PROOF_FILE, "a " + ProofReceipt.FORMAT + " proof that document " + proof.sha256() + " is a "
                    + proof.foundAs().code() + " of " + proof.recordKey() + " version " + proof.version()
                    + ", issued " + proof.issuedAt() + " by " + proof.issuer());
            return Optional.of(proof);
        } catch (ValidationException e) {
            List<String> problems = new ArrayList<>();
            for (FieldError error : e.errors()) {
                problems.add(error.field() + ": " + error.message() + " [" + error.code() + "]");
            }
            fail(PROOF_FILE, "not a usable proof file: " + String.join("; ", problems));
            return Optional.empty();
        }
    }

    /** The document the inspector holds is the one the proof is for ({@code fileSha256} empty: no file given). */
    public void checkFile(ProofReceipt proof, Optional<String> fileName, Optional<String> fileSha256) {
        if (fileSha256.isEmpty()) {
            add(FILE_HASH, Outcome.SKIP, "no --file given: the checks below are for the document whose SHA-256 the proof"
                    + " names, " + proof.sha256());
        } else if (fileSha256.get().equals(proof.sha256())) {
            pass(FILE_HASH, fileName.orElse("the file") + " hashes to " + fileSha256.get() + ", the document of the proof");
        } else {
            fail(FILE_HASH, fileName.orElse("the file") + " hashes to " + fileSha256.get() + ", but the proof is for the"
                    + " document " + proof.sha256() + ": this is not the document the proof is about");
        }
    }

    /** The ties between the document and the record's ledger hash that need no ledger. */
    public void checkOffline(ProofReceipt proof) {
        MerkleVerification result = proof.offlineCheck();
        if (!result.ok()) {
            fail(OFFLINE, result.reason() + " [" + result.code() + "]");
            return;
        }
        switch (proof.foundAs()) {
            case NOTARISATION -> pass(OFFLINE, "nothing to tie offline: a notarisation names its document in the"
                    + " ledger entry's documentHash, checked on the ledger below");
            case RECORD_DOCUMENT -> pass(OFFLINE, "the document is the record version's own JSON: its SHA-256 is the"
                    + " record's ledger hash");
            case BATCH_MEMBER -> {
                InclusionProof inclusion = proof.inclusion().orElseThrow();
                pass(OFFLINE, "the Merkle audit path (" + inclusion.auditPath().size() + " hashes, RFC 9162) leads from the"
                        + " document, leaf " + inclusion.leafIndex() + " of " + inclusion.treeSize() + ", to the root "
                        + inclusion.root() + ", the anchor's ledger hash");
            }
            case TENDER_DOCUMENT, BID -> pass(OFFLINE, "the record document in the proof hashes to the record's ledger"
                    + " hash and names the document");
        }
    }

    /**
     * The ledger as {@code ledger} reads it now: the write, the document's tie (notarisations), the
     * status, the transaction and its endorsers.
     *
     * @throws LedgerReadException if the peer cannot be read (checks made so far stay reported)
     */
    public void checkLedger(ProofReceipt proof, LedgerReader ledger) {
        Optional<JsonObject> entry = checkWrite(proof, ledger);
        if (proof.foundAs() == FoundAs.NOTARISATION) {
            checkDocumentHash(proof, entry);
        }
        checkStatus(proof, ledger);
        Optional<LedgerTransaction> transaction = checkTransaction(proof, ledger);
        checkEndorsers(proof, transaction);
    }

    private Optional<JsonObject> checkWrite(ProofReceipt proof, LedgerReader ledger) {
        String key = proof.recordKey();
        Optional<String> answer = ledger.history(key);
        if (answer.isEmpty()) {
            fail(LEDGER_ENTRY, "the ledger has no record " + key + " (GetHistory on " + ledger.source() + ": NOT_FOUND)");
            return Optional.empty();
        }
        JsonArray history = json(answer.get(), "GetHistory(" + key + ")", JsonValue.ValueType.ARRAY).asJsonArray();
        JsonObject write = null;
        JsonObject atVersion = null;
        for (JsonValue item : history) {
            if (!(item instanceof JsonObject o)) {
                throw new LedgerReadException("the peer's answer to GetHistory(" + key + ") holds " + item + ", not a write");
            }
            JsonObject value = o.get("value") instanceof JsonObject v ? v : null;
            if (proof.txId().equals(o.getString("txId", null))) {
                write = o;
            }
            if (value != null && value.getInt("version", -1) == proof.version()) {
                atVersion = o;
            }
        }
        if (write == null) {
            String instead = atVersion == null ? "; it has no version " + proof.version()
                    : "; version " + proof.version() + " was written by transaction " + atVersion.getString("txId", "?")
                    + " with hash " + atVersion.getJsonObject("value").getString("hash", "?");
            fail(LEDGER_ENTRY, "the history of " + key + " (" + history.size() + (history.size() == 1 ? " write" : " writes")
                    + ") has no write by transaction " + proof.txId() + instead);
            return Optional.empty();
        }
        if (!(write.get("value") instanceof JsonObject value)) {
            fail(LEDGER_ENTRY, "transaction " + proof.txId() + " deleted " + key + " instead of writing it");
            return Optional.empty();
        }
        int version = value.getInt("version", -1);
        String hash = value.getString("hash", "");
        if (version != proof.version()) {
            fail(LEDGER_ENTRY, "transaction " + proof.txId() + " wrote version " + version + " of " + key + ", not version "
                    + proof.version() + " as the proof says");
            return Optional.empty();
        }
        if (!hash.equals(proof.ledgerHash())) {
            fail(LEDGER_ENTRY, "transaction " + proof.txId() + " wrote hash " + hash + " for " + key + " version " + version
                    + ", not the proof's ledger hash " + proof.ledgerHash());
            return Optional.empty();
        }
        String kind = value.getString("kind", "");
        String expectedKind = proof.foundAs().recordKind().map(RecordKind::code).orElse(kind);
        if (!kind.equals(expectedKind)) {
            fail(LEDGER_ENTRY, key + " is a " + kind + " on the ledger, not a " + expectedKind + " as a "
                    + proof.foundAs().code() + " needs");
            return Optional.empty();
        }
        if (proof.foundAs() == FoundAs.BATCH_MEMBER) {
            long treeSize = proof.inclusion().map(InclusionProof::treeSize).orElse(-1L);
            long leafCount = value.getJsonNumber("leafCount") == null ? -2 : value.getJsonNumber("leafCount").longValue();
            if (leafCount != treeSize) {
                fail(LEDGER_ENTRY, "the anchor " + key + " holds a batch of " + leafCount + " documents, but the proof's tree has "
                        + treeSize);
                return Optional.empty();
            }
        }
        String txTime = value.getString("txTime", write.getString("timestamp", "?"));
        if (proof.txTime() != null && !sameTime(proof.txTime(), instant(txTime))) {
            fail(LEDGER_ENTRY, "transaction " + proof.txId() + " is of " + txTime + ", not of " + proof.txTime()
                    + " as the proof says");
            return Optional.empty();
        }
        JsonObject submitter = value.get("submitter") instanceof JsonObject s ? s : null;
        pass(LEDGER_ENTRY, "on " + ledger.source() + ", transaction " + proof.txId() + " wrote version " + version + " of "
                + key + " with hash " + hash + " at " + txTime
                + (submitter == null ? "" : ", submitted by " + submitter.getString("subject", "?") + " of "
                + submitter.getString("mspId", "?")));
        return Optional.of(value);
    }

    private void checkDocumentHash(ProofReceipt proof, Optional<JsonObject> entry) {
        if (entry.isEmpty()) {
            add(DOCUMENT_HASH, Outcome.SKIP, "not checked: the proof's ledger entry was not found");
            return;
        }
        String documentHash = entry.get().getString("documentHash", "");
        if (documentHash.equals(proof.sha256())) {
            pass(DOCUMENT_HASH, "the notarisation's ledger entry holds documentHash " + documentHash + ", the document's SHA-256");
        } else {
            fail(DOCUMENT_HASH, "the notarisation's ledger entry holds documentHash " + (documentHash.isEmpty() ? "(none)"
                    : documentHash) + ", not the document's SHA-256 " + proof.sha256());
        }
    }

    private void checkStatus(ProofReceipt proof, LedgerReader ledger) {
        String key = proof.recordKey();
        Optional<String> answer = ledger.record(key);
        if (answer.isEmpty()) {
            fail(STATUS, "GetRecord finds no " + key + " on " + ledger.source());
            return;
        }
        JsonObject current = json(answer.get(), "GetRecord(" + key + ")", JsonValue.ValueType.OBJECT).asJsonObject();
        String status = current.getString("status", "?");
        int version = current.getInt("version", -1);
        String since = " at version " + version + " (" + current.getString("txTime", "?") + ")";
        String reason = current.get("reason") instanceof JsonString r ? ": \"" + r.getString() + "\"" : "";
        switch (status) {
            case "revoked" -> fail(STATUS, "NOT VALID ANY MORE: " + key + " was revoked" + since + reason);
            case "superseded" -> fail(STATUS, "NOT VALID ANY MORE: " + key + " was superseded by "
                    + current.getString("supersededBy", "?") + since + reason);
            default -> {
                String later = version > proof.version() ? "; the record has changed since the proof's version "
                        + proof.version() : "";
                pass(STATUS, ("registered".equals(status) || "anchored".equals(status) ? "valid: " : "")
                        + key + " is " + status + " now, at version " + version + later);
            }
        }
    }

    private Optional<LedgerTransaction> checkTransaction(ProofReceipt proof, LedgerReader ledger) {
        Optional<LedgerTransaction> found = ledger.transaction(proof.txId());
        if (found.isEmpty()) {
            fail(TRANSACTION, ledger.source() + " knows no transaction " + proof.txId());
            return Optional.empty();
        }
        LedgerTransaction tx = found.get();
        List<String> problems = new ArrayList<>();
        if (!tx.valid()) {
            problems.add("it was marked " + tx.validationCode() + ", not VALID: its writes never took effect");
        }
        if (proof.blockNumber() != null && proof.blockNumber() != tx.blockNumber()) {
            problems.add("it is in block " + tx.blockNumber() + ", not in block " + proof.blockNumber() + " as the proof says");
        }
        if (!tx.channel().equals(proof.channel())) {
            problems.add("it is on channel " + tx.channel() + ", not on " + proof.channel() + " as the proof says");
        }
        if (!tx.chaincode().equals(proof.chaincode())) {
            problems.add("it called chaincode " + tx.chaincode() + ", not " + proof.chaincode() + " as the proof says");
        }
        if (!problems.isEmpty()) {
            fail(TRANSACTION, "transaction " + tx.txId() + ": " + String.join("; ", problems));
            return found;
        }
        pass(TRANSACTION, "transaction " + tx.txId() + " is in block " + tx.blockNumber() + ", validated VALID, chaincode "
                + tx.chaincode() + " on channel " + tx.channel() + ", signed at " + tx.timestamp());
        return found;
    }

    private void checkEndorsers(ProofReceipt proof, Optional<LedgerTransaction> transaction) {
        if (transaction.isEmpty()) {
            add(ENDORSERS, Outcome.SKIP, "not checked: the transaction was not found");
            return;
        }
        TreeSet<String> onLedger = new TreeSet<>(transaction.get().endorsingMspIds());
        TreeSet<String> claimed = new TreeSet<>(proof.endorsingMspIds());
        String names = onLedger.isEmpty() ? "no organisation" : String.join(", ", onLedger);
        if (claimed.isEmpty()) {
            pass(ENDORSERS, "endorsed by " + names + " (the proof names none)");
        } else if (claimed.equals(onLedger)) {
            pass(ENDORSERS, "endorsed by " + names + ", as the proof says");
        } else {
            fail(ENDORSERS, "endorsed by " + names + ", but the proof says " + String.join(", ", claimed));
        }
    }

    private static JsonValue json(String text, String what, JsonValue.ValueType type) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new LedgerReadException("the peer's answer to " + what + " is not JSON: " + e.getMessage(), e);
        }
        if (value.getValueType() != type) {
            throw new LedgerReadException("the peer's answer to " + what + " is not a JSON " + type.name().toLowerCase());
        }
        return value;
    }

    /**
     * The ledger keeps the transaction time to the nanosecond, the portal's receipts to the
     * microsecond (TIMESTAMP(6), truncated or rounded): a proof's time is the ledger's within 1 µs.
     */
    static boolean sameTime(Instant proofTime, Instant ledgerTime) {
        return ledgerTime != null && Math.abs(Duration.between(proofTime, ledgerTime).toNanos()) < 1_000;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void pass(String name, String sentence) {
        add(name, Outcome.PASS, sentence);
    }

    private void fail(String name, String sentence) {
        add(name, Outcome.FAIL, sentence);
    }

    private void add(String name, Outcome outcome, String sentence) {
        Check check = new Check(name, outcome, sentence);
        checks.add(check);
        report.accept(check);
    }
}
