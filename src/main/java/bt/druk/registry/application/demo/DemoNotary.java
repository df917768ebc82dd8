package bt.druk.registry.application.demo;

import bt.druk.registry.application.notary.NotarisationView;
import bt.druk.registry.application.notary.NotaryQueries;
import bt.druk.registry.application.notary.NotaryService;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Notary demo content: moves one demo notarisation one step along its plan through the same
 * {@link NotaryService} calls as the notary clerk's pages. The demo's documents are small PDFs it
 * writes itself ({@link DemoPdf}) into the file store; as the clerk's browser would, it hands the
 * service the file's hash, which the service compares with the stored bytes' own.
 *
 * <p>Where a notarisation stands is read from its record each time, so the demo resumes after a
 * restart: its versions say which steps are done. A step waits until the version before it is
 * committed, and a supersession also until the replacing notarisation is (the chaincode refuses a
 * replacement it does not hold as registered). Like the other demos it never registers into a notary
 * register that held notarisations before it started, nor beside real land titles, and it leaves
 * alone a notarisation the ledger refused or someone else changed.
 */
@ApplicationScoped
public class DemoNotary {

    static final String REGISTER_NOT_EMPTY = "the notary register already holds notarisations";
    static final String LAND_NOT_DEMO = "the land register holds real titles";

    private NotaryService notary;
    private NotaryQueries queries;
    private RecordQueryService records;
    private NotarisationRepository notarisations;
    private LandParcelRepository parcels;
    private FileStore files;
    private DemoRecordRepository demoRecords;
    private DemoNotaryRepository demoItems;
    private Clock clock;

    protected DemoNotary() {
    }

    @Inject
    public DemoNotary(NotaryService notary, NotaryQueries queries, RecordQueryService records, NotarisationRepository notarisations,
                      LandParcelRepository parcels, FileStore files, DemoRecordRepository demoRecords, DemoNotaryRepository demoItems,
                      Clock clock) {
        this.notary = notary;
        this.queries = queries;
        this.records = records;
        this.notarisations = notarisations;
        this.parcels = parcels;
        this.files = files;
        this.demoRecords = demoRecords;
        this.demoItems = demoItems;
        this.clock = clock;
    }

    /**
     * Does the notarisation's next step if its preconditions hold, in one database transaction.
     *
     * @throws ValidationException       a notary rule refused the step (nothing saved)
     * @throws ConcurrentUpdateException the notarisation changed meanwhile (nothing saved)
     */
    @Transactional
    public DemoProgress advance(DemoNotarisation plan) {
        String ref = plan.ref();
        Optional<String> recorded = demoItems.recordKeyOf(ref);
        if (recorded.isEmpty()) {
            return register(plan);
        }
        String key = recorded.get();
        List<VersionView> history = records.versions(key);
        Optional<VersionView> refused = history.stream().filter(v -> v.ledgerState() == LedgerState.REJECTED).findFirst();
        if (refused.isPresent()) {
            return DemoProgress.skipped(ref, "the ledger refused v" + refused.get().version() + " of " + key
                    + " [" + refused.get().rejectionCode() + "] " + refused.get().rejectionReason());
        }
        String id = RecordKey.parse(key).id();
        NotarisationView view = queries.notarisation(id).orElse(null);
        if (view == null) {
            return DemoProgress.skipped(ref, key + " has no live version");
        }
        List<String> done = view.versions().stream().map(VersionView::operation).toList();
        List<String> planned = plan.plannedOperations();
        if (done.size() > planned.size() || !planned.subList(0, done.size()).equals(done)) {
            return DemoProgress.skipped(ref, key + " changed outside the demo plan (" + done + "); left alone");
        }
        if (!view.committed()) {
            return DemoProgress.waiting(ref, key + " v" + view.version() + " awaits the ledger");
        }
        if (done.size() == planned.size()) {
            return DemoProgress.done(ref);
        }
        switch (plan.outcome()) {
            case REVOKED -> notary.revoke(plan.clerk(), id, view.version(), plan.reason());
            case SUPERSEDED -> {
                Optional<NotarisationView> replacement = demoItems.recordKeyOf(plan.replacedBy())
                        .flatMap(k -> queries.notarisation(RecordKey.parse(k).id()));
                if (replacement.isEmpty() || !replacement.get().committed()) {
                    return DemoProgress.waiting(ref, "its replacement " + plan.replacedBy() + " is not on the ledger yet");
                }
                notary.supersede(plan.clerk(), id, view.version(), replacement.get().notarisation().id(), plan.reason());
            }
            default -> throw new IllegalStateException("not a demo step after registering: " + plan.outcome());
        }
        return DemoProgress.applied(ref, planned.get(done.size()) + " as v" + (view.version() + 1) + " of " + key);
    }

    /** Number of notarisations the notary demo registered in this database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long demoRecordCount() {
        return demoItems.count();
    }

    private DemoProgress register(DemoNotarisation plan) {
        if (demoItems.count() == 0) {
            // Only into an empty notary register, and not beside real land titles either.
            if (!notarisations.recent(1).isEmpty()) {
                return DemoProgress.skipped(plan.ref(), REGISTER_NOT_EMPTY);
            }
            if (demoRecords.count() == 0 && !parcels.search(null, null, null, null, 1).isEmpty()) {
                return DemoProgress.skipped(plan.ref(), LAND_NOT_DEMO);
            }
        }
        StoredFile file = store(plan);
        Instant now = clock.instant();
        LocalDate notarisedOn = now.atZone(Notarisation.ZONE).toLocalDate().minusDays(plan.daysAgo());
        // The demo is its own browser: the hash it sends is the one of the bytes it wrote.
        SubmissionAck ack = notary.register(plan.clerk(), new Notarisation.Details(plan.type(), notarisedOn, plan.parties()),
                file.sha256(), file);
        demoItems.add(plan.ref(), ack.recordKey(), now);
        demoRecords.add(ack.recordKey(), now);
        return DemoProgress.applied(plan.ref(), "registered as " + ack.recordKey());
    }

    private StoredFile store(DemoNotarisation plan) {
        try {
            return files.store(new ByteArrayInputStream(DemoPdf.of(plan.text())), plan.fileName(), "file");
        } catch (IOException e) {
            throw new UncheckedIOException("demo notarisation " + plan.ref() + ": file not stored", e);
        }
    }
}
