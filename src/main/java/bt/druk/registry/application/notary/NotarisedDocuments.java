package bt.druk.registry.application.notary;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.verify.DocumentFinding;
import bt.druk.registry.application.verify.DocumentSource;
import bt.druk.registry.application.verify.HashOccurrences.Place;
import bt.druk.registry.application.verify.VerificationStep;
import bt.druk.registry.application.verify.VerificationStep.Kind;
import bt.druk.registry.application.verify.VerificationStep.Result;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisationSummary;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Notarised documents for verification by hash: the notarisation's ledger entry names the document
 * itself ({@code documentHash}), and its status is registered, revoked or superseded.
 */
@ApplicationScoped
public class NotarisedDocuments implements DocumentSource {

    private static final String REGISTERED = "registered";
    private static final String REVOKED = "revoked";
    private static final String SUPERSEDED = "superseded";

    private NotarisationRepository notarisations;
    private RecordRepository records;

    protected NotarisedDocuments() {
    }

    @Inject
    public NotarisedDocuments(NotarisationRepository notarisations, RecordRepository records) {
        this.notarisations = notarisations;
        this.records = records;
    }

    /** First: a notarised document is what most hashes asked about are. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public Set<FoundAs> kinds() {
        return Set.of(FoundAs.NOTARISATION);
    }

    /** Version 1 registered the document; later versions only change its status, checked as "status now". */
    @Override
    public List<DocumentFinding> findings(String sha256, Set<Place> places) {
        if (!places.contains(Place.NOTARISED_DOCUMENT)) {
            return List.of();
        }
        List<DocumentFinding> found = new ArrayList<>();
        for (NotarisationSummary n : notarisations.findByDocumentHash(sha256)) {
            records.versionsOf(n.recordKey()).stream().filter(v -> v.ledgerState() != LedgerState.REJECTED).findFirst()
                    .ifPresent(v -> found.add(new DocumentFinding(FoundAs.NOTARISATION, v, v.hash(), Optional.empty(),
                            "A notarised document: notarisation " + n.notarisationId() + ", "
                                    + n.documentType().label().toLowerCase(Locale.ROOT) + " notarised by " + n.notaryOffice() + " on " + n.notarisedOn() + ".", true, Optional.empty(),
                            new Tie(n))));
        }
        return found;
    }

    @Override
    public String noun(FoundAs kind) {
        return "notarised document";
    }

    @Override
    public String described(FoundAs kind) {
        return "a notarised document";
    }

    @Override
    public VerificationStep offline(ProofReceipt proof) {
        return VerificationStep.of(Kind.PROOF_OFFLINE, Result.NOT_APPLICABLE, "A notarisation's document is tied to the ledger"
                + " by the ledger entry's document hash, checked below.");
    }

    @Override
    public Optional<String> namesDocumentOnLedger() {
        return Optional.of("a notarisation");
    }

    @Override
    public Optional<VerificationStep> documentHash(ProofReceipt proof, LedgerEntry entry) {
        String documentHash = documentHashOf(entry);
        return Optional.of(proof.sha256().equals(documentHash)
                ? VerificationStep.of(Kind.PROOF_DOCUMENT_HASH, Result.PASS, "The ledger entry's document hash is " + proof.sha256()
                + ", the document's.")
                : VerificationStep.of(Kind.PROOF_DOCUMENT_HASH, Result.FAIL, "The ledger entry's document hash is "
                + (documentHash == null ? "missing" : documentHash) + ", not the document's " + proof.sha256() + "."));
    }

    @Override
    public Optional<VerificationStep> status(ProofReceipt proof, LedgerEntry current) {
        return Optional.of(statusOnLedger(proof.recordKey(), current, notarisations.findSummary(proof.recordKey()).orElse(null)));
    }

    /** A notarisation found by its document, with the portal's summary of it. */
    private record Tie(NotarisationSummary portal) implements DocumentFinding.Tie {

