package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.staff.ApiTokens.NewToken;
import bt.druk.registry.application.staff.ApiTokens.Status;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEvent.Kind;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.ApiToken;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.testing.InMemoryApiTokenRepository;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffAccountRepository;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.MutableClock;
import bt.druk.registry.testing.PlainPasswordHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens from their making on the pages to the API's use of them: shown once, kept as
 * a hash, bounded in life and number, revoked by their holder, and ended by whatever ends the
 * account's sign-in.
 */
class ApiTokensTest {

    private static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null, null);
    private static final StaffMember CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");
    private static final StaffMember OTHER = StaffMember.clerk("other.clerk", Register.LAND, "THIMPHU");
    private static final String CLIENT = "198.51.100.20";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:00Z"));
    private final InMemoryStaffAccountRepository accountRepository = new InMemoryStaffAccountRepository();
    private final InMemoryApiTokenRepository tokenRepository = new InMemoryApiTokenRepository();
    private final InMemoryStaffEventLog log = new InMemoryStaffEventLog();
    private final StaffActivity activity = new StaffActivity(log, clock);
    private final StaffAccountService accounts = new StaffAccountService(accountRepository, new PlainPasswordHasher(),
            new SignInThrottle(clock, new InMemorySignInStrikes()), activity, password -> false, clock);
    private final ApiTokens tokens = new ApiTokens(tokenRepository, accountRepository, activity, clock);

    ApiTokensTest() {
        accounts.create("admin", "Administrator", Role.ADMIN, null, null, new PlainPasswordHasher().hash("admin-password".toCharArray()));
        accounts.create("land.clerk", "Land clerk", Role.CLERK, Register.LAND, "THIMPHU", new PlainPasswordHasher().hash("right".toCharArray()));
        accounts.create("other.clerk", "Other clerk", Role.CLERK, Register.LAND, "THIMPHU", new PlainPasswordHasher().hash("right".toCharArray()));
    }

    private List<Kind> kinds() {
        return log.all().stream().map(StaffEvent::kind).toList();
    }

    private String refusedOn(String field, Runnable action) {
        ValidationException e = assertThrows(ValidationException.class, action::run);
        assertEquals(field, e.errors().get(0).field());
        return e.errors().get(0).code();
    }

    private Status status(NewToken made) {
        return tokens.list(CLERK).stream().filter(l -> l.token().id().equals(made.token().id())).findFirst()
                .orElseThrow().status();
    }

    @Nested
    class Making {

        @Test
        void theValueIsShownOnceAndOnlyItsHashIsKept() {
            NewToken made = tokens.create(CLERK, "  nightly import  ", null, CLIENT);

            assertTrue(made.value().matches("druk_[A-Za-z0-9_-]{43}"), made.value());
            assertFalse(made.toString().contains(made.value()), "the value is never printed");
            ApiToken stored = tokenRepository.findById(made.token().id()).orElseThrow();
            assertEquals(CanonicalJson.sha256Hex(made.value()), stored.tokenHash());
            assertFalse(stored.toString().contains(stored.tokenHash()));
            assertEquals("land.clerk", stored.owner());
            assertEquals("nightly import", stored.name());
            assertEquals(accountRepository.findByUsername("land.clerk").orElseThrow().credentialStamp().value(),
                    stored.credentialStamp());
            assertEquals(clock.instant(), stored.createdAt());
            assertEquals(clock.instant().plus(Duration.ofDays(30)), stored.expiresAt(), "30 days unless chosen");
            assertEquals(Status.LIVE, status(made));
            assertTrue(tokens.list(CLERK).stream().noneMatch(l -> l.token().toString().contains(made.value())));

            StaffEvent created = log.all().get(0);
            assertEquals(Kind.API_TOKEN_CREATED, created.kind());
            assertEquals("land.clerk", created.actor());
            assertEquals(CLIENT, created.client());
            assertEquals(made.token().id(), created.subject());

            assertFalse(tokens.create(CLERK, "second", 1, CLIENT).value().equals(made.value()));
        }

        @Test
        void aTokenLastsOneToNinetyDaysAndHasAName() {
            assertEquals(clock.instant().plus(Duration.ofDays(90)), tokens.create(CLERK, "long", 90, CLIENT).token().expiresAt());
            assertEquals(clock.instant().plus(Duration.ofDays(1)), tokens.create(CLERK, "short", 1, CLIENT).token().expiresAt());
            assertEquals("apiToken.days.range", refusedOn("days", () -> tokens.create(CLERK, "x", 91, CLIENT)));
            assertEquals("apiToken.days.range", refusedOn("days", () -> tokens.create(CLERK, "x", 0, CLIENT)));
            assertEquals("apiToken.days.range", refusedOn("days", () -> tokens.create(CLERK, "x", -5, CLIENT)));
            assertEquals("apiToken.name.required", refusedOn("name", () -> tokens.create(CLERK, "  ", 30, CLIENT)));
            assertEquals("apiToken.name.required", refusedOn("name", () -> tokens.create(CLERK, null, 30, CLIENT)));
            assertEquals("apiToken.name.long", refusedOn("name", () -> tokens.create(CLERK, "x".repeat(101), 30, CLIENT)));
            assertEquals(2, tokenRepository.all().size(), "nothing kept of a refused one");
        }

        @Test
        void tenTokensWorkAtOnceAndRevokedOrExpiredOnesMakeRoom() {
            NewToken first = tokens.create(CLERK, "short", 1, CLIENT);
            for (int i = 1; i < ApiTokens.MAX_LIVE; i++) {
                tokens.create(CLERK, "token " + i, 30, CLIENT);
            }
            assertEquals("apiToken.limit", refusedOn("", () -> tokens.create(CLERK, "eleventh", 30, CLIENT)));
            assertNotNull(tokens.create(OTHER, "another account's own ten", 30, CLIENT));

            clock.advance(Duration.ofDays(1));
            assertEquals(Status.EXPIRED, status(first));
            NewToken replacing = tokens.create(CLERK, "instead of the expired one", 30, CLIENT);
            assertEquals("apiToken.limit", refusedOn("", () -> tokens.create(CLERK, "again", 30, CLIENT)));
            tokens.revoke(CLERK, replacing.token().id(), CLIENT);
            assertNotNull(tokens.create(CLERK, "instead of the revoked one", 30, CLIENT));
        }

        @Test
        void onlyAnEnabledStaffAccountMakesTokens() {
            accounts.disable("land.clerk");
            assertThrows(AccessDeniedException.class, () -> tokens.create(CLERK, "x", 30, CLIENT));
            assertThrows(AccessDeniedException.class,
                    () -> tokens.create(StaffMember.clerk("nobody", Register.LAND, "THIMPHU"), "x", 30, CLIENT));
        }
    }

    @Nested
    class Using {

        private final NewToken made = tokens.create(CLERK, "nightly import", 30, CLIENT);

        @Test
        void aTokenSignsInAsItsAccountWithTheAccountsGroups() {
            ApiTokens.Caller caller = tokens.authenticate(made.value(), CLIENT).orElseThrow();
            assertEquals("land.clerk", caller.username());
            assertEquals(Set.of("clerk", "clerk-land"), caller.groups());
        }

        @Test
        void aWrongOrMalformedValueSignsNobodyInAndIsNotLogged() {
            String wrong = "druk_" + "A".repeat(43);
            for (String value : new String[] {wrong, null, "", made.value() + "x", made.value().substring(5),
                    "druk_" + "!".repeat(43)}) {
                assertTrue(tokens.authenticate(value, CLIENT).isEmpty(), value);
            }
            assertEquals(List.of(Kind.API_TOKEN_CREATED), kinds());
        }

        @Test
        void itsUseIsWrittenDownAtMostOnceAMinute() {
            tokens.authenticate(made.value(), CLIENT);
            tokens.authenticate(made.value(), CLIENT);
            clock.advance(Duration.ofSeconds(59));
            tokens.authenticate(made.value(), CLIENT);
            assertEquals(1, tokenRepository.usesNoted());
            clock.advance(Duration.ofSeconds(1));
            tokens.authenticate(made.value(), CLIENT);
            assertEquals(2, tokenRepository.usesNoted());
            assertEquals(clock.instant(), tokenRepository.findById(made.token().id()).orElseThrow().lastUsedAt());
        }

        @Test
        void anExpiredTokenIsRefusedAndTheRefusalLogged() {
            clock.advance(Duration.ofDays(30).minusSeconds(1));
            assertTrue(tokens.authenticate(made.value(), CLIENT).isPresent());
            clock.advance(Duration.ofSeconds(1));
            assertTrue(tokens.authenticate(made.value(), CLIENT).isEmpty());
            StaffEvent refused = log.all().get(log.all().size() - 1);
            assertEquals(Kind.API_TOKEN_REFUSED, refused.kind());
            assertEquals("land.clerk", refused.actor());
            assertEquals(made.token().id(), refused.subject());
            assertEquals("expired", refused.detail());
        }

        @Test
        void itsHolderRevokesItAndItIsRefusedFromTheNextRequestOn() {
            tokens.revoke(CLERK, made.token().id(), CLIENT);
            assertTrue(tokens.authenticate(made.value(), CLIENT).isEmpty());
            assertEquals(Status.REVOKED, status(made));
            tokens.revoke(CLERK, made.token().id(), CLIENT); // again: nothing more
            assertEquals(List.of(Kind.API_TOKEN_CREATED, Kind.API_TOKEN_REVOKED, Kind.API_TOKEN_REFUSED), kinds());
            assertEquals("revoked", log.all().get(2).detail());
        }

        @Test
        void nobodyRevokesOrSeesAnotherHoldersToken() {
            assertThrows(AccessDeniedException.class, () -> tokens.revoke(OTHER, made.token().id(), CLIENT));
            assertThrows(AccessDeniedException.class, () -> tokens.revoke(CLERK, "no-such-id", CLIENT));
            assertThrows(AccessDeniedException.class, () -> tokens.revoke(CLERK, null, CLIENT));
            assertTrue(tokens.list(OTHER).isEmpty());
            assertTrue(tokens.authenticate(made.value(), CLIENT).isPresent());
        }

        @Test
        void disablingTheAccountEndsItsTokensAtOnce() {
            accounts.disable(ADMIN, "land.clerk");
            assertTrue(tokens.authenticate(made.value(), CLIENT).isEmpty());
            assertEquals(Status.ENDED, status(made));
            assertEquals("account disabled", log.all().get(log.all().size() - 1).detail());

            accounts.enable(ADMIN, "land.clerk");
            assertTrue(tokens.authenticate(made.value(), CLIENT).isPresent(),
                    "re-enabled as it was, with its password, factor and unexpired tokens");
        }

        @Test
        void aNewPasswordEndsTheTokensMadeBeforeForGood() {
            accounts.changeOwnPassword(CLERK, "right".toCharArray(), "a much longer passphrase".toCharArray(), CLIENT);
            assertTrue(tokens.authenticate(made.value(), CLIENT).isEmpty());
            assertEquals(Status.ENDED, status(made));
            accounts.changePassword("land.clerk", "right".toCharArray());
            assertTrue(tokens.authenticate(made.value(), CLIENT).isEmpty(), "the old password again is a new hash");

            NewToken after = tokens.create(CLERK, "after the change", 30, CLIENT);
            assertTrue(tokens.authenticate(after.value(), CLIENT).isPresent());
        }

        @Test
        void anotherRoleEndsTheTokensSoNoneSignsInWithGroupsItWasNotMadeWith() {
            accounts.changeAccount(ADMIN, "land.clerk",
                    new StaffAccount.Assignment("Land clerk", Role.INSPECTOR, null, null, null));
            assertTrue(tokens.authenticate(made.value(), CLIENT).isEmpty());
        }
    }
}
