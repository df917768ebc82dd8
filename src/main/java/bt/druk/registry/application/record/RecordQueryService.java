package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Register-independent views of record versions and their ledger state. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecordQueryService {

    private RecordRepository repository;

    protected RecordQueryService() {
    }

    @Inject
    public RecordQueryService(RecordRepository repository) {
        this.repository = repository;
    }

    /** Chain of title of a record: every version, oldest first, including rejected ones. */
    public List<VersionView> versions(String recordKey) {
        return repository.versionsOf(recordKey).stream().map(VersionViews::of).toList();
    }

    /** The actor's own most recent submissions, newest first (clerk dashboard: pending / committed / rejected). */
    public List<VersionView> recentSubmissions(StaffMember actor, int limit) {
        return repository.recentBySubmitter(actor.username(), clamp(limit)).stream().map(VersionViews::of).toList();
    }

    /** Versions still waiting for the ledger, oldest first (inspector/admin overview). */
    public List<VersionView> pendingVersions(int limit) {
        return repository.pending(clamp(limit)).stream().map(VersionViews::of).toList();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 500));
    }
}
