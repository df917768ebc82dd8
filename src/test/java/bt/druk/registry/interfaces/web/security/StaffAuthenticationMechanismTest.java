package bt.druk.registry.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** An HTTP request of one session (a cookie jar of one), as far as the mechanism looks at it. */
    private static final class FakeRequest {
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
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
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
                        case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
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
