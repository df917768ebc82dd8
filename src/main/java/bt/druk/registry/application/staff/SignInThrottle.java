package bt.druk.registry.application.staff;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.staff.SignInStrikes;
import bt.druk.registry.domain.staff.SignInStrikes.Strikes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Slows down password guessing without handing an outsider a way to lock a clerk out.
 *
 * <ul>
 * <li>A user name <em>at one client address</em> is refused for {@link #LOCK} after
 * {@value #MAX_FAILURES} failures within {@link #WINDOW}. Someone guessing from elsewhere locks
 * only their own address, never the clerk at the office.</li>
 * <li>A client address trying many names is refused for {@link #LOCK} after
 * {@value #MAX_CLIENT_FAILURES} failures within {@link #WINDOW}, whatever the names.</li>
 * </ul>
 * Unknown user names count exactly like known ones, so the throttle tells nothing about which
 * names exist; names are kept only as SHA-256. The counts are in the database
 * ({@link SignInStrikes}), shared by every portal instance and kept over restarts.
 * If that store fails, sign-in goes on unthrottled and the failure is logged: the throttle is a
 * brake, and the slow password hash stays in the way.
 *
 * <p>The same counts brake account registration (supplier accounts): a client address may try
 * {@value #MAX_REGISTRATIONS} registrations within {@link #WINDOW}, then waits {@link #LOCK}. That
 * bounds how fast one address can make accounts, spend password hashes, or probe which user names
 * and registration numbers are taken.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    static final int MAX_FAILURES = 5;
    static final int MAX_CLIENT_FAILURES = 30;
    static final int MAX_REGISTRATIONS = 5;
    /**
     * Wrong second-factor codes per account, from any address, before its codes are refused for
     * {@link #LOCK}: whoever is typing them already has the password, so here the account is the
     * subject (NIST SP 800-63B 5.2.2), and three valid codes in a million make guessing slow.
     */
    static final int MAX_FACTOR_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private Clock clock;
    private SignInStrikes strikes;

    protected SignInThrottle() {
    }

    @Inject
    public SignInThrottle(Clock clock, SignInStrikes strikes) {
        this.clock = clock;
        this.strikes = strikes;
    }

    /** How long sign-in stays refused for this user name from this client, if it is. */
    public Optional<Duration> lockedFor(String username, String client) {
        Instant now = clock.instant();
        try {
            return Stream.of(nameAtClient(username, client), clientSubject(client))
                    .map(strikes::find)
                    .flatMap(Optional::stream)
                    .map(Strikes::lockedUntil)
                    .filter(until -> until != null && now.isBefore(until))
                    .max(Instant::compareTo)
                    .map(until -> Duration.between(now, until));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sign-in throttle unreadable; not throttling", e);
            return Optional.empty();
        }
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        try {
            strikes.update(nameAtClient(username, client), s -> counted(s, now, MAX_FAILURES));
            strikes.update(clientSubject(client), s -> counted(s, now, MAX_CLIENT_FAILURES));
            strikes.forgetStale(now.minus(WINDOW), now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not count a failed sign-in", e);
        }
    }

    /** A correct password forgets this name's failures at this client (the client's own count stays). */
    public void succeeded(String username, String client) {
        try {
            strikes.clear(nameAtClient(username, client));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not reset the sign-in throttle", e);
        }
    }

    /** How long second-factor codes of this account stay refused, if they are. */
    public Optional<Duration> factorLockedFor(String username) {
        Instant now = clock.instant();
        try {
            return strikes.find(factorSubject(username))
                    .map(Strikes::lockedUntil)
                    .filter(until -> until != null && now.isBefore(until))
                    .map(until -> Duration.between(now, until));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "second-factor throttle unreadable; not throttling", e);
            return Optional.empty();
        }
    }

    /** Counts a wrong second-factor code of this account. */
    public void factorFailed(String username) {
        Instant now = clock.instant();
        try {
            strikes.update(factorSubject(username), s -> counted(s, now, MAX_FACTOR_FAILURES));
            strikes.forgetStale(now.minus(WINDOW), now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not count a wrong second-factor code", e);
        }
    }

    /** A right code forgets the account's wrong ones. */
    public void factorSucceeded(String username) {
        try {
            strikes.clear(factorSubject(username));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not reset the second-factor throttle", e);
        }
    }

    /** How long registering stays refused for this client address, if it is. */
    public Optional<Duration> registrationLockedFor(String client) {
        Instant now = clock.instant();
        try {
            return strikes.find(registrationSubject(client))
                    .map(Strikes::lockedUntil)
                    .filter(until -> until != null && now.isBefore(until))
                    .map(until -> Duration.between(now, until));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "registration throttle unreadable; not throttling", e);
            return Optional.empty();
        }
    }

    /** Counts a registration attempt from this client address, whether it succeeded or not. */
    public void registrationAttempted(String client) {
        Instant now = clock.instant();
        try {
            strikes.update(registrationSubject(client), s -> counted(s, now, MAX_REGISTRATIONS));
            strikes.forgetStale(now.minus(WINDOW), now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not count a registration", e);
        }
    }

    private static Strikes counted(Strikes s, Instant now, int max) {
        boolean stillLocked = s != null && s.lockedUntil() != null && now.isBefore(s.lockedUntil());
        if (s == null || (!stillLocked && !now.isBefore(s.first().plus(WINDOW)))) {
            return new Strikes(1, now, max <= 1 ? now.plus(LOCK) : null);
        }
        int count = s.count() + 1;
        Instant lockedUntil = count >= max && !stillLocked ? now.plus(LOCK) : s.lockedUntil();
        return new Strikes(count, s.first(), lockedUntil);
    }

    static String nameAtClient(String username, String client) {
        return "name:" + CanonicalJson.sha256Hex(username) + "@" + clientOf(client);
    }

    static String clientSubject(String client) {
        return "client:" + clientOf(client);
    }

    static String factorSubject(String username) {
        return "factor:" + CanonicalJson.sha256Hex(username);
    }

    static String registrationSubject(String client) {
        return "register:" + clientOf(client);
    }

    private static String clientOf(String client) {
        return client == null || client.isBlank() ? "unknown" : client.length() > 64 ? client.substring(0, 64) : client;
    }
}
