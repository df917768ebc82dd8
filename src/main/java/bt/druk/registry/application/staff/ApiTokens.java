package bt.druk.registry.application.staff;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.domain.audit.StaffEvent.Kind;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.ApiToken;
import bt.druk.registry.domain.staff.ApiTokenRepository;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Personal API tokens of staff (ASVS 3.5.2): the REST API's sign-in for accounts whose page
 * sign-in needs a second factor, which HTTP Basic cannot carry.
 *
 * <p>A holder signed in on the pages, and so with their factor, makes a token with a name and an
 * expiry of 1 to {@value #MAX_DAYS} days ({@link #create}); its value, 32 random bytes after
 * {@link ApiToken#PREFIX}, is shown once and only its SHA-256 is kept. Holders list and revoke their
 * own tokens; at most {@value #MAX_LIVE} work at once.
 *
 * <p>A token keeps the account's {@link CredentialStamp} of the moment it was made and signs in only
 * while the account, enabled, still has that stamp ({@link #authenticate}). So disabling the
 * account, a new password (by its holder or an operator, even straight in the database), another
 * role or a factor reset ends its API access at its next request, with no list of places that must
 * remember to revoke tokens, and the groups a token signs in with are the account's now. A password
 * change ends its tokens for good (every hash has a fresh salt); re-enabling a disabled account
 * gives back its unexpired tokens, as it gives back its password and factor.
 */
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());
    /** Longest life of a token. */
    public static final int MAX_DAYS = 90;
    /** A token's life when its holder does not choose one. */
    public static final int DEFAULT_DAYS = 30;
    /** Tokens of one account that may work at once. */
    public static final int MAX_LIVE = 10;
    /** How often a token's last use is written down at most: one write a minute, not one a request. */
    public static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final int RANDOM_BYTES = 32;
    /** The prefix and 43 characters of URL-safe Base64 without padding (32 bytes). */
    private static final Pattern VALUE = Pattern.compile(Pattern.quote(ApiToken.PREFIX) + "[A-Za-z0-9_-]{43}");

    private ApiTokenRepository tokens;
    private StaffAccountRepository accounts;
    private StaffActivity activity;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected ApiTokens() {
    }

    @Inject
    public ApiTokens(ApiTokenRepository tokens, StaffAccountRepository accounts, StaffActivity activity, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.activity = activity;
        this.clock = clock;
    }

    /** A token just made and its value, which is shown this once and kept nowhere. */
    public record NewToken(ApiToken token, String value) {
        public NewToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(value, "value");
        }

        /** Never the value: records print their fields. */
        @Override
        public String toString() {
            return "NewToken[" + token + "]";
        }
    }

    /** Where a token stands now, as its holder's list shows it. */
    public enum Status {
        LIVE,
        EXPIRED,
        REVOKED,
        /** Its account was disabled, or its password, role or second factor changed since it was made. */
        ENDED
    }

    /** A token of the holder's list and where it stands. */
    public record Listed(ApiToken token, Status status) {
    }

    /** Who a token signs in as: the account's user name and its groups now. */
    public record Caller(String username, Set<String> groups) {
        public Caller {
            Objects.requireNonNull(username, "username");
            groups = Set.copyOf(groups);
        }
    }

    /**
     * Makes a token for the signed-in holder.
     *
     * @param days its life in days, 1 to {@value #MAX_DAYS}; null for {@value #DEFAULT_DAYS}
     * @throws ValidationException on {@code name} (blank or too long), {@code days} (out of range), or
     *                             as a whole ("") when {@value #MAX_LIVE} tokens work already
     * @throws AccessDeniedException when the holder has no enabled staff account
     */
    @Transactional
    public NewToken create(StaffMember self, String name, Integer days, String client) {
        StaffAccount account = enabledAccount(self);
        String named = name == null ? "" : name.strip();
        ValidationException.Collector errors = new ValidationException.Collector();
        if (named.isEmpty()) {
            errors.add("name", "apiToken.name.required", "Say what the token is for.");
        } else if (named.length() > ApiToken.MAX_NAME) {
            errors.add("name", "apiToken.name.long", "A token's name is at most " + ApiToken.MAX_NAME + " characters.");
        }
        int life = days == null ? DEFAULT_DAYS : days;
        if (life < 1 || life > MAX_DAYS) {
            errors.add("days", "apiToken.days.range", "A token lasts 1 to " + MAX_DAYS + " days.");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        CredentialStamp stamp = account.credentialStamp();
        long live = tokens.ofOwner(account.username()).stream()
                .filter(t -> t.liveAt(now) && t.madeUnder(stamp)).count();
        if (live >= MAX_LIVE) {
            throw ValidationException.of("", "apiToken.limit",
                    "You have " + MAX_LIVE + " tokens that work already. Revoke one you no longer use first.");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String value = ApiToken.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), account.username(), named, hash(value),
                stamp.value(), now, now.plus(Duration.ofDays(life)), null, null);
        tokens.save(token);
        activity.accountChanged(Kind.API_TOKEN_CREATED, account.username(), client, token.id(),
                "\"" + named + "\" until " + token.expiresAt());
        LOG.info(() -> "API token " + token.id() + " made by " + account.username());
        return new NewToken(token, value);
    }

    /** The holder's own tokens, newest first, with where each stands now. */
    @Transactional
    public List<Listed> list(StaffMember self) {
        Instant now = clock.instant();
        CredentialStamp stamp = accounts.findByUsername(StaffAccount.normaliseUsername(self.username()))
                .filter(StaffAccount::enabled).map(StaffAccount::credentialStamp).orElse(null);
        return tokens.ofOwner(StaffAccount.normaliseUsername(self.username())).stream()
                .map(t -> new Listed(t, status(t, stamp, now)))
                .toList();
    }

    /** The one rule for where a token stands, for the holder's list and for sign-in alike. */
    private static Status status(ApiToken token, CredentialStamp stamp, Instant now) {
        if (token.revokedAt() != null) {
            return Status.REVOKED;
        }
        if (!now.isBefore(token.expiresAt())) {
            return Status.EXPIRED;
        }
        return token.madeUnder(stamp) ? Status.LIVE : Status.ENDED;
    }

    /**
     * Revokes one of the holder's own tokens: refused from the next request on. Revoking one
     * revoked already changes nothing.
     *
     * @throws AccessDeniedException when there is no such token of this holder (whether it is
     *                               someone else's is not said)
     */
    @Transactional
    public void revoke(StaffMember self, String tokenId, String client) {
        String owner = StaffAccount.normaliseUsername(self.username());
        ApiToken token = (tokenId == null ? Optional.<ApiToken>empty() : tokens.findById(tokenId))
                .filter(t -> t.owner().equals(owner))
                .orElseThrow(() -> new AccessDeniedException("no API token " + tokenId + " of " + owner));
        if (token.revokedAt() != null) {
            return;
        }
        tokens.save(token.revokedAt(clock.instant()));
        activity.accountChanged(Kind.API_TOKEN_REVOKED, owner, client, token.id(), "\"" + token.name() + "\"");
    }

    /**
     * Who a bearer token signs in as, if anyone: a value of the right form whose hash is known, not
     * revoked, not expired, and whose account is enabled with the stamp the token was made under.
     * A known token refused is logged ({@link StaffActivity#apiTokenRefused}); a value matching no
     * token is not (it names no one, and 256 random bits are not guessed). The use is written down
     * at most once a {@link #USE_NOTED_EVERY minute} per token, and a failure to write it is logged,
     * never a refusal.
     *
     * <p>Not one transaction, like {@link StaffAccountService#authenticate}: the token and the
     * account are only read, and the log entry and the use are bookkeeping in transactions of their
     * own, whose failure must not turn into a failed commit of the request's sign-in.
     */
    public Optional<Caller> authenticate(String value, String client) {
        if (value == null || !VALUE.matcher(value).matches()) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByHash(hash(value));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Instant now = clock.instant();
        StaffAccount account = accounts.findByUsername(token.owner()).filter(StaffAccount::enabled).orElse(null);
        String refused = switch (status(token, account == null ? null : account.credentialStamp(), now)) {
            case LIVE -> null;
            case REVOKED -> "revoked";
            case EXPIRED -> "expired";
            case ENDED -> account == null ? "account disabled" : "password, role or second factor changed since";
        };
        if (refused != null) {
            LOG.info(() -> "API token " + token.id() + " of " + token.owner() + " refused: " + refused);
            activity.apiTokenRefused(token.owner(), client, token.id(), refused);
            return Optional.empty();
        }
        if (token.useWorthNoting(now, USE_NOTED_EVERY)) {
            try {
                tokens.recordUse(token.id(), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "could not note the use of API token " + token.id() + "; the request goes on");
            }
        }
        return Optional.of(new Caller(account.username(), account.groups()));
    }

    /** What is kept of a value and searched by: SHA-256 hex (the value has 256 random bits, no salt needed). */
    static String hash(String value) {
        return CanonicalJson.sha256Hex(value);
    }

    private StaffAccount enabledAccount(StaffMember self) {
        return accounts.findByUsername(StaffAccount.normaliseUsername(self.username())).filter(StaffAccount::enabled)
                .orElseThrow(() -> new AccessDeniedException("no enabled staff account " + self.username()));
    }
}
