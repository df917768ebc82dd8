package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordVersion;
import java.util.Optional;
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
    private LedgerImprints imprints;

    protected RecordQueryService() {
    }

    @Inject
    public RecordQueryService(RecordRepository repository, LedgerImprints imprints) {
        this.repository = repository;
        this.imprints = imprints;
    }

    /**
     * The exact text behind a hash: a version's canonical document (by its document hash), or the
     * public text whose SHA-256 the ledger holds for it (by its ledger hash).
     * Every register's versions are public: people appear in them only as commitments, and a bid's
     * supplier and price only from its opening. Anyone can recompute the hash with their own tools and compare it
     * with the ledger without trusting the portal.
     */
    public Optional<PublicDocument> publicDocument(String hash) {
        if (!CanonicalJson.isSha256Hex(hash)) {
            return Optional.empty();
        }
        for (RecordVersion v : repository.findByHash(hash)) {
            if (v.documentHash().equals(hash)) {
                return Optional.of(new PublicDocument(v.recordKey(), v.version(), v.canonicalJson()));
            }
            Optional<String> text = imprints.of(v.imprint()).hashedText(v.canonicalJson())
                    .filter(t -> CanonicalJson.sha256Hex(t).equals(hash));
            if (text.isPresent()) {
                return Optional.of(new PublicDocument(v.recordKey(), v.version(), text.get()));
            }
        }
        return Optional.empty();
    }

    /** The text whose SHA-256 is the hash asked for, and the record version it belongs to. */
    public record PublicDocument(String recordKey, int version, String canonicalJson) {
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
