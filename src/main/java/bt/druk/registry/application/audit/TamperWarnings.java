package bt.druk.registry.application.audit;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRepository;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The public warning on a record page: the latest finished tamper report flagged this record. Public
 * (needs no sign-in); it says what kind of discrepancy and when, never the database's values.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TamperWarnings {

    private ReconciliationRepository runs;

    protected TamperWarnings() {
    }

    @Inject
    public TamperWarnings(ReconciliationRepository runs) {
        this.runs = runs;
    }

    /**
     * @param checkedAt when the run that flagged it finished
     * @param kinds     what it found, without repeats, in the order of {@link TamperKind}
     * @param versions  the versions concerned, ascending
     */
    public record Warning(String recordKey, long runId, Instant checkedAt, List<TamperKind> kinds, List<Integer> versions) {
        public Warning {
            kinds = List.copyOf(kinds);
            versions = List.copyOf(versions);
        }
    }

    /** The latest finished run (0 when none): a new one may add or clear a warning on any record page. */
    public long latestRunId() {
        return runs.latestFinished().map(ReconciliationRun::id).orElse(0L);
    }

    /** The warning for this record key, if the latest finished run flagged it. */
    public Optional<Warning> of(String recordKey) {
        if (recordKey == null || recordKey.isBlank()) {
            return Optional.empty();
        }
        Optional<ReconciliationRun> latest = runs.latestFinished();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        List<ReconciliationFinding> findings = runs.findingsOf(latest.get().id(), recordKey).stream()
                .filter(f -> f.kind().isTampering())
                .toList();
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Warning(recordKey, latest.get().id(), latest.get().finishedAt(),
                findings.stream().map(ReconciliationFinding::kind).distinct().sorted().toList(),
                findings.stream().map(ReconciliationFinding::version).filter(v -> v != null).distinct().sorted().toList()));
    }
}
