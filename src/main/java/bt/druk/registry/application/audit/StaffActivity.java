package bt.druk.registry.application.audit;

import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEvent.Kind;
import bt.druk.registry.domain.audit.StaffEventLog;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What staff did, for inspectors: sign-ins (and failures), writes, and every hand-out of a document
 * with full personal data. Sign-in and download entries are bookkeeping: if the log cannot be
 * written, the failure is logged and the action goes on. Writes are logged by the record pipeline
 * in the write's own transaction ({@link StaffEvent#write}), so there is no write without its entry.
 */
@ApplicationScoped
public class StaffActivity {

    private static final Logger LOG = Logger.getLogger(StaffActivity.class.getName());
    /** Largest page a screen may ask for. */
    public static final int MAX_PAGE = 200;

    private StaffEventLog log;
    private Clock clock;

    protected StaffActivity() {
    }

    @Inject
    public StaffActivity(StaffEventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void signedIn(String username, String client) {
        note(Kind.SIGN_IN, username, client, null, null);
    }

    public void signInFailed(String typedName, String client) {
        note(Kind.SIGN_IN_FAILED, typedName, client, null, null);
    }

    /** A wrong second-factor code (or recovery code) for an account, or one refused by its throttle. */
    public void secondFactorFailed(String username, String client, boolean throttled) {
        note(throttled ? Kind.SIGN_IN_THROTTLED : Kind.SIGN_IN_FAILED, username, client, null,
                throttled ? "second factor: too many wrong codes" : "second factor: wrong code");
    }

    /**
     * An API request with a known token that no longer signs in (bookkeeping, like a failed
     * sign-in): {@code reason} says whether it was revoked, expired or its account changed.
     */
    public void apiTokenRefused(String owner, String client, String tokenId, String reason) {
        note(Kind.API_TOKEN_REFUSED, owner, client, tokenId, reason);
    }

    public void signInThrottled(String typedName, String client) {
        note(Kind.SIGN_IN_THROTTLED, typedName, client, null, null);
    }

    /**
     * A change to a staff account, by {@code actor} (an administrator, or the account's holder), in
     * the caller's transaction: unlike sign-in bookkeeping, a failure to log it undoes the change,
     * so there is no account change without its entry.
     */
    public void accountChanged(Kind kind, String actor, String client, String account, String detail) {
        log.append(new StaffEvent(clock.instant(), kind, actor, client, account, detail));
    }

    /**
     * How the log names a typed user name that matches no account: {@code unknown:} and the first
     * 32 hex digits of its SHA-256, so repeated guesses of one name can be told apart without the
     * log keeping what was typed (often a password typed into the wrong field).
     */
    public static String unknownName(String typedName) {
        String hash = CanonicalJson.sha256Hex(typedName == null ? "" : typedName);
        return "unknown:" + hash.substring(0, 32);
    }

    public void downloaded(StaffMember staff, String client, String document, String what) {
        note(Kind.DOWNLOAD, staff.username(), client, document, what);
    }

    /** A page of the log, newest first, and how many entries match in all. */
    public record Page(List<StaffEvent> events, long total, int first) {
        public Page {
            events = List.copyOf(events);
        }
    }

    public Page page(StaffMember inspector, StaffEventLog.Filter filter, int first, int max) {
        Inspectors.require(inspector);
        int from = Math.max(0, first);
        return new Page(log.page(filter, from, Math.max(1, Math.min(MAX_PAGE, max))), log.count(filter), from);
    }

    private void note(Kind kind, String actor, String client, String subject, String detail) {
        try {
            log.append(new StaffEvent(clock.instant(), kind, actor, client, subject, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "could not log " + kind + " of " + actor);
        }
    }
}
