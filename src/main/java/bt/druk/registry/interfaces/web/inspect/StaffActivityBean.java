package bt.druk.registry.interfaces.web.inspect;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEventLog;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code /inspect/activity.xhtml}: the staff activity log (sign-ins and their failures, writes,
 * hand-outs of documents with full personal data), newest first, filtered by kind and user name, a
 * page at a time.
 */
@Named
@ViewScoped
public class StaffActivityBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StaffActivity activity;

    @Inject
    transient CurrentStaff currentStaff;

    private StaffEvent.Kind kind;
    private String user;
    private StaffEventLog.Filter applied = StaffEventLog.Filter.ALL;
    private final Events events = new Events();

    public void apply() {
        String name = user == null || user.isBlank() ? null : user.strip().toLowerCase(java.util.Locale.ROOT);
        applied = new StaffEventLog.Filter(kind, name, null, null);
    }

    public void clear() {
        kind = null;
        user = null;
        applied = StaffEventLog.Filter.ALL;
    }

    public List<StaffEvent.Kind> getKinds() {
        return Arrays.asList(StaffEvent.Kind.values());
    }

    public LazyDataModel<StaffEvent> getEvents() {
        return events;
    }

    private final class Events extends LazyDataModel<StaffEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, activity.page(currentStaff.require(), applied, 0, 1).total());
        }

        @Override
        public List<StaffEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            StaffActivity.Page page = activity.page(currentStaff.require(), applied, first, pageSize);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.events();
        }

        @Override
        public String getRowKey(StaffEvent event) {
            return event.at() + "#" + event.kind() + "#" + event.actor() + "#" + event.subject();
        }
    }

    public StaffEvent.Kind getKind() { return kind; }
    public void setKind(StaffEvent.Kind kind) { this.kind = kind; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
}
