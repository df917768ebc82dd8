package bt.druk.registry.application.demo;

import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Demo content for a newcomer: moves one demo parcel one step along its planned history, through
 * the same {@link LandTitleService} calls a clerk's form makes, so every version goes through the
 * outbox to the ledger like any other.
 *
 * <p>Where a parcel stands is read from its record each time, so the loader resumes after a restart
 * without keeping state of its own: version n done means the first n steps of its plan are done. A
 * step waits until the version before it is committed (so the ledger, not only the database, holds
 * the history a step builds on), and a finalisation waits for the public notice period.
 *
 * <p>It never touches a register that held titles before it started, nor a record it did not
 * create ({@link DemoRecordRepository}), nor one whose history no longer follows the plan (a clerk
 * trying the demo out has changed it).
 */
@ApplicationScoped
public class DemoContent {

    /** Why nothing is loaded into a register that held titles before. */
    static final String REGISTER_NOT_EMPTY = "the land register already holds titles";

    private LandTitleService land;
    private DemoStep.LandServices services;
    private RecordQueryService queries;
    private LandParcelRepository parcels;
    private DemoRecordRepository demoRecords;
    private Clock clock;

    protected DemoContent() {
    }

    @Inject
    public DemoContent(LandTitleService land, ParcelLineageService lineage, RecordQueryService queries,
                       LandParcelRepository parcels, DemoRecordRepository demoRecords, Clock clock) {
        this.land = land;
        this.services = new DemoStep.LandServices(land, lineage);
        this.queries = queries;
        this.parcels = parcels;
        this.demoRecords = demoRecords;
        this.clock = clock;
    }

    /**
     * Does the parcel's next step if its preconditions hold, in one database transaction.
     *
     * @throws ValidationException       a land rule refused the step (nothing saved)
     * @throws ConcurrentUpdateException the title changed meanwhile (nothing saved)
     */
    @Transactional
    public DemoProgress advance(DemoParcel parcel) {
        String pin = parcel.pin();
        if (!demoRecords.contains(parcel.recordKey())) {
            return register(parcel);
        }
        Optional<LandTitleStaffView> found = land.findForStaff(parcel.clerk(), pin);
        if (found.isEmpty()) {
            return DemoProgress.skipped(pin, "no live version: " + rejection(queries.versions(parcel.recordKey())));
        }
        LandTitleStaffView current = found.get();
        List<VersionView> chain = current.chainOfTitle();
        if (chain.stream().anyMatch(v -> v.ledgerState() == LedgerState.REJECTED)) {
            return DemoProgress.skipped(pin, rejection(chain));
        }
        // A subdivision or merger records the ledger's missing parcel facts first, as a version of its own.
        List<String> done = chain.stream().map(VersionView::operation)
                .filter(operation -> !operation.equals(TitleOperation.PARCEL_FACTS_RECORDED.name())).toList();
        List<String> planned = parcel.plannedOperations();
        if (done.size() > planned.size() || !planned.subList(0, done.size()).equals(done)) {
            return DemoProgress.skipped(pin, "changed outside the demo plan (" + done + "); left alone");
        }
        if (current.ledgerState() != LedgerState.COMMITTED) {
            return DemoProgress.waiting(pin, "v" + current.currentVersion() + " awaits the ledger");
        }
        if (done.size() == planned.size()) {
            return DemoProgress.done(pin);
        }
        DemoStep step = parcel.history().get(done.size() - 1);
        Instant notBefore = step.notBefore(current);
        if (notBefore != null && clock.instant().isBefore(notBefore)) {
            return DemoProgress.waitingUntil(pin, step.operation() + " waits for the notice period", notBefore);
        }
        if (step instanceof DemoStep.MergedBy mergedBy) {
            return DemoProgress.waiting(pin, "merged by the step of " + mergedBy.byPin());
        }
        for (String partner : step.partners()) {
            Optional<LandTitleStaffView> other = land.findForStaff(parcel.clerk(), partner);
            if (other.isEmpty() || other.get().ledgerState() != LedgerState.COMMITTED) {
                return DemoProgress.waiting(pin, step.operation() + " waits for " + partner + " to be on the ledger");
            }
        }
        step.apply(services, parcel.clerk(), pin, current.currentVersion());
        for (String created : step.createdPins()) {
            demoRecords.add(LandTitle.recordKeyOf(created), clock.instant());
        }
        return DemoProgress.applied(pin, step.operation() + " as v" + (current.currentVersion() + 1));
    }

    /** Number of records the demo content created in this database (0: none, or it was never loaded). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long demoRecordCount() {
        return demoRecords.count();
    }

    /** Number of land titles the demo content created. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long demoParcelCount() {
        return demoRecords.countOfKind(LandTitle.KIND);
    }

    /** True for a record (a land title, a tender, a bid) the demo content created. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isDemoRecord(String recordKey) {
        return demoRecords.contains(recordKey);
    }

    private DemoProgress register(DemoParcel parcel) {
        String pin = parcel.pin();
        if (land.findForStaff(parcel.clerk(), pin).isPresent()) {
            return DemoProgress.skipped(pin, "a title with this PIN was registered outside the demo");
        }
        // Only into an empty land register: demo parcels must never mix with real ones.
        if (demoRecords.count() == 0 && !parcels.search(null, null, null, null, 1).isEmpty()) {
            return DemoProgress.skipped(pin, REGISTER_NOT_EMPTY);
        }
        land.registerFirstTitle(parcel.clerk(), parcel.registration());
        demoRecords.add(parcel.recordKey(), clock.instant());
        return DemoProgress.applied(pin, "FIRST_REGISTRATION as v1");
    }

    private static String rejection(List<VersionView> chain) {
        return chain.stream().filter(v -> v.ledgerState() == LedgerState.REJECTED).findFirst()
                .map(v -> "the ledger refused v" + v.version() + " [" + v.rejectionCode() + "] " + v.rejectionReason())
                .orElse("no version");
    }
}
