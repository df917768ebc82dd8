package bt.druk.registry.interfaces.web.notary;

import bt.druk.registry.application.notary.NotarisationView;
import bt.druk.registry.application.notary.NotaryQueries;
import bt.druk.registry.application.notary.NotaryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.notary.NotarisationStatus;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.Submissions;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A notary clerk's view of one notarisation: its details with the parties in full, the file's name
 * and hash, the ledger state of every version, and revoke or supersede while it is registered.
 */
@Named
@ViewScoped
public class NotarisationBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient NotaryQueries queries;

    @Inject
    transient NotaryService notary;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    private String id;
    private String saved;
    private transient NotarisationView view;
    private String revokeReason;
    private String replacement;
    private String supersedeReason;

    public NotarisationView getView() {
        if (view == null && id != null) {
            view = queries.notarisation(id).orElse(null);
        }
        return view;
    }

    public boolean isFound() {
        return getView() != null;
    }

    /** Poll listener: re-reads the notarisation while a version waits for the ledger. */
    public void refresh() {
        view = null;
    }

    /** True while any version waits for the ledger (the page polls). */
    public boolean isPending() {
        return isFound() && view.versions().stream().anyMatch(v -> v.ledgerState() == LedgerState.PENDING);
    }

    /** Revoke and supersede are offered for a registered notarisation whose registration is on the ledger. */
    public boolean isCanChange() {
        return isFound() && view.notarisation().status() == NotarisationStatus.REGISTERED && view.committed();
    }

    /** The version that was just saved (from the {@code saved} URL parameter), if it belongs to this notarisation. */
    public VersionView getSavedVersion() {
        if (!isFound() || saved == null || !saved.matches("[0-9]{1,9}")) {
            return null;
        }
        int version = Integer.parseInt(saved);
        return view.versions().stream().filter(v -> v.version() == version).findFirst().orElse(null);
    }

    public String revoke() {
        return submit("revoke", staff -> notary.revoke(staff, id, view.version(), revokeReason));
    }

    public String supersede() {
        return submit("supersede", staff -> notary.supersede(staff, id, view.version(), replacement, supersedeReason));
    }

    private String submit(String formId, Function<StaffMember, SubmissionAck> action) {
        if (!isFound()) {
            messages.error(null, "submit.notFound");
            return null;
        }
        return Submissions.run(messages, formId, () -> action.apply(currentStaff.require()), NotarisationBean::savedPage);
    }

    static String savedPage(SubmissionAck ack) {
        return NewNotarisationBean.savedPage(ack);
    }

    /** The public page's address of this notarisation, for the clerk to hand over. */
    public String getPublicPath() {
        return "/notary/notarisation.xhtml?id=" + URLEncoder.encode(id == null ? "" : id, StandardCharsets.UTF_8);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id == null ? null : id.strip(); }
    public String getSaved() { return saved; }
    public void setSaved(String saved) { this.saved = saved; }
    public String getRevokeReason() { return revokeReason; }
    public void setRevokeReason(String revokeReason) { this.revokeReason = revokeReason; }
    public String getReplacement() { return replacement; }
    public void setReplacement(String replacement) { this.replacement = replacement; }
    public String getSupersedeReason() { return supersedeReason; }
    public void setSupersedeReason(String supersedeReason) { this.supersedeReason = supersedeReason; }
}
