package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.AuditEntry;
import bt.druk.registry.application.audit.AuditQueries;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code /inspect/audit.xhtml}: the receipts of every register, newest first, filtered by register,
 * office, user and dates, a page at a time (a lazy table), and the same rows as CSV.
 */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditQueries queries;

    @Inject
    transient CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String register;
    private String office;
    private String user;
    private LocalDate from;
    private LocalDate to;
    /** The filter the table shows (the fields as they were when last applied). */
    private AuditFilters applied = AuditFilters.NONE;
    private final Receipts receipts = new Receipts();

    /** Applies the filter fields; problems are shown next to their fields and the table keeps its rows. */
    public void apply() {
        AuditFilters wanted = new AuditFilters(register, office, user, from, to);
        List<String[]> problems = wanted.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> messages.error("filters:" + p[0], p[1]));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        applied = wanted;
    }

    public void clear() {
        register = null;
        office = null;
        user = null;
        from = null;
        to = null;
        applied = AuditFilters.NONE;
    }

    public List<String> getRegisters() {
        return Arrays.stream(Register.values()).map(Register::code).toList();
    }

    public List<String> getOffices() {
        return queries.offices(currentStaff.require());
    }

    public List<String> getUsers() {
        return queries.submitters(currentStaff.require());
    }

    /** Context-relative href of the CSV of the applied filter. */
    public String getCsvHref() {
        String query = applied.query();
        return "/inspect/audit.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    public LazyDataModel<AuditEntry> getReceipts() {
        return receipts;
    }

    /** The table's rows, read a page at a time for the applied filter. */
    private final class Receipts extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(currentStaff.require(), applied.toFilter()));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            AuditQueries.Page page = queries.page(currentStaff.require(), applied.toFilter(), first, pageSize);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.entries();
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return entry.recordKey() + "#" + entry.version() + "#" + entry.submittedAt();
        }
    }

    public String getRegister() { return register; }
    public void setRegister(String register) { this.register = register; }
    public String getOffice() { return office; }
    public void setOffice(String office) { this.office = office; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
