package bt.druk.registry.interfaces.web.land;

import bt.druk.registry.application.land.ThramImportService;
import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.domain.land.ThramImportRow;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.RecordNotFoundException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.infrastructure.batch.ThramImportJobs;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bulk import of existing thrams: the clerk uploads the CSV file, reads the report of every row
 * (nothing registered yet), then starts the registration of the good rows, which the
 * {@code thram-import} batch job does while this page shows its progress.
 */
@Named
@ViewScoped
public class ThramImportBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ThramImportBean.class.getName());
    static final String FORM = "upload";
    /** A 20,000-row file is about 2 MB; anything much larger is not this import's file. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    /** Rows of the report shown on the page (of each outcome); the rest are counted. */
    static final int REPORT_ROWS = 500;

    @Inject
    transient ThramImportService imports;

    @Inject
    transient ThramImportJobs jobs;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private Long id;
    private transient Part file;
    private transient ThramImport current;
    private transient List<ThramImportRow> report;
    private transient Integer committed;

    /** Reads the file, checks every row and shows the report (or the same file's earlier import). */
    public String upload() {
        if (file == null || (file.getSize() <= 0 && (file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()))) {
            messages.error(FORM + ":file", "import.noFile");
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            messages.error(FORM + ":file", "import.tooLarge");
            return null;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "thram import upload could not be read", e);
            messages.error(FORM + ":file", "import.noFile");
            return null;
        }
        try {
            ThramImport checked = imports.check(currentStaff.require(), file.getSubmittedFileName(), content);
            return "/clerk/land/import?faces-redirect=true&id=" + checked.id();
        } catch (ValidationException e) {
            messages.show(e, FORM);
            return null;
        }
    }

    /** Starts (or, after a restart, resumes) the registration of the good rows. */
    public void register() {
        ThramImport started = imports.startRegistration(currentStaff.require(), id);
        if (started.state() == ThramImport.State.REGISTERING) {
            jobs.start(started.id());
        }
        current = started;
    }

    public ThramImport getImport() {
        if (current == null && id != null) {
            try {
                current = imports.find(currentStaff.require(), id);
            } catch (RecordNotFoundException | AccessDeniedException e) {
                id = null;
            }
        }
        return current;
    }

    /** The bad and already-registered rows, row by row. */
    public List<ThramImportRow> getReport() {
        if (report == null) {
            report = getImport() == null ? List.of() : imports.reportRows(currentStaff.require(), id, REPORT_ROWS);
        }
        return report;
    }

    public int getCommitted() {
        if (committed == null) {
            committed = getImport() == null ? 0 : imports.committedOnLedger(currentStaff.require(), id);
        }
        return committed;
    }

    /** Rows whose outcome is final, for the progress bar: those registered or found registered meanwhile, out of the good ones when checked. */
    public int getDone() {
        ThramImport i = getImport();
        return i == null ? 0 : i.rowsRegistered();
    }

    public int getToRegister() {
        ThramImport i = getImport();
        return i == null ? 0 : i.rowsGood();
    }

    /** The page polls while rows are being registered or registered titles wait for the ledger. */
    public boolean isPolling() {
        ThramImport i = getImport();
        return i != null && (i.state() == ThramImport.State.REGISTERING || getCommitted() < i.rowsRegistered());
    }

    public boolean isCanRegister() {
        ThramImport i = getImport();
        return i != null && i.state() == ThramImport.State.CHECKED && i.rowsGood() > 0;
    }

    /** A REGISTERING import no job of this portal runs (e.g. a job stopped by a failure): the clerk may resume it. */
    public boolean isCanResume() {
        ThramImport i = getImport();
        return i != null && i.state() == ThramImport.State.REGISTERING && !jobs.isRunning(i.id());
    }

    /** Forgets the cached state so a poll shows the progress now. */
    public void refresh() {
        current = null;
        report = null;
        committed = null;
    }

    public String errorText(ThramImportRow.CellError error) {
        return messages.errorText(error.code(), error.message());
    }

    public List<ThramImport> getRecent() {
        return imports.recent(currentStaff.require(), 10);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
