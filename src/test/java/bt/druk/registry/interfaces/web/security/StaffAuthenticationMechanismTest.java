package bt.druk.registry.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.procurement.SupplierAccounts;
import bt.druk.registry.application.staff.ApiTokens;
import bt.druk.registry.application.staff.DemoStaffSeeder;
import bt.druk.registry.application.staff.SignInThrottle;
import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.Totp;
import bt.druk.registry.domain.staff.TotpSecret;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.client.ForwardedRequest;
import bt.druk.registry.interfaces.web.client.TrustedProxies;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.testing.InMemoryApiTokenRepository;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffAccountRepository;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.InMemorySupplierRepository;
import bt.druk.registry.testing.MutableClock;
import bt.druk.registry.testing.PlainPasswordHasher;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The mechanism keeps the caller and groups in the session itself and gives both to the container
 * on every request, so authorisation never depends on what the container remembers per thread.
 */
class StaffAuthenticationMechanismTest {

    private static final Set<String> LAND_CLERK = Set.of("clerk", "clerk-land");

    private final StaffAuthenticationMechanism mechanism = new StaffAuthenticationMechanism();
    private final FakeRequest request = new FakeRequest();
    private int identityStoreCalls;

    StaffAuthenticationMechanismTest() {
        mechanism.verified = new VerifiedCredentials();
        mechanism.stamps = name -> Optional.of(new CredentialStamp("v1"));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        // No staff accounts behind the fake identity store: nobody needs a second factor.
        mechanism.accounts = new StaffAccountService(new InMemoryStaffAccountRepository(), new PlainPasswordHasher(),
                new SignInThrottle(clock, new InMemorySignInStrikes()), new StaffActivity(new InMemoryStaffEventLog(), clock),
                password -> false, clock);
        mechanism.clock = clock;
        mechanism.tokens = new ApiTokens(new InMemoryApiTokenRepository(), new InMemoryStaffAccountRepository(),
                new StaffActivity(new InMemoryStaffEventLog(), clock), clock);
        mechanism.clients = new ClientConnections(TrustedProxies.parse("127.0.0.1"));
        mechanism.identityStores = credential -> {
            identityStoreCalls++;
            UsernamePasswordCredential login = (UsernamePasswordCredential) credential;
            return login.getPasswordAsString().equals("right")
                    ? new CredentialValidationResult(login.getCaller(), LAND_CLERK)
                    : CredentialValidationResult.INVALID_RESULT;
        };
    }

