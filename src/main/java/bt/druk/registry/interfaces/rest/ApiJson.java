package bt.druk.registry.interfaces.rest;

import bt.druk.registry.domain.shared.JsonProviders;
import bt.druk.registry.application.land.ParcelSummary;
import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.application.verify.DocumentMatch;
import bt.druk.registry.application.verify.DocumentVerification;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON documents, built from the application's views. Only what the public pages show:
 * hashes, states, receipts, offices; never a person, nor the clerk who submitted a version.
 */
final class ApiJson {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    private ApiJson() {
    }

    /** A record's current version and its chain of versions. */
    static JsonObject record(String recordKey, List<VersionView> versions) {
        VersionView current = versions.get(versions.size() - 1);
        JsonArrayBuilder history = JsonProviders.JSON.createArrayBuilder();
        versions.forEach(v -> history.add(version(v)));
        return JsonProviders.JSON.createObjectBuilder()
                .add("recordKey", recordKey)
                .add("kind", RecordKey.parse(recordKey).kind())
                .add("version", current.version())
                .add("hash", current.hash())
                .add("ledgerState", current.ledgerState().name())
                .add("current", version(current))
                .add("versions", history)
                .build();
    }

    /** Every version of a record, oldest first, each with its ledger state and (once committed) receipt. */
    static JsonObject history(String recordKey, List<VersionView> versions) {
        JsonArrayBuilder list = JsonProviders.JSON.createArrayBuilder();
        versions.forEach(v -> list.add(version(v)));
        return JsonProviders.JSON.createObjectBuilder()
                .add("recordKey", recordKey)
                .add("kind", RecordKey.parse(recordKey).kind())
                .add("versions", list)
                .build();
    }

    /**
     * One page of a land search: what the public search page lists (no owners), each hit with the
     * API address of its record; {@code next} while more pages follow.
     */
    static JsonObject searchPage(Map<String, String> criteria, int page, int pageSize, int total, List<ParcelSummary> hits) {
        JsonObjectBuilder query = JsonProviders.JSON.createObjectBuilder();
        criteria.forEach((name, value) -> nullable(query, name, value));
        JsonArrayBuilder results = JsonProviders.JSON.createArrayBuilder();
        for (ParcelSummary p : hits) {
            JsonObjectBuilder hit = JsonProviders.JSON.createObjectBuilder()
                    .add("recordKey", p.recordKey())
                    .add("pin", p.pin())
                    .add("thramNo", p.thramNo())
                    .add("dzongkhag", p.dzongkhag())
                    .add("gewog", p.gewog())
                    .add("areaAcres", p.areaAcres())
                    .add("landType", p.landType().name())
                    .add("status", p.status().name())
                    .add("version", p.currentVersion());
            nullable(hit, "ledgerState", p.ledgerState() == null ? null : p.ledgerState().name());
            results.add(hit.add("record", "/api/records/" + p.recordKey()));
        }
        JsonObjectBuilder json = JsonProviders.JSON.createObjectBuilder()
                .add("query", query)
                .add("page", page)
                .add("pageSize", pageSize)
                .add("total", total)
                .add("results", results);
        if ((long) page * pageSize < total) {
            StringBuilder next = new StringBuilder("/api/records?");
            criteria.forEach((name, value) -> {
                if (value != null) {
                    next.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
                }
            });
            json.add("next", next.append("page=").append(page + 1).toString());
        }
        return json.build();
    }

    static JsonObject version(VersionView v) {
        JsonObjectBuilder json = JsonProviders.JSON.createObjectBuilder()
                .add("version", v.version())
                .add("recordedAt", v.recordedAt().toString())
                .add("hash", v.hash())
                .add("documentHash", v.documentHash())
                .add("document", "/records/documents/" + v.documentHash() + ".json")
                .add("ledgerState", v.ledgerState().name());
        nullable(json, "operation", v.operation());
        nullable(json, "office", v.office());
        nullable(json, "previousHash", v.previousHash());
        if (v.rejectionCode() != null) {
            json.add("rejection", JsonProviders.JSON.createObjectBuilder().add("code", v.rejectionCode())
                    .add("reason", v.rejectionReason() == null ? "" : v.rejectionReason()));
        }
        if (v.receipt() != null) {
            json.add("receipt", receipt(v.receipt()));
        }
        return json.build();
    }

    static JsonObject receipt(ReceiptView r) {
        return receipt(r.txId(), r.blockNumber(), r.commitTime(), r.endorsingMspIds());
    }

    static JsonObject receipt(LedgerReceipt r) {
        return receipt(r.txId(), r.blockNumber() == null ? -1 : r.blockNumber(), r.commitTime(), r.endorsingMspIds());
    }

