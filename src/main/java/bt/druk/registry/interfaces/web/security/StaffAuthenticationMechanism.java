package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.staff.ApiTokens;
import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.application.staff.StaffAccountService.SecondFactorStep;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff sign-in through the Faces login page. A staff page asked for without a session redirects
 * to {@code /login.xhtml?next=<that page>}; {@link LoginBean} validates the credential here and
 * then continues to {@code next}.
 *
 * <p>The signed-in caller, name <em>and groups</em>, is kept in the HTTP session by this class
 * ({@link SignedInCaller}) and given to the container again on every request. Not
 * {@code @AutoApplySession}: that re-establishes a later request from the request's principal
 * alone, and Payara then finds the caller's groups only through the security context current on
 * the request thread (payara/Payara#6145). With several sessions at once that context is
 * sometimes missing, the groups are lost and a signed-in land clerk gets HTTP 403, also on the
 * ajax step of a form (whose lost value then surfaced as "Choose the gewog").
 *
 * <p>A staff member with a second factor gives its code on {@code /login-code.xhtml} after the
 * password ({@link PendingSignIn}, {@link SecondFactorBean}); one who must have a factor and has none
 * is refused ({@link SecondFactorStep}). The API takes HTTP Basic only of accounts that need no code;
 * the others use a personal API token made on the pages after their code ({@link ApiTokens}).
 *
 * <p>A session stays signed in while the account's {@link CredentialStamp} is the one it signed in
 * with: disabling the account, a new password, another role or a factor reset ends every session
 * at its next request.
 *
 * <p>Ours rather than the built-in custom form mechanism: its "login to continue" keeps the first
 * protected request in the session, and on Payara 6 any later staff page asked for before a
 * successful sign-in (a second link, or after a wrong password) came back as an empty page.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String API_PATH = "/api";
    static final String CODE_PAGE = "/login-code.xhtml";
    /** Request attribute: the {@link SecondFactorStep} a right password still needed, for {@link LoginBean}. */
    static final String STEP_ATTRIBUTE = SecondFactorStep.class.getName();
    private static final String RESOURCE_PATH = "/jakarta.faces.resource/";
    private static final String BEARER = "bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    VerifiedCredentials verified;

    /** The accounts' stamps now ({@link StaffIdentityStore}), against which a remembered credential is checked. */
    @Inject
    CredentialStamps stamps;

    @Inject
    StaffAccountService accounts;

    @Inject
    Clock clock;

    @Inject
    ApiTokens tokens;

    /** The client's address behind the trusted proxy, for the activity log of a refused token. */
    @Inject
    ClientConnections clients;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return apiCaller(request, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            HttpSession before = request.getSession(false);
            if (before != null) { // a new password starts over: no code step left from an earlier one
                before.removeAttribute(PendingSignIn.ATTRIBUTE);
            }
            return signIn(request, context, identityStores.validate(credential));
        }
        HttpSession session = request.getSession(false);
        SignedInCaller caller = SignedInCaller.of(session);
        if (caller != null) {
            if (isResource(request) || stillCurrent(caller)) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            session.invalidate();
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(pageAskedFor(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        String name = result.getCallerPrincipal().getName();
        CredentialStamp stamp = stamps.of(name).orElse(null);
        if (stamp == null) { // disabled since the password was checked
            return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
        }
        SecondFactorStep step = accounts.secondFactorStep(name);
        request.setAttribute(STEP_ATTRIBUTE, step);
        if (step == SecondFactorStep.ENROL_FIRST) {
            return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
        }
        HttpSession session = renewedSession(request);
        if (step == SecondFactorStep.CODE) {
            session.setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(name, result.getCallerGroups(), stamp,
                    clock.instant().plus(PendingSignIn.VALIDITY), 0));
            return context.doNothing();
        }
        session.setAttribute(SignedInCaller.ATTRIBUTE, new SignedInCaller(name, result.getCallerGroups(), stamp));
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The session with a new id and nobody signed in or half signed in: an id planted before sign-in
     * (session fixation) is worth nothing after it, at each step.
     */
    static HttpSession renewedSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return request.getSession(true);
        }
        request.changeSessionId();
        session.removeAttribute(SignedInCaller.ATTRIBUTE);
        session.removeAttribute(PendingSignIn.ATTRIBUTE);
        return session;
    }

    /**
     * Whether the session's account still has the stamp it signed in with. While the database
     * cannot be read the session is believed (pages then say the database is down; nothing can be
     * written anyway).
     */
    private boolean stillCurrent(SignedInCaller caller) {
        try {
            return stamps.of(caller.name()).filter(caller.stamp()::equals).isPresent();
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Stylesheets, scripts and images of the pages: public, not worth an account read each. */
    private static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + RESOURCE_PATH);
    }

    /**
     * The REST API ({@code /api/*}) is stateless: the caller comes from HTTP Basic on each request,
     * checked by the same identity store (and so the same sign-in throttle) as the login page, and
     * never from the session, so a page's session cookie cannot be used to write through the API
     * from another site. No session is created. Missing or wrong credentials leave the request
     * anonymous; the API's resources then answer 401 in JSON rather than the container's HTML page.
     * A credential found valid is believed for a minute without deriving its hash again, while its
     * account stays enabled and keeps that password ({@link VerifiedCredentials}).
     *
     * <p>{@code Authorization: Bearer <token>} signs in with a personal API token ({@link ApiTokens}):
     * the way for an account that needs a second factor, whose token was made on the pages after its
     * code. Each request looks the token up by its hash and its account by name (two reads, no
     * hash derivation), so a revoked or expired token, a disabled account or a new password, role or
     * factor ends its access at the next request; the groups are the account's now.
     *
     * <p>Before the filters: the client's address for the throttle is the identity store's to find
     * ({@code ClientConnections}), not the request's remote address.
     */
    private AuthenticationStatus apiCaller(HttpServletRequest request, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return tokens.authenticate(authorization.substring(BEARER.length()).strip(), clients.address(request))
                    .map(caller -> context.notifyContainerAboutLogin(caller.username(), caller.groups()))
                    .orElseGet(context::doNothing);
        }
        UsernamePasswordCredential basic = BasicCredentials.parse(authorization).orElse(null);
        if (basic == null) {
            return context.doNothing();
        }
        VerifiedCredentials.Caller caller = verified.caller(basic.getCaller(), basic.getPassword().getValue(), stamps, () -> {
            CredentialValidationResult result = identityStores.validate(basic);
            // HTTP Basic carries no code: an account that needs one does not sign in this way.
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    && accounts.secondFactorStep(result.getCallerPrincipal().getName()) == SecondFactorStep.NONE
                    ? Optional.of(new VerifiedCredentials.Caller(result.getCallerPrincipal().getName(), result.getCallerGroups()))
                    : Optional.empty();
        }).orElse(null);
        if (caller == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(API_PATH) || path.startsWith(API_PATH + "/");
    }

    /** Called by {@code request.logout()}: the session no longer signs anyone in. */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInCaller.ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static String pageAskedFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Only a GET can be repeated safely after sign-in; a form post goes to the dashboard instead.
        if (!"GET".equals(request.getMethod())) {
            return "";
        }
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
