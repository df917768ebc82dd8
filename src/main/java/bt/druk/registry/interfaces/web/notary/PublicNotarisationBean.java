package bt.druk.registry.interfaces.web.notary;

import bt.druk.registry.application.notary.NotarisationView;
import bt.druk.registry.application.notary.NotaryQueries;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.record.Party;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A notarisation as anyone sees it, without signing in: what was notarised (type, office, date, the
 * document's SHA-256), whether it is still valid, the ledger's receipt and history, and "verify on
 * ledger". No personal data: the parties appear only as their count and commitments, and the name
 * the file was uploaded with is not shown.
 */
@Named
@RequestScoped
public class PublicNotarisationBean {

    @Inject
    NotaryQueries queries;

    @Inject
    LedgerChecks ledgerChecks;

    @Inject
    Messages messages;

    private String id;
    private NotarisationView view;
    private String check;
    private LedgerVerification result;

    public NotarisationView getView() {
        if (view == null && id != null) {
            view = queries.notarisation(id).orElse(null);
        }
        return view;
    }

    public boolean isFound() {
        return getView() != null;
    }

    public Notarisation getNotarisation() {
        return isFound() ? view.notarisation() : null;
    }

    /** Only the parties' commitments: SHA-256 of name, CID and salt, which stay in the portal's database. */
    public List<String> getPartyCommitments() {
        return isFound() ? view.notarisation().parties().stream().map(Party::commitment).toList() : List.of();
    }

    /** The receipt of the current version, once it is committed. */
    public ReceiptView getReceipt() {
        return current() == null ? null : current().receipt();
    }

    private VersionView current() {
        if (!isFound()) {
            return null;
        }
        return view.versions().stream().filter(v -> v.version() == view.version()).findFirst().orElse(null);
    }

    /** "Check a file against this": the verify page for the document's hash. */
    public String getVerifyFilePath() {
        return isFound() ? verifyPath(view.notarisation().file().sha256()) : null;
    }

    static String verifyPath(String sha256) {
        return "/verify.xhtml?hash=" + URLEncoder.encode(sha256, StandardCharsets.UTF_8);
    }

    /** View action: with {@code check=ledger}, the record compared with the ledger (cached a few seconds, rate-limited). */
    public void load() {
        if ("ledger".equals(check) && isFound()) {
            result = ledgerChecks.checkOrTell(view.recordKey(), messages);
        }
    }

    public VersionCheck checkOf(int version) {
        return result == null ? null : result.checkOf(version);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id == null ? null : id.strip(); }
    public String getCheck() { return check; }
    public void setCheck(String check) { this.check = check; }
    public LedgerVerification getVerification() { return result; }
}