    /** {@code blockNumber} -1 and no endorsers until the commit follower has read the block. */
    private static JsonObject receipt(String txId, long blockNumber, Instant commitTime, List<String> endorsers) {
        JsonObjectBuilder json = JsonProviders.JSON.createObjectBuilder().add("txId", txId).add("blockNumber", blockNumber);
        nullable(json, "commitTime", commitTime == null ? null : commitTime.toString());
        return json.add("endorsingMspIds", JsonProviders.JSON.createArrayBuilder(endorsers == null ? List.of() : endorsers)).build();
    }

    static JsonObject accepted(SubmissionAck ack) {
        return JsonProviders.JSON.createObjectBuilder()
                .add("recordKey", ack.recordKey())
                .add("version", ack.version())
                .add("hash", ack.hash())
                .add("ledgerState", ack.ledgerState().name())
                .build();
    }

    static JsonObject verification(DocumentVerification v) {
        JsonArrayBuilder matches = JsonProviders.JSON.createArrayBuilder();
        for (DocumentMatch m : v.matches()) {
            JsonArrayBuilder history = JsonProviders.JSON.createArrayBuilder();
            for (LedgerHistoryItem item : m.history()) {
                JsonObjectBuilder write = JsonProviders.JSON.createObjectBuilder().add("txId", item.txId()).add("deleted", item.deleted());
                nullable(write, "timestamp", item.timestamp() == null ? null : item.timestamp().toString());
                if (item.value() != null) {
                    write.add("version", item.value().version()).add("hash", item.value().hash()).add("status", item.value().status());
                }
                history.add(write);
            }
            JsonObjectBuilder match = JsonProviders.JSON.createObjectBuilder()
                    .add("foundAs", m.foundAs().name())
                    .add("recordKey", m.recordKey())
                    .add("version", m.version())
                    .add("ledgerHash", m.ledgerHash())
                    .add("verified", m.verified())
                    .add("failed", m.failed())
                    .add("proofAvailable", m.proofAvailable())
                    .add("steps", steps(m.steps()))
                    .add("ledgerHistory", history);
            if (m.proofAvailable()) {
                match.add("proofFile", proofFile(v.sha256()));
            }
            matches.add(match);
        }
        return JsonProviders.JSON.createObjectBuilder()
                .add("sha256", v.sha256())
                .add("checkedAt", v.checkedAt().toString())
                .add("source", v.source().name())
                .add("found", v.found())
                .add("steps", steps(v.steps()))
                .add("matches", matches)
                .build();
    }

    private static JsonArrayBuilder steps(List<VerificationStep> steps) {
        JsonArrayBuilder json = JsonProviders.JSON.createArrayBuilder();
        for (VerificationStep s : steps) {
            JsonObjectBuilder step = JsonProviders.JSON.createObjectBuilder().add("kind", s.kind().name()).add("result", s.result().name())
                    .add("text", s.text());
            nullable(step, "relatedKey", s.relatedKey());
            json.add(step);
        }
        return json;
    }

    /** Where a document stands in the notary batches; its inclusion proof and proof file once anchored. */
    static JsonObject member(BatchMember m) {
        JsonObjectBuilder json = JsonProviders.JSON.createObjectBuilder()
                .add("documentHash", m.documentHash())
                .add("state", m.state().name())
                .add("queuedAt", m.queuedAt().toString())
                .add("office", m.office());
        nullable(json, "anchorKey", m.anchorKey());
        if (m.leafIndex() != null) {
            json.add("leafIndex", m.leafIndex());
        }
        if (m.treeSize() != null) {
            json.add("treeSize", m.treeSize());
        }
        nullable(json, "ledgerHash", m.ledgerHash());
        if (m.receipt() != null) {
            json.add("receipt", receipt(m.receipt()));
        }
        if (m.state() == BatchMember.State.ANCHORED && m.proof().isPresent()) {
            json.add("inclusionProof", m.proof().get().toJsonObject());
            json.add("proofFile", proofFile(m.documentHash()));
        }
        return json.build();
    }

    /** The proof file that {@code ProofFileServlet} serves for a committed document. */
    static String proofFile(String sha256) {
        return "/verify/proof/" + sha256 + ".json";
    }

    /** An RFC 9457 problem document. */
    static JsonObject problem(int status, String title, String detail, List<FieldError> errors) {
        JsonObjectBuilder json = JsonProviders.JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            json.add("errors", fieldErrors(errors));
        }
        return json.build();
    }

    /** Field errors (a problem's, or a write's warnings) as {@code [{field, code, message}]}. */
    static JsonArrayBuilder fieldErrors(List<FieldError> errors) {
        JsonArrayBuilder list = JsonProviders.JSON.createArrayBuilder();
        errors.forEach(e -> list.add(JsonProviders.JSON.createObjectBuilder().add("field", e.field()).add("code", e.code())
                .add("message", e.message())));
        return list;
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
