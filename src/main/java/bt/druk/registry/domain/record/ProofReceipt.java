package bt.druk.registry.domain.record;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleHashes;
import bt.druk.registry.domain.notary.merkle.MerkleVerification;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proof file: the self-contained JSON receipt an inspector downloads for a document and checks
 * later, offline first (the file's hash, the Merkle path) and then against a peer of their own
 * organisation (the ledger entry and its transaction), with no need to trust the portal.
 *
 * <pre>
 * {"format":"druk-registry-proof/1",
 *  "sha256":"&lt;the document's SHA-256, 64 lowercase hex&gt;",
 *  "foundAs":"notarisation" | "record-document" | "tender-document" | "bid" | "batch-member",
 *  "record":{"key":"notarisation:2026-000001","version":1,"ledgerHash":"&lt;hex&gt;"},
 *  "ledger":{"channel":"registry","chaincode":"registry","txId":"&lt;hex&gt;","blockNumber":12,
 *            "txTime":"2026-11-30T10:00:00Z","endorsingMspIds":["AuditMSP","JusticeMSP"]},
 *  "inclusion":{ RFC 9162 inclusion proof, see InclusionProof }      only for "batch-member"
 *  "recordDocument":"&lt;the record version's canonical JSON&gt;"   only when the document is inside one
 *  "issuedAt":"2026-11-30T10:05:00Z","issuer":"https://registry.example.bt"}
 * </pre>
 *
 * <p>What the ledger must hold at {@code record.key}, version {@code record.version}: hash
 * {@code record.ledgerHash}, written by transaction {@code ledger.txId}. How the document is tied to
 * that hash, by {@code foundAs}:
 * <ul>
 *   <li>{@code notarisation}: the ledger entry's {@code documentHash} is {@code sha256};</li>
 *   <li>{@code record-document}: {@code ledgerHash} is {@code sha256} (the record's own canonical JSON);</li>
 *   <li>{@code batch-member}: {@code inclusion.leaf} is {@code sha256} and its path leads to
 *       {@code inclusion.root} = {@code ledgerHash}, the anchor's Merkle root;</li>
 *   <li>{@code tender-document}, {@code bid}: {@code recordDocument} hashes to {@code ledgerHash}
 *       (SHA-256 of its UTF-8 text) and names {@code sha256} (a file of the tender or the bid).</li>
 * </ul>
 * {@link #offlineCheck()} checks every tie that needs no ledger.
 */
public record ProofReceipt(String sha256, FoundAs foundAs, String recordKey, int version, String ledgerHash,
                           String channel, String chaincode, String txId, Long blockNumber, Instant txTime,
                           List<String> endorsingMspIds, Optional<InclusionProof> inclusion,
                           Optional<String> recordDocument, Instant issuedAt, String issuer) {

    public static final String FORMAT = "druk-registry-proof/1";
    public static final int MAX_TEXT_LENGTH = 1024 * 1024;

    /** What the document is on the ledger. */
    public enum FoundAs {
        NOTARISATION("notarisation", RecordKind.NOTARISATION),
        RECORD_DOCUMENT("record-document", null),
        TENDER_DOCUMENT("tender-document", RecordKind.TENDER),
        BID("bid", RecordKind.BID),
        BATCH_MEMBER("batch-member", RecordKind.ANCHOR);

        private final String code;
        private final RecordKind recordKind;

        FoundAs(String code, RecordKind recordKind) {
            this.code = code;
            this.recordKind = recordKind;
        }

        public String code() {
            return code;
        }

        /** The kind of the record whose ledger entry the document is tied to; empty for a record's own document, of any kind. */
        public Optional<RecordKind> recordKind() {
            return Optional.ofNullable(recordKind);
        }

        public static Optional<FoundAs> ofCode(String code) {
            for (FoundAs f : values()) {
                if (f.code.equals(code)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public ProofReceipt {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(foundAs, "foundAs");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(ledgerHash, "ledgerHash");
        Objects.requireNonNull(txId, "txId");
        endorsingMspIds = List.copyOf(endorsingMspIds);
        inclusion = Objects.requireNonNullElse(inclusion, Optional.empty());
        recordDocument = Objects.requireNonNullElse(recordDocument, Optional.empty());
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * The ties between the document and {@code record.ledgerHash} that need no ledger (see the class
     * comment); a notarisation's tie is the ledger entry's {@code documentHash}, so it passes here.
     */
    public MerkleVerification offlineCheck() {
        switch (foundAs) {
            case RECORD_DOCUMENT:
                return sha256.equals(ledgerHash) ? MerkleVerification.passed()
                        : MerkleVerification.failed("proof.ledgerHash", "the record's ledger hash " + ledgerHash
                        + " is not the document's SHA-256 " + sha256);
            case BATCH_MEMBER:
                if (inclusion.isEmpty()) {
                    return MerkleVerification.failed("proof.inclusion.missing", "a batch member's proof needs its inclusion proof");
                }
                if (!inclusion.get().leaf().equals(sha256)) {
                    return MerkleVerification.failed("proof.inclusion.leaf", "the inclusion proof is for the document "
                            + inclusion.get().leaf() + ", not " + sha256);
                }
                return inclusion.get().verifyAgainst(ledgerHash);
            case TENDER_DOCUMENT:
            case BID:
                if (recordDocument.isEmpty()) {
                    return MerkleVerification.failed("proof.recordDocument.missing", "the proof needs the record document"
                            + " that names the file");
                }
                String documentHash = CanonicalJson.sha256Hex(recordDocument.get());
                if (!documentHash.equals(ledgerHash)) {
                    return MerkleVerification.failed("proof.recordDocument.hash", "the record document hashes to "
                            + documentHash + ", not to the ledger hash " + ledgerHash);
                }
                return recordDocument.get().contains("\"" + sha256 + "\"") ? MerkleVerification.passed()
                        : MerkleVerification.failed("proof.recordDocument.file", "the record document does not name the file " + sha256);
            default:
                return MerkleVerification.passed();
        }
    }

    public JsonObject toJsonObject() {
        JsonArrayBuilder endorsers = JSON.createArrayBuilder();
        endorsingMspIds.forEach(endorsers::add);
        JsonObjectBuilder ledger = JSON.createObjectBuilder()
                .add("channel", channel)
                .add("chaincode", chaincode)
                .add("txId", txId);
        if (blockNumber != null) {
            ledger.add("blockNumber", blockNumber);
        }
        if (txTime != null) {
            ledger.add("txTime", txTime.toString());
        }
        ledger.add("endorsingMspIds", endorsers);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("sha256", sha256)
                .add("foundAs", foundAs.code())
                .add("record", JSON.createObjectBuilder().add("key", recordKey).add("version", version).add("ledgerHash", ledgerHash))
                .add("ledger", ledger);
        inclusion.ifPresent(p -> json.add("inclusion", p.toJsonObject()));
        recordDocument.ifPresent(d -> json.add("recordDocument", d));
        return json.add("issuedAt", issuedAt.toString()).add("issuer", issuer).build();
    }

    public String toJson() {
        return toJsonObject().toString();
    }

    /**
     * Reads a proof file strictly: every error with its field, a code ({@code proof.*}) and a message.
     *
     * @throws ValidationException listing what is wrong
     */
    public static ProofReceipt parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("proof", "proof.notJson", "the proof file is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw ValidationException.of("proof", "proof.tooLarge", "the proof file is larger than " + MAX_TEXT_LENGTH + " characters");
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ValidationException.of("proof", "proof.notJson", "the proof file is not valid JSON (" + e.getMessage() + ")");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ValidationException.of("proof", "proof.notObject", "a proof file is a JSON object");
        }
        return fromJson(value.asJsonObject());
    }

    public static ProofReceipt fromJson(JsonObject json) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String format = string(json, "format", "format", errors);
        if (format != null && !FORMAT.equals(format)) {
            errors.add("format", "proof.format", "this is not a Druk Registry proof file (format \"" + format
                    + "\", expected \"" + FORMAT + "\")");
            errors.throwIfAny();
        }
        String sha256 = hash(json, "sha256", "sha256", errors);
        String foundAsCode = string(json, "foundAs", "foundAs", errors);
        FoundAs foundAs = foundAsCode == null ? null : FoundAs.ofCode(foundAsCode).orElse(null);
        if (foundAsCode != null && foundAs == null) {
            errors.add("foundAs", "proof.foundAs", "foundAs \"" + foundAsCode + "\" is not one of notarisation, record-document,"
                    + " tender-document, bid, batch-member");
        }
        JsonObject record = object(json, "record", errors);
        JsonObject ledger = object(json, "ledger", errors);
        String key = record == null ? null : string(record, "key", "record.key", errors);
        Long version = record == null ? null : integer(record, "version", "record.version", errors);
        String ledgerHash = record == null ? null : hash(record, "ledgerHash", "record.ledgerHash", errors);
        String channel = ledger == null ? null : string(ledger, "channel", "ledger.channel", errors);
        String chaincode = ledger == null ? null : string(ledger, "chaincode", "ledger.chaincode", errors);
        String txId = ledger == null ? null : string(ledger, "txId", "ledger.txId", errors);
        Long block = ledger == null || !ledger.containsKey("blockNumber") ? null
                : integer(ledger, "blockNumber", "ledger.blockNumber", errors);
        Instant txTime = ledger == null || !ledger.containsKey("txTime") ? null : instant(ledger, "txTime", "ledger.txTime", errors);
        List<String> endorsers = new ArrayList<>();
        if (ledger != null && ledger.get("endorsingMspIds") instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    endorsers.add(s.getString());
                } else {
                    errors.add("ledger.endorsingMspIds", "proof.type", "endorsingMspIds holds MSP ids as strings");
                }
            }
        } else if (ledger != null && ledger.containsKey("endorsingMspIds")) {
            errors.add("ledger.endorsingMspIds", "proof.type", "endorsingMspIds must be an array");
        }
        Optional<InclusionProof> inclusion = Optional.empty();
        if (json.containsKey("inclusion")) {
            if (json.get("inclusion") instanceof JsonObject proof) {
                try {
                    inclusion = Optional.of(InclusionProof.fromJson(proof));
                } catch (ValidationException e) {
                    e.errors().forEach(err -> errors.add("inclusion." + err.field(), err.code(), err.message()));
                }
            } else {
                errors.add("inclusion", "proof.type", "inclusion must be an inclusion proof object");
            }
        }
        Optional<String> recordDocument = json.containsKey("recordDocument")
                ? Optional.ofNullable(string(json, "recordDocument", "recordDocument", errors)) : Optional.empty();
        Instant issuedAt = instant(json, "issuedAt", "issuedAt", errors);
        String issuer = string(json, "issuer", "issuer", errors);
        if (version != null && (version < 1 || version > Integer.MAX_VALUE)) {
            errors.add("record.version", "proof.version", "record.version must be a whole number from 1");
        }
        errors.throwIfAny();
        return new ProofReceipt(sha256, foundAs, key, version.intValue(), ledgerHash, channel, chaincode, txId, block, txTime,
                endorsers, inclusion, recordDocument, issuedAt, issuer);
    }

    private static JsonObject object(JsonObject json, String name, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value instanceof JsonObject object) {
            return object;
        }
        errors.add(name, value == null ? "proof.member.missing" : "proof.type", name + " must be an object");
        return null;
    }

    private static String string(JsonObject json, String name, String field, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(field, value == null ? "proof.member.missing" : "proof.type",
                field + (value == null ? " is missing" : " must be a string"));
        return null;
    }

    private static String hash(JsonObject json, String name, String field, ValidationException.Collector errors) {
        String text = string(json, name, field, errors);
        if (text != null && !MerkleHashes.isHashHex(text)) {
            errors.add(field, "proof.hex", field + " must be a SHA-256 as 64 lowercase hex characters");
            return null;
        }
        return text;
    }

    private static Long integer(JsonObject json, String name, String field, ValidationException.Collector errors) {
        JsonValue value = json.get(name);
        if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
            return n.longValue();
        }
        errors.add(field, value == null ? "proof.member.missing" : "proof.type", field + " must be a whole number");
        return null;
    }

    private static Instant instant(JsonObject json, String name, String field, ValidationException.Collector errors) {
        String text = string(json, name, field, errors);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "proof.time", field + " must be an ISO-8601 UTC time such as 2026-11-30T10:00:00Z");
            return null;
        }
    }
}
