package bt.druk.registry.domain.notary;

import bt.druk.registry.domain.record.Party;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One version of a notarisation: which document (its SHA-256, name, kind and size), what kind of
 * document, which notary office notarised it and when, the parties it names, and where it stands.
 * Immutable; each operation returns the next version or throws {@link ValidationException} when a
 * rule forbids it, the chaincode's rules checked before anything is saved: only a {@code registered}
 * notarisation is revoked or superseded, with a reason, and only by another notarisation that is
 * itself {@code registered}. Record-level refusals use the field name {@code ""}.
 *
 * @param id           {@code <year>-<serial>}, e.g. {@code 2026-000123}; the key is {@code notarisation:<id>}
 * @param notaryOffice the office code of the notary (also the ledger entry's office)
 * @param notarisedOn  the date the notary notarised the document (Bhutan's calendar day)
 * @param parties      who the document names; in the hashed JSON only as commitments
 * @param reason       why it was revoked or superseded, else null
 * @param supersededBy id of the replacing notarisation once superseded, else null
 * @param registered   when version 1 was saved
 */
public record Notarisation(
        String id,
        DocumentType documentType,
        String notaryOffice,
        LocalDate notarisedOn,
        List<Party> parties,
        NotarisedFile file,
        NotarisationStatus status,
        String reason,
        String supersededBy,
        Instant registered,
        NotaryEvent event) {

    public static final String KIND = RecordKind.NOTARISATION.code();
    /** Dates and yearly serials follow Bhutan's calendar. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Thimphu");

    public Notarisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(notaryOffice, "notaryOffice");
        Objects.requireNonNull(notarisedOn, "notarisedOn");
        parties = List.copyOf(parties);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(event, "event");
    }

    public static RecordKey keyOf(String id) {
        return new RecordKey(KIND, id);
    }

    public RecordKey key() {
        return keyOf(id);
    }

    /** What a notary clerk enters for a new notarisation. */
    public record Details(DocumentType documentType, LocalDate notarisedOn, List<NotaryRules.PartyText> parties) {
        public Details {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    /**
     * Version 1, {@code registered}. The file has been stored and its hash checked by the caller; the
     * notarised date may not be after today in Bhutan.
     */
    public static Notarisation register(String id, Details details, NotarisedFile file, String by, String office, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (!NotaryRules.isId(id)) {
            errors.add("", "notary.id", "Not a notarisation number: " + id);
        }
        if (details.documentType() == null) {
            errors.add("documentType", "required", "Choose the kind of document");
        }
        if (details.notarisedOn() == null) {
            errors.add("notarisedOn", "required", "Enter the date of notarisation");
        } else if (details.notarisedOn().isAfter(now.atZone(ZONE).toLocalDate())) {
            errors.add("notarisedOn", "notary.notarisedOn.future", "The date of notarisation cannot be in the future");
        }
        NotaryRules.checkOffice(errors, office);
        List<Party> parties = NotaryRules.parties(errors, details.parties());
        if (file == null) {
            errors.add("file", "required", "Choose the notarised document");
        }
        errors.throwIfAny();
        return new Notarisation(id, details.documentType(), office, details.notarisedOn(), parties, file,
                NotarisationStatus.REGISTERED, null, null, now, new NotaryEvent(NotaryOperation.REGISTER, null, now, by, office));
    }

    /** No longer valid, with a reason the ledger stores (stripped, as the chaincode does). */
    public Notarisation revoke(String reason, String by, String office, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        requireRegistered(errors, "revoked");
        String stripped = NotaryRules.reason(errors, reason, "notary.revoke.reason");
        errors.throwIfAny();
        return next(NotarisationStatus.REVOKED, stripped, null, new NotaryEvent(NotaryOperation.REVOKE, stripped, now, by, office));
    }

    /**
     * Replaced by another notarisation, which must already be registered (register the replacement
     * first: the chaincode refuses a superseding notarisation it does not hold as {@code registered}).
     */
    public Notarisation supersede(Notarisation replacement, String reason, String by, String office, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        requireRegistered(errors, "superseded");
        if (replacement == null) {
            errors.add("replacement", "notary.supersede.replacement", "Give the number of the notarisation that replaces this one");
        } else if (replacement.id().equals(id)) {
            errors.add("replacement", "notary.supersede.self", "A notarisation cannot supersede itself");
        } else if (replacement.status() != NotarisationStatus.REGISTERED) {
            errors.add("replacement", "notary.supersede.replacementState", "Notarisation " + replacement.id() + " is "
                    + replacement.status().ledgerCode() + "; only a registered notarisation can replace another");
        }
        String stripped = NotaryRules.reason(errors, reason, "notary.supersede.reason");
        errors.throwIfAny();
        return next(NotarisationStatus.SUPERSEDED, stripped, replacement.id(),
                new NotaryEvent(NotaryOperation.SUPERSEDE, stripped, now, by, office));
    }

    private void requireRegistered(ValidationException.Collector errors, String what) {
        if (status != NotarisationStatus.REGISTERED) {
            errors.add("", "notary.state", "Only a registered notarisation can be " + what + "; this one is " + status.ledgerCode());
        }
    }

    private Notarisation next(NotarisationStatus newStatus, String newReason, String newSupersededBy, NotaryEvent newEvent) {
        return new Notarisation(id, documentType, notaryOffice, notarisedOn, parties, file, newStatus, newReason, newSupersededBy,
                registered, newEvent);
    }
}
