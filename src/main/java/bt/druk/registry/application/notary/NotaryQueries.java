package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisationSummary;
import bt.druk.registry.domain.notary.NotaryRules;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Read side of the notary register for the clerk's pages and the verify page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NotaryQueries {

    static final int MAX_RECENT = 200;

    private NotarisationRepository notarisations;
    private NotarisationReader reader;
    private RecordPipeline pipeline;
    private RecordQueryService records;

    protected NotaryQueries() {
    }

    @Inject
    public NotaryQueries(NotarisationRepository notarisations, NotarisationReader reader, RecordPipeline pipeline,
                         RecordQueryService records) {
        this.notarisations = notarisations;
        this.reader = reader;
        this.pipeline = pipeline;
        this.records = records;
    }

    /** A notarisation by its number ({@code 2026-000123}), with every version; empty if there is none. */
    public Optional<NotarisationView> notarisation(String id) {
        String wanted = id == null ? "" : id.strip();
        if (!NotaryRules.isId(wanted)) {
            return Optional.empty();
        }
        String key = Notarisation.keyOf(wanted).toString();
        Optional<RecordVersion> current = pipeline.current(key);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        RecordVersion v = current.get();
        String fileName = notarisations.findSummary(key).map(NotarisationSummary::fileName).orElse(null);
        return Optional.of(new NotarisationView(reader.read(v.canonicalJson()), key, v.version(), v.hash(), v.ledgerState(),
                fileName, records.versions(key)));
    }

    /**
     * Every notarisation of the document with this SHA-256, newest first, whatever its status (a
     * revoked one and the registered one that replaced it): the verify page's answer for a file.
     *
     * @throws ValidationException field {@code hash} if not 64 hex characters
     */
    public List<NotarisationSummary> byDocumentHash(String sha256Hex) {
        String hash = sha256Hex == null ? "" : sha256Hex.strip().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw ValidationException.of("hash", "hash.format", "A SHA-256 hash has 64 hexadecimal characters");
        }
        return notarisations.findByDocumentHash(hash);
    }

    /** Most recently registered first, at most {@value #MAX_RECENT}. */
    public List<NotarisationSummary> recent(int limit) {
        return notarisations.recent(Math.max(0, Math.min(limit, MAX_RECENT)));
    }
}
