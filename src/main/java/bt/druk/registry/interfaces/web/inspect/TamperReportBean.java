package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.TamperReport;
import bt.druk.registry.application.audit.TamperReportJobs;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /inspect/tamper.xhtml}: start a run, watch its progress (the page polls while it runs), and
 * read the latest finished run's findings: this portal's own discrepancies first, then the ledger's
 * records this database does not know.
 */
@Named
@ViewScoped
public class TamperReportBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TamperReportBean.class.getName());

    @Inject
    transient TamperReport report;

    @Inject
    transient TamperReportJobs jobs;

    @Inject
    transient CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private transient ReconciliationRun latest;
    private transient ReconciliationRun shown;
    private transient List<ReconciliationFinding> findings;

    public void start() {
        try {
            TamperReportJobs.Start start = jobs.start(currentStaff.require());
            if (start instanceof TamperReportJobs.Start.AlreadyRunning) {
                messages.warn(null, "tamper.alreadyRunning");
            } else {
                messages.info(null, "tamper.started");
            }
        } catch (AccessDeniedException e) {
            messages.error(null, "tamper.notInspector");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tamper report could not start", e);
            messages.error(null, "tamper.startFailed");
        }
        forget();
    }

    /**
     * Called by the page's poll while a run is under way: the latest run is read again each time, the
     * shown run's findings (possibly thousands) only once the run has ended.
     */
    public void refresh() {
        latest = null;
        if (!jobs.isRunning()) {
            forget();
        }
    }

    private void forget() {
        latest = null;
        shown = null;
        findings = null;
    }

    public boolean isRunning() {
        return jobs.isRunning();
    }

    public int getPercent() {
        return jobs.progress().map(TamperReportJobs.Progress::percent).orElse(0);
    }

    public String getProgressText() {
        return jobs.progress().map(p -> messages.text("tamper.progress", p.done(), p.total())).orElse("");
    }

    /** The most recently started run, whatever became of it. */
    public ReconciliationRun getLatest() {
        if (latest == null) {
            latest = report.latest().orElse(null);
        }
        return latest;
    }

    /** A RUNNING run that no job of this portal is doing any more: the portal stopped during it. */
    public boolean isLatestInterrupted() {
        ReconciliationRun run = getLatest();
        return run != null && run.state() == ReconciliationRun.State.RUNNING && !isRunning();
    }

    /** The run whose findings the page shows: the latest finished one. */
    public ReconciliationRun getShown() {
        if (shown == null) {
            shown = report.latestFinished().orElse(null);
        }
        return shown;
    }

    private List<ReconciliationFinding> findings() {
        if (findings == null) {
            ReconciliationRun run = getShown();
            findings = run == null ? List.of() : report.findings(run.id());
        }
        return findings;
    }

    /** Discrepancies of this portal's own records. */
    public List<ReconciliationFinding> getTamperFindings() {
        return findings().stream().filter(f -> f.kind().isTampering()).toList();
    }

    /** Ledger records this portal's database does not know (other portals on the same ledger, or deleted rows). */
    public List<ReconciliationFinding> getUnknownFindings() {
        return findings().stream().filter(f -> !f.kind().isTampering()).toList();
    }
}
