package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisationSummary;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Keeps the notarisation search rows in step with each notarisation's current version. */
@ApplicationScoped
public class NotaryProjection implements RecordProjection {

    private NotarisationRepository notarisations;
    private NotarisationReader reader;
    private Clock clock;

    protected NotaryProjection() {
    }

    @Inject
    public NotaryProjection(NotarisationRepository notarisations, NotarisationReader reader, Clock clock) {
        this.notarisations = notarisations;
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Notarisation.KIND;
    }

    @Override
    public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
        if (current.isEmpty()) {
            notarisations.removeSummary(recordKey);
            return;
        }
        RecordVersion version = current.get();
        Notarisation notarisation = reader.read(version.canonicalJson());
        NotarisationSummary row = notarisations.findSummary(recordKey).orElse(null);
        if (row == null) {
            row = new NotarisationSummary(recordKey);
            row.update(notarisation, version.version(), version.id(), clock.instant());
            notarisations.addSummary(row);
        } else {
            row.update(notarisation, version.version(), version.id(), clock.instant());
        }
    }
}