    @Test
    void everyLaterRequestOfTheSessionIsGivenTheCallerWithItsGroupsWithoutAskingTheIdentityStoreAgain() {
        FakeContext signIn = new FakeContext(new UsernamePasswordCredential("land.clerk", new Password("right")), false);
        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request.proxy(), null, signIn.proxy()));
        assertEquals(List.of("login land.clerk [clerk, clerk-land]"), signIn.calls);

        for (int i = 0; i < 3; i++) {
            FakeContext later = new FakeContext(null, true);
            assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request.proxy(), null, later.proxy()));
            assertEquals(List.of("login land.clerk [clerk, clerk-land]"), later.calls);
        }
        assertEquals(1, identityStoreCalls);
    }

    @Test
    void signingInGivesTheSessionANewIdSoAnIdPlantedBeforeIsWorthNothing() {
        request.session(true);
        String before = request.sessionId;
        mechanism.validateRequest(request.proxy(), null,
                new FakeContext(new UsernamePasswordCredential("land.clerk", new Password("right")), false).proxy());
        assertNotEquals(before, request.sessionId);
    }

    @Test
    void aWrongPasswordSignsNobodyInAndAProtectedPageThenAsksForSignIn() {
        FakeContext wrong = new FakeContext(new UsernamePasswordCredential("land.clerk", new Password("wrong")), false);
        assertEquals(AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request.proxy(), null, wrong.proxy()));
        assertNull(SignedInCaller.of(request.session(false)));

        request.uri = "/druk-registry/clerk/land/title.xhtml";
        request.query = "pin=TH-1";
        FakeContext page = new FakeContext(null, true);
        mechanism.validateRequest(request.proxy(), null, page.proxy());
        assertEquals(List.of("redirect /druk-registry/login.xhtml?next=%2Fclerk%2Fland%2Ftitle.xhtml%3Fpin%3DTH-1"),
                page.calls);
    }

    @Test
    void signingOutForgetsTheCallerOfTheSession() {
        mechanism.validateRequest(request.proxy(), null,
                new FakeContext(new UsernamePasswordCredential("land.clerk", new Password("right")), false).proxy());
        mechanism.cleanSubject(request.proxy(), null, new FakeContext(null, false).proxy());
        assertNull(SignedInCaller.of(request.session(false)));

        FakeContext page = new FakeContext(null, true);
        mechanism.validateRequest(request.proxy(), null, page.proxy());
        assertEquals("redirect", page.calls.get(0).split(" ")[0]);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anApiRequestWithRightBasicCredentialsIsSignedInWithoutASessionAndTheCheckIsRememberedBriefly() {
        request.uri = "/druk-registry/api/land/titles";
        request.method = "POST";
        request.authorization = basic("land.clerk:right");
        for (int i = 0; i < 2; i++) {
            FakeContext api = new FakeContext(null, false);
            assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request.proxy(), null, api.proxy()));
            assertEquals(List.of("login land.clerk [clerk, clerk-land]"), api.calls);
        }
        assertEquals(1, identityStoreCalls, "a credential found valid is believed for a while, not derived again");
        assertNull(request.sessionId, "nothing is kept in a session");
        // Another password for the same name is asked about again, and refused.
        request.authorization = basic("land.clerk:other");
        FakeContext wrong = new FakeContext(null, false);
        assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request.proxy(), null, wrong.proxy()));
        assertEquals(2, identityStoreCalls);
    }

    @Test
    void anApiRequestWithWrongMissingOrGarbledCredentialsStaysAnonymousForTheApiToAnswer401() {
        request.uri = "/druk-registry/api/notary/batch";
        for (String header : new String[] {basic("land.clerk:wrong"), null, "Basic ###", "Bearer abc", basic("no-colon")}) {
            request.authorization = header;
            FakeContext api = new FakeContext(null, false);
            assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request.proxy(), null, api.proxy()), header);
            assertEquals(List.of(), api.calls, header);
        }
        assertEquals(1, identityStoreCalls, "only the well-formed credential reaches the identity store");
        assertNull(request.sessionId);
    }

    @Test
    void aPageSessionDoesNotSignInAnApiRequestSoAnotherSiteCannotWriteWithTheCookie() {
        mechanism.validateRequest(request.proxy(), null,
                new FakeContext(new UsernamePasswordCredential("land.clerk", new Password("right")), false).proxy());
        request.uri = "/druk-registry/api/land/titles";
        FakeContext api = new FakeContext(null, false);
        assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request.proxy(), null, api.proxy()));
        assertEquals(List.of(), api.calls);

        request.uri = "/druk-registry/apiary.xhtml";
        FakeContext page = new FakeContext(null, false);
        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request.proxy(), null, page.proxy()),
                "only /api itself is the API");
    }

    @Test
    void basicCredentialsKeepColonsInThePasswordAndRefuseOtherSchemes() {
        UsernamePasswordCredential parsed = BasicCredentials.parse(basic("notary.clerk:a:b é")).orElseThrow();
        assertEquals("notary.clerk", parsed.getCaller());
        assertEquals("a:b é", parsed.getPasswordAsString());
        assertEquals("x", BasicCredentials.parse("basic " + Base64.getEncoder().encodeToString("x:y".getBytes(StandardCharsets.UTF_8)))
                .orElseThrow().getCaller());
        assertTrue(BasicCredentials.parse("Digest abc").isEmpty());
        assertTrue(BasicCredentials.parse(basic(":nobody")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + "A".repeat(2000)).isEmpty());
    }

    /**
     * The mechanism over the real sign-in: the identity store, the staff account service and the
     * throttle over in-memory accounts and strikes, each request arriving through nginx on
     * 127.0.0.1, the one trusted proxy, from the address in its X-Forwarded-For.
     */
    @Nested
    class OverTheRealAccounts {

        private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        private final InMemoryStaffAccountRepository staff = new InMemoryStaffAccountRepository();
        private final InMemoryStaffEventLog log = new InMemoryStaffEventLog();
        private final StaffAccountService accounts = new StaffAccountService(staff,
                new PlainPasswordHasher(), new SignInThrottle(clock, new InMemorySignInStrikes()),
                new StaffActivity(log, clock), password -> false, clock);
        private final ApiTokens apiTokens = new ApiTokens(new InMemoryApiTokenRepository(), staff,
                new StaffActivity(log, clock), clock);
        private final StaffIdentityStore store = new StaffIdentityStore();
        /** What the identity store's request (the container's current one) looks like: set per request. */
        private ForwardedRequest arriving;

        OverTheRealAccounts() {
            accounts.create("land.clerk", "Land clerk", Role.CLERK, Register.LAND, "THIMPHU", new PlainPasswordHasher().hash("right".toCharArray()));
            store.accounts = accounts;
            store.suppliers = new SupplierAccounts(new InMemorySupplierRepository(), new InMemoryStaffAccountRepository(),
                    new PlainPasswordHasher(), new SignInThrottle(clock, new InMemorySignInStrikes()), clock);
            store.seeder = new DemoStaffSeeder() {
                @Override
                public synchronized void ensureSeeded() {
                    // the account above is all there is
                }
            };
            store.clients = new ClientConnections(TrustedProxies.parse("127.0.0.1"));
            store.request = (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> m.invoke(arriving.request(), args));
            mechanism.identityStores = store::validate;
            mechanism.stamps = store;
            mechanism.accounts = accounts;
            mechanism.clock = clock;
            mechanism.tokens = apiTokens;
            accounts.requireSecondFactorOfEveryone(false); // demo mode
        }

        /** A clerk account enrolled the way a person enrols: set-up link, password, first code. */
        private TotpSecret enrolledClerk(String name) {
            StaffMember admin = new StaffMember("admin", Role.ADMIN, null, null);
            StaffAccountService.SetupLink link = accounts.createAccount(admin, name,
                    new StaffAccount.Assignment("Pema Lhamo", Role.CLERK, Register.LAND, "nlcs", "PARO"));
            StaffAccountService.SetupStart start = accounts.startSetup(link.token());
            accounts.completeSetup(link.token(), "prayer flags over dochula".toCharArray(), start.secret(),
                    Totp.code(start.secret().key(), Totp.step(clock.instant())), "10.0.0.7");
            clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS)); // the set-up's code is used up
            return start.secret();
        }

        private AuthenticationStatus pageSignIn(FakeRequest page, String name, String password) {
            arriving = ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.20");
            return mechanism.validateRequest(page.proxy(), null,
                    new FakeContext(new UsernamePasswordCredential(name, new Password(password)), false).proxy());
        }

        @Test
        void aRightPasswordOfAnAccountWithAFactorSignsNobodyInUntilItsCodeIsGiven() {
            enrolledClerk("pema.lhamo");
            FakeRequest page = new FakeRequest();
            assertEquals(AuthenticationStatus.NOT_DONE, pageSignIn(page, "pema.lhamo", "prayer flags over dochula"));
            assertEquals(StaffAccountService.SecondFactorStep.CODE, page.attributes.get(StaffAuthenticationMechanism.STEP_ATTRIBUTE));
            assertNull(SignedInCaller.of(page.session(false)), "the password alone signs nobody in");
            PendingSignIn pending = PendingSignIn.of(page.session(false), clock.instant());
            assertEquals("pema.lhamo", pending.name());

            page.uri = "/druk-registry/clerk/index.xhtml";
            FakeContext protectedPage = new FakeContext(null, true);
            mechanism.validateRequest(page.proxy(), null, protectedPage.proxy());
            assertEquals("redirect", protectedPage.calls.get(0).split(" ")[0], "a staff page still asks for sign-in");

            clock.advance(PendingSignIn.VALIDITY);
            assertNull(PendingSignIn.of(page.session(false), clock.instant()), "and the waiting sign-in lapses");
        }

        @Test
        void aWrongPasswordAfterARightOneDropsTheCodeStepOfTheRightOne() {
            enrolledClerk("pema.lhamo");
            FakeRequest page = new FakeRequest();
            pageSignIn(page, "pema.lhamo", "prayer flags over dochula");
            assertEquals("pema.lhamo", PendingSignIn.of(page.session(false), clock.instant()).name());
            assertEquals(AuthenticationStatus.SEND_FAILURE, pageSignIn(page, "pema.lhamo", "guess"));
            assertNull(PendingSignIn.of(page.session(false), clock.instant()));
        }

        @Test
        void anAdministratorWithoutAFactorIsRefusedAndOutsideDemoModeSoIsEveryone() {
            accounts.create("admin", "Administrator", Role.ADMIN, null, null, new PlainPasswordHasher().hash("admin-password".toCharArray()));
            FakeRequest page = new FakeRequest();
            assertEquals(AuthenticationStatus.SEND_FAILURE, pageSignIn(page, "admin", "admin-password"));
            assertEquals(StaffAccountService.SecondFactorStep.ENROL_FIRST, page.attributes.get(StaffAuthenticationMechanism.STEP_ATTRIBUTE));
            assertNull(page.session(false));

            assertEquals(AuthenticationStatus.SUCCESS, pageSignIn(new FakeRequest(), "land.clerk", "right"), "demo mode");
            accounts.requireSecondFactorOfEveryone(true);
            assertEquals(AuthenticationStatus.SEND_FAILURE, pageSignIn(new FakeRequest(), "land.clerk", "right"));
        }

        @Test
        void theApiDoesNotSignInAnAccountThatNeedsACode() {
            enrolledClerk("pema.lhamo");
            arriving = ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.20");
            request.uri = "/druk-registry/api/land/titles";
            request.authorization = basic("pema.lhamo:prayer flags over dochula");
            FakeContext api = new FakeContext(null, false);
            assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request.proxy(), null, api.proxy()));
            assertEquals(List.of(), api.calls);
        }

        @Test
        void disablingAnAccountOrChangingItsRoleEndsItsPageSessionsAtTheNextRequest() {
            FakeRequest page = new FakeRequest();
            assertEquals(AuthenticationStatus.SUCCESS, pageSignIn(page, "land.clerk", "right"));
            page.uri = "/druk-registry/clerk/index.xhtml";
            assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(page.proxy(), null, new FakeContext(null, true).proxy()));

            page.uri = "/druk-registry/jakarta.faces.resource/theme.css";
            accounts.disable("land.clerk");
            assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(page.proxy(), null, new FakeContext(null, false).proxy()),
                    "a stylesheet is not worth an account read");
            page.uri = "/druk-registry/clerk/index.xhtml";
            FakeContext after = new FakeContext(null, true);
            mechanism.validateRequest(page.proxy(), null, after.proxy());
            assertEquals("redirect", after.calls.get(0).split(" ")[0]);
            assertNull(page.sessionId, "the session is gone");

            accounts.enable(new StaffMember("admin", Role.ADMIN, null, null), "land.clerk");
            FakeRequest again = new FakeRequest();
            assertEquals(AuthenticationStatus.SUCCESS, pageSignIn(again, "land.clerk", "right"));
            accounts.changeAccount(new StaffMember("admin", Role.ADMIN, null, null), "land.clerk",
                    new StaffAccount.Assignment("Land clerk", Role.INSPECTOR, null, null, null));
            again.uri = "/druk-registry/clerk/index.xhtml";
            FakeContext afterRoleChange = new FakeContext(null, true);
            mechanism.validateRequest(again.proxy(), null, afterRoleChange.proxy());
            assertEquals("redirect", afterRoleChange.calls.get(0).split(" ")[0], "signed in with the old role's groups no more");
        }

        private AuthenticationStatus signIn(String name, String forwardedFor, String password) {
            arriving = ForwardedRequest.from("127.0.0.1").forwardedFor(forwardedFor);
            FakeRequest page = new FakeRequest();
            return mechanism.validateRequest(page.proxy(), null,
                    new FakeContext(new UsernamePasswordCredential(name, new Password(password)), false).proxy());
        }

        private AuthenticationStatus api(String password) {
            arriving = ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.20");
            request.uri = "/druk-registry/api/land/titles";
            request.authorization = basic("land.clerk:" + password);
            return mechanism.validateRequest(request.proxy(), null, new FakeContext(null, false).proxy());
        }

        @Test
        void thirtyWrongPasswordsFromOneForwardedAddressLeaveTheClerkSigningInFromAnother() {
            // The clerk's name five times (its lock at that address), then other names: 30 failures, the
            // address's own lock, which used to be the proxy's and so everyone's.
            for (int i = 0; i < 30; i++) {
                assertEquals(AuthenticationStatus.SEND_FAILURE, signIn(i < 5 ? "land.clerk" : "guess" + i, "203.0.113.9", "guess" + i));
            }
            assertEquals(AuthenticationStatus.SEND_FAILURE, signIn("land.clerk", "203.0.113.9", "right"), "the guesser's address is stopped");
            assertTrue(accounts.signInLockedFor("inspector", "203.0.113.9").isPresent(), "for every name");
            assertEquals(AuthenticationStatus.SUCCESS, signIn("land.clerk", "198.51.100.20", "right"),
                    "though every request came from the proxy's address, the clerk elsewhere signs in");
            assertEquals(AuthenticationStatus.SUCCESS, signIn("land.clerk", "203.0.113.9, 198.51.100.21", "right"),
                    "and a client naming the guesser's address in a spoofed chain is not taken for it");
        }

        @Test
        void disablingAnAccountEndsItsApiAccessAtTheNextRequest() {
            assertEquals(AuthenticationStatus.SUCCESS, api("right"));
            assertEquals(AuthenticationStatus.SUCCESS, api("right"), "remembered");
            accounts.disable("land.clerk");
            assertEquals(AuthenticationStatus.NOT_DONE, api("right"), "anonymous at once, which the API answers 401");
        }

        @Test
        void changingThePasswordRefusesTheOldOneAtTheNextRequest() {
            assertEquals(AuthenticationStatus.SUCCESS, api("right"));
            accounts.changePassword("land.clerk", "new-secret".toCharArray());
            assertEquals(AuthenticationStatus.NOT_DONE, api("right"), "the old password, remembered a moment ago, is refused");
            assertEquals(AuthenticationStatus.SUCCESS, api("new-secret"));
            accounts.changePassword("land.clerk", "new-secret".toCharArray());
            assertEquals(AuthenticationStatus.SUCCESS, api("new-secret"), "the same password set again: checked again, still right");
        }
    }

    /**
     * Personal API tokens: the API's way in for an account that needs a second factor, which HTTP
     * Basic cannot carry. Made on the pages (here: by the service, as the page does).
     */
    @Nested
    class WithAnApiToken {

        private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        private final InMemoryStaffAccountRepository staff = new InMemoryStaffAccountRepository();
        private final InMemoryStaffEventLog log = new InMemoryStaffEventLog();
        private final InMemoryApiTokenRepository tokenRows = new InMemoryApiTokenRepository();
        private final StaffAccountService accounts = new StaffAccountService(staff, new PlainPasswordHasher(),
                new SignInThrottle(clock, new InMemorySignInStrikes()), new StaffActivity(log, clock), password -> false, clock);
        private final ApiTokens apiTokens = new ApiTokens(tokenRows, staff, new StaffActivity(log, clock), clock);
        private final StaffMember clerk = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");
        private final String token;

        WithAnApiToken() {
            accounts.create("land.clerk", "Land clerk", Role.CLERK, Register.LAND, "THIMPHU", new PlainPasswordHasher().hash("right".toCharArray()));
            accounts.requireSecondFactorOfEveryone(true); // outside demo mode: Basic refuses every staff account
            mechanism.accounts = accounts;
            mechanism.tokens = apiTokens;
            mechanism.clock = clock;
            mechanism.stamps = accounts::credentialStamp;
            token = apiTokens.create(clerk, "nightly import", 30, "10.0.0.7").value();
        }

        private FakeContext api(String authorization) {
            request.uri = "/druk-registry/api/land/titles";
            request.method = "POST";
            request.authorization = authorization;
            FakeContext api = new FakeContext(null, false);
            mechanism.validateRequest(request.proxy(), null, api.proxy());
            return api;
        }

        @Test
        void aBearerTokenSignsInItsAccountWithItsGroupsWithoutASession() {
            for (String scheme : new String[] {"Bearer ", "bearer ", "BEARER  "}) {
                assertEquals(List.of("login land.clerk [clerk, clerk-land]"), api(scheme + token).calls, scheme);
            }
            assertEquals(0, identityStoreCalls, "no password is looked at");
            assertNull(request.sessionId, "nothing is kept in a session");
            assertEquals(1, tokenRows.usesNoted(), "three uses within a minute, one write");
        }

        @Test
        void aWrongExpiredOrRevokedTokenLeavesTheRequestAnonymousForTheApiToAnswer401() {
            String wrong = "druk_" + "x".repeat(43);
            for (String header : new String[] {"Bearer " + wrong, "Bearer ", "Bearer " + token.substring(5), "Bearer" + token}) {
                assertEquals(List.of(), api(header).calls, header);
            }

            clock.advance(Duration.ofDays(30));
            assertEquals(List.of(), api("Bearer " + token).calls, "expired");
            String revoked = apiTokens.create(clerk, "to be revoked", 30, "10.0.0.7").value();
            assertEquals(1, api("Bearer " + revoked).calls.size());
            apiTokens.revoke(clerk, apiTokens.list(clerk).get(0).token().id(), "10.0.0.7");
            assertEquals(List.of(), api("Bearer " + revoked).calls, "revoked");

            assertNull(request.sessionId);
            assertEquals(List.of("expired", "revoked"), log.all().stream()
                    .filter(e -> e.kind() == StaffEvent.Kind.API_TOKEN_REFUSED).map(StaffEvent::detail).toList());
            assertEquals("198.51.100.20", log.all().get(log.all().size() - 1).client(), "the client's address is logged");
        }

        @Test
        void disablingTheAccountOrChangingItsPasswordEndsItsApiAccessAtTheNextRequest() {
            assertEquals(1, api("Bearer " + token).calls.size());
            accounts.disable("land.clerk");
            assertEquals(List.of(), api("Bearer " + token).calls, "disabled");

            accounts.enable(new StaffMember("admin", Role.ADMIN, null, null), "land.clerk");
            assertEquals(1, api("Bearer " + token).calls.size(), "re-enabled as it was");
            accounts.changePassword("land.clerk", "new-secret".toCharArray());
            assertEquals(List.of(), api("Bearer " + token).calls, "a new password");
        }

        @Test
        void basicStaysForAnAccountThatNeedsNoCode() {
            accounts.requireSecondFactorOfEveryone(false);
            mechanism.identityStores = credential -> {
                UsernamePasswordCredential login = (UsernamePasswordCredential) credential;
                return accounts.authenticate(login.getCaller(), login.getPassword().getValue().clone(), "198.51.100.20")
                        .map(in -> new CredentialValidationResult(in.member().username(), in.groups()))
                        .orElse(CredentialValidationResult.INVALID_RESULT);
            };
            assertEquals(List.of("login land.clerk [clerk, clerk-land]"), api(basic("land.clerk:right")).calls);
            accounts.requireSecondFactorOfEveryone(true);
            mechanism.verified = new VerifiedCredentials(); // a setting changed, not the account: start afresh
            assertEquals(List.of(), api(basic("land.clerk:right")).calls, "nor for one that needs a code");
            assertEquals(1, api("Bearer " + token).calls.size(), "where a token does");
        }
    }

    /** An HTTP request of one session (a cookie jar of one), as far as the mechanism looks at it. */
    private static final class FakeRequest {
        final Map<String, Object> sessionAttributes = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        String sessionId;
        int nextId = 1;
        String uri = "/druk-registry/login.xhtml";
        String query;
        String method = "GET";
        String authorization;

        HttpSession session(boolean create) {
            if (sessionId == null && create) {
                sessionId = "s" + nextId++;
            }
            if (sessionId == null) {
                return null;
            }
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (p, m, args) -> switch (m.getName()) {
                        case "getId" -> sessionId;
                        case "getAttribute" -> sessionAttributes.get((String) args[0]);
                        case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
                        case "invalidate" -> {
                            sessionAttributes.clear();
                            sessionId = null;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                        case "getSession" -> session(args == null || (Boolean) args[0]);
                        case "changeSessionId" -> sessionId = "s" + nextId++;
                        case "getContextPath" -> "/druk-registry";
                        case "getRequestURI" -> uri;
                        case "getQueryString" -> query;
                        case "getMethod" -> method;
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                        case "getHeaders" -> Collections.emptyEnumeration();
                        case "getRemoteAddr" -> "198.51.100.20";
                        case "isSecure" -> true;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    /** What the mechanism told the container, as text. */
    private static final class FakeContext {
        final List<String> calls = new ArrayList<>();
        final AuthenticationParameters parameters;
        final boolean protectedPage;

        FakeContext(UsernamePasswordCredential credential, boolean protectedPage) {
            this.parameters = AuthenticationParameters.withParams().credential(credential);
            this.protectedPage = protectedPage;
        }

        HttpMessageContext proxy() {
            return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpMessageContext.class}, (p, m, args) -> switch (m.getName()) {
                        case "getAuthParameters" -> parameters;
                        case "isProtected" -> protectedPage;
                        case "notifyContainerAboutLogin" -> login(args);
                        case "redirect" -> {
                            calls.add("redirect " + args[0]);
                            yield AuthenticationStatus.SEND_CONTINUE;
                        }
                        case "doNothing" -> AuthenticationStatus.NOT_DONE;
                        case "cleanClientSubject" -> null;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        private AuthenticationStatus login(Object[] args) {
            String name;
            Set<String> groups;
            if (args[0] instanceof CredentialValidationResult result) {
                if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                    return AuthenticationStatus.SEND_FAILURE;
                }
                name = result.getCallerPrincipal().getName();
                groups = result.getCallerGroups();
            } else {
                name = (String) args[0];
                @SuppressWarnings("unchecked")
                Set<String> given = (Set<String>) args[1];
                groups = given;
            }
            calls.add("login " + name + " " + groups.stream().sorted().toList());
            return AuthenticationStatus.SUCCESS;
        }
    }
}
