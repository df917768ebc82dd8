package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationJson;
import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisedFile;
import bt.druk.registry.domain.notary.NotaryOperation;
import bt.druk.registry.domain.notary.NotaryRules;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A notary clerk's use cases. Every change is a new notarisation version through the record
 * pipeline, checked here by the rules the chaincode applies when it arrives there (chaincode/README.md,
 * Notary): a document already held by a registered notarisation is refused ({@code DUPLICATE_HASH}),
 * only a registered notarisation is revoked or superseded, only by a notary of the office that
 * notarised it ({@code WRONG_OFFICE}), and only by one that is registered on the ledger already.
 */
@ApplicationScoped
@Transactional
public class NotaryService {

    private RecordPipeline pipeline;
    private NotarisationRepository notarisations;
    private NotarisationReader reader;
    private Clock clock;

    protected NotaryService() {
    }

    @Inject
    public NotaryService(RecordPipeline pipeline, NotarisationRepository notarisations, NotarisationReader reader, Clock clock) {
        this.pipeline = pipeline;
        this.notarisations = notarisations;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Registers a notarised document the clerk uploaded.
     *
     * @param browserSha256 the file's SHA-256 as the clerk's browser computed it (Web Crypto) before the upload
     * @param file          the uploaded bytes as the file store received them: their SHA-256 is the server's
     *                      own computation, and the two must agree (field {@code file}, code
     *                      {@code notary.file.hashMismatch}) or nothing is saved
     * @throws ValidationException also for a document already notarised and still registered
     *                             (field {@code file}, code {@code notary.file.duplicate})
     */
    public SubmissionAck register(StaffMember actor, Notarisation.Details details, String browserSha256, StoredFile file) {
        actor.requireClerkOf(Register.NOTARY);
        NotarisedFile notarisedFile = checkedFile(browserSha256, file);
        Instant now = now();
        int year = now.atZone(Notarisation.ZONE).getYear();
        // Checked before a serial is used up, so that a refused form leaves no gap in the numbers.
        Notarisation.register(String.format("%04d-000000", year), details, notarisedFile, actor.publicRole(), actor.office(), now);
        notarisations.findByDocumentHash(notarisedFile.sha256()).stream()
                .filter(s -> s.status().isActive())
                .findFirst()
                .ifPresent(s -> {
                    throw ValidationException.of("file", "notary.file.duplicate", "This document is already notarised as "
                            + s.notarisationId() + "; revoke or supersede that notarisation instead of registering it again");
                });
        String id = String.format("%04d-%06d", year, notarisations.nextSerial(year));
        Notarisation notarisation = Notarisation.register(id, details, notarisedFile, actor.publicRole(), actor.office(), now);
        SubmissionAck ack = pipeline.append(draft(actor, notarisation, 0, LedgerCall.Factory.standard(
                NotaryOperation.REGISTER.chaincodeFunction(), notarisedFile.sha256(), notarisation.notaryOffice())));
        notarisations.findSummary(ack.recordKey()).ifPresent(row -> row.nameFile(file.originalName()));
        return ack;
    }

    /** Revokes a registered notarisation; the reason goes on the ledger. */
    public SubmissionAck revoke(StaffMember actor, String id, Integer expectedVersion, String reason) {
        return change(actor, id, expectedVersion,
                n -> n.revoke(reason, actor.publicRole(), actor.office(), now()),
                n -> LedgerCall.Factory.standard(NotaryOperation.REVOKE.chaincodeFunction(), n.reason()));
    }

    /**
     * Supersedes a registered notarisation by another one, which must be registered and committed
     * on the ledger first (the chaincode refuses a superseding key it does not hold as registered).
     */
    public SubmissionAck supersede(StaffMember actor, String id, Integer expectedVersion, String replacementId, String reason) {
        actor.requireClerkOf(Register.NOTARY);
        String wanted = replacementId == null ? "" : replacementId.strip();
        if (!NotaryRules.isId(wanted)) {
            throw ValidationException.of("replacement", "notary.supersede.replacement",
                    "Give the number of the notarisation that replaces this one, e.g. 2026-000123");
        }
        RecordVersion replacementVersion = pipeline.current(Notarisation.keyOf(wanted).toString())
                .orElseThrow(() -> ValidationException.of("replacement", "notary.supersede.unknown", "There is no notarisation " + wanted));
        if (!wanted.equals(normalisedId(id)) && replacementVersion.ledgerState() != LedgerState.COMMITTED) {
            throw ValidationException.of("replacement", "notary.supersede.pending", "Notarisation " + wanted
                    + " is still waiting for the ledger; supersede with it once it is committed");
        }
        Notarisation replacement = reader.read(replacementVersion.canonicalJson());
        return change(actor, id, expectedVersion,
                n -> n.supersede(replacement, reason, actor.publicRole(), actor.office(), now()),
                n -> LedgerCall.Factory.standard(NotaryOperation.SUPERSEDE.chaincodeFunction(),
                        Notarisation.keyOf(n.supersededBy()).toString(), n.reason()));
    }

    private SubmissionAck change(StaffMember actor, String id, Integer expectedVersion, UnaryOperator<Notarisation> apply,
                                 Function<Notarisation, LedgerCall.Factory> call) {
        actor.requireClerkOf(Register.NOTARY);
        String wanted = normalisedId(id);
        if (!NotaryRules.isId(wanted)) {
            throw new RecordNotFoundException("No notarisation " + id);
        }
        RecordKey key = Notarisation.keyOf(wanted);
        RecordVersion current = pipeline.lockCurrent(key.toString())
                .orElseThrow(() -> new RecordNotFoundException("No notarisation " + id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConcurrentUpdateException("Notarisation " + wanted + " is now at version " + current.version()
                    + " (you were looking at version " + expectedVersion + "); reload and try again");
        }
        Notarisation before = reader.read(current.canonicalJson());
        requireOwnOffice(actor, before);
        Notarisation after = apply.apply(before);
        return pipeline.append(draft(actor, after, current.version(), call.apply(after)));
    }

    /**
     * A notarisation is revoked or superseded only by a notary of its own office, as the ledger
     * (which reads the notary's office from their certificate) also insists.
     */
    private static void requireOwnOffice(StaffMember actor, Notarisation notarisation) {
        if (!notarisation.notaryOffice().equals(actor.office())) {
            throw new AccessDeniedException(actor.username() + " is of the " + actor.office() + " office; notarisation "
                    + notarisation.id() + " was notarised by the " + notarisation.notaryOffice()
                    + " office, and only its notaries may revoke or supersede it");
        }
    }

    /** The server's hash of the uploaded bytes must be the one the clerk's browser computed. */
    private static NotarisedFile checkedFile(String browserSha256, StoredFile file) {
        if (file == null) {
            throw ValidationException.of("file", "required", "Choose the notarised document");
        }
        String browser = browserSha256 == null ? "" : browserSha256.strip().toLowerCase(Locale.ROOT);
        if (!StoredFile.isSha256(browser)) {
            throw ValidationException.of("file", "notary.file.browserHash",
                    "Your browser did not send the document's SHA-256; choose the file again (the page needs JavaScript)");
        }
        if (!browser.equals(file.sha256())) {
            throw ValidationException.of("file", "notary.file.hashMismatch", "The file received (SHA-256 " + file.sha256()
                    + ") is not the file your browser hashed (" + browser + "); it changed on the way. Upload it again.");
        }
        return NotarisedFile.of(file);
    }

    private static VersionDraft draft(StaffMember actor, Notarisation n, int baseVersion, LedgerCall.Factory call) {
        return new VersionDraft(n.key(), Register.NOTARY, baseVersion, n.event().operation().name(),
                NotarisationJson.toJson(n), n.parties(), LedgerImprint.DOCUMENT, call, actor.username(), actor.office());
    }

    private static String normalisedId(String id) {
        return id == null ? "" : id.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
