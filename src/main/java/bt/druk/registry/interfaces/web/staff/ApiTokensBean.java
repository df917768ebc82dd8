package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.application.staff.ApiTokens;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A signed-in staff member's personal API tokens ({@code /clerk/api-tokens.xhtml}): make one with a
 * name and a life in days, see its value once ({@link #getShown()}, forgotten at the next action and
 * never in a later view), list their own and revoke one after a question on the page. The page is
 * sent uncached ({@code SecurityHeadersFilter}).
 */
@Named
@ViewScoped
public class ApiTokensBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "apiTokens";

    /** A token just made: its value, shown this once. */
    public record Shown(String name, String value, Instant expiresAt) implements Serializable {
        /** Never the value: records print their fields. */
        @Override
        public String toString() {
            return "Shown[" + name + "]";
        }
    }

    /** One token as the list shows it (never its hash). */
    public record Row(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                      ApiTokens.Status status) implements Serializable {
        public boolean isLive() {
            return status == ApiTokens.Status.LIVE;
        }
    }

    @Inject
    transient ApiTokens tokens;

    @Inject
    transient ClientConnections clients;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String name;
    private Integer days = ApiTokens.DEFAULT_DAYS;
    private Shown shown;
    private String pendingId;
    private String pendingName;
    private transient List<Row> rows;

    public void create() {
        shown = null;
        cancel();
        try {
            ApiTokens.NewToken made = tokens.create(currentStaff.require(), name, days, client());
            shown = new Shown(made.token().name(), made.value(), made.token().expiresAt());
            name = null;
            days = ApiTokens.DEFAULT_DAYS;
            rows = null;
        } catch (ValidationException e) {
            messages.show(e, FORM);
        }
    }

    /** Asks for the confirmation of revoking one token; nothing is done yet. */
    public void ask(String id) {
        shown = null;
        pendingId = id;
        pendingName = getTokens().stream().filter(r -> r.id().equals(id)).map(Row::name).findFirst().orElse(null);
        if (pendingName == null) {
            cancel();
        }
    }

    public void cancel() {
        pendingId = null;
        pendingName = null;
    }

    /** Revokes the token asked about. */
    public void confirm() {
        String id = pendingId;
        String revoked = pendingName;
        cancel();
        if (id == null) {
            return;
        }
        try {
            tokens.revoke(currentStaff.require(), id, client());
            messages.info(null, "apiTokens.revoked", revoked);
        } catch (AccessDeniedException e) {
            messages.error(null, "apiTokens.noSuchToken");
        }
        rows = null;
    }

    public List<Row> getTokens() {
        if (rows == null) {
            rows = tokens.list(currentStaff.require()).stream()
                    .map(l -> new Row(l.token().id(), l.token().name(), l.token().createdAt(), l.token().expiresAt(),
                            l.token().lastUsedAt(), l.status()))
                    .toList();
        }
        return rows;
    }

    protected String client() {
        return clients.address((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public int getMaxDays() { return ApiTokens.MAX_DAYS; }
    public int getMaxLive() { return ApiTokens.MAX_LIVE; }
    public boolean isConfirming() { return pendingId != null; }
    public String getPendingName() { return pendingName; }
    public Shown getShown() { return shown; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getDays() { return days; }
    public void setDays(Integer days) { this.days = days; }
}