        @Override
        public VerificationStep onLedger(String sha256, String ledgerHash, LedgerEntry entry, String read) {
            String documentHash = documentHashOf(entry);
            if (!sha256.equals(documentHash)) {
                return VerificationStep.of(Kind.LEDGER_ENTRY, Result.FAIL, read + ", but its document hash is "
                        + (documentHash == null ? "missing" : documentHash) + ", not this document's " + sha256 + ".");
            }
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, read + ", and document hash " + sha256 + ": this document.");
        }

        @Override
        public VerificationStep inIndex(String sha256, String written) {
            return VerificationStep.of(Kind.LEDGER_ENTRY, Result.PASS, written + ", with document hash " + sha256 + ": this document.");
        }

        @Override
        public Optional<VerificationStep> statusOnLedger(String recordKey, LedgerEntry current) {
            return Optional.of(NotarisedDocuments.statusOnLedger(recordKey, current, portal));
        }

        @Override
        public Optional<VerificationStep> statusInPortal() {
            String id = portal.notarisationId();
            return Optional.of(switch (portal.status()) {
                case REGISTERED -> VerificationStep.of(Kind.STATUS, Result.PASS, "Valid: notarisation " + id + " is registered"
                        + " (portal version " + portal.currentVersion() + ").");
                case REVOKED -> VerificationStep.of(Kind.STATUS, Result.FAIL, "Revoked: notarisation " + id + " was revoked"
                        + " (portal version " + portal.currentVersion() + ").");
                case SUPERSEDED -> new VerificationStep(Kind.STATUS, Result.FAIL, "Superseded: notarisation " + id + " was replaced"
                        + (portal.supersededBy() == null ? "" : " by notarisation " + portal.supersededBy()) + " (portal version "
                        + portal.currentVersion() + ").",
                        portal.supersededBy() == null ? null : Notarisation.keyOf(portal.supersededBy()).toString());
            });
        }
    }

    /**
     * The notarisation's status as its current ledger entry says, with the portal's copy where it says otherwise.
     *
     * @param portal the portal's summary of the notarisation; null if it has none
     */
    private static VerificationStep statusOnLedger(String recordKey, LedgerEntry current, NotarisationSummary portal) {
        String id = RecordKey.parse(recordKey).id();
        JsonObject fields = fieldsOf(current);
        String reason = string(fields, "reason");
        String status = current.status();
        String portalNote = portal != null && !portal.status().ledgerCode().equals(status)
                ? " The portal's copy says " + portal.status().ledgerCode() + "." : "";
        if (REGISTERED.equals(status)) {
            return new VerificationStep(Kind.STATUS, portalNote.isEmpty() ? Result.PASS : Result.FAIL,
                    "Valid: notarisation " + id + " is registered on the ledger (version " + current.version() + ")." + portalNote, null);
        }
        if (REVOKED.equals(status)) {
            return new VerificationStep(Kind.STATUS, Result.FAIL, "Revoked: notarisation " + id + " was revoked (ledger version "
                    + current.version() + ")" + (reason == null ? "" : ": " + reason) + "." + portalNote, null);
        }
        if (SUPERSEDED.equals(status)) {
            String replacement = string(fields, "supersededBy");
            if (replacement == null && portal != null && portal.supersededBy() != null) {
                replacement = Notarisation.keyOf(portal.supersededBy()).toString();
            }
            return new VerificationStep(Kind.STATUS, Result.FAIL, "Superseded: notarisation " + id + " was replaced"
                    + (replacement == null ? "" : " by notarisation " + RecordKey.parse(replacement).id())
                    + " (ledger version " + current.version() + ")" + (reason == null ? "" : ": " + reason) + "." + portalNote,
                    replacement);
        }
        return VerificationStep.of(Kind.STATUS, Result.FAIL, "Notarisation " + id + " has the unknown status " + status
                + " on the ledger.");
    }

    /** The ledger entry as the chaincode stored it; empty when it is not readable JSON. */
    private static JsonObject fieldsOf(LedgerEntry entry) {
        if (entry == null || entry.json() == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(entry.json()))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String documentHashOf(LedgerEntry entry) {
        return string(fieldsOf(entry), "documentHash");
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
