package bt.druk.registry.interfaces.web.security;

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
 * <p>Ours rather than the built-in custom form mechanism: its "login to continue" keeps the first
 * protected request in the session, and on Payara 6 any later staff page asked for before a
 * successful sign-in (a second link, or after a wrong password) came back as an empty page.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String API_PATH = "/api";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    VerifiedCredentials verified;

    /** The accounts' stamps now ({@link StaffIdentityStore}), against which a remembered credential is checked. */
    @Inject
    CredentialStamps stamps;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return apiCaller(request, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, identityStores.validate(credential));
        }
        SignedInCaller caller = SignedInCaller.of(request.getSession(false));
        if (caller != null) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(pageAskedFor(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                               CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        // A new session id at sign-in: an id planted before it (session fixation) is worth nothing after.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SignedInCaller.ATTRIBUTE,
                new SignedInCaller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
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
     * <p>Before the filters: the client's address for the throttle is the identity store's to find
     * ({@code ClientConnections}), not the request's remote address.
     */
    private AuthenticationStatus apiCaller(HttpServletRequest request, HttpMessageContext context) {
        UsernamePasswordCredential basic = BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
        if (basic == null) {
            return context.doNothing();
        }
        VerifiedCredentials.Caller caller = verified.caller(basic.getCaller(), basic.getPassword().getValue(), stamps, () -> {
            CredentialValidationResult result = identityStores.validate(basic);
            return result.getStatus() == CredentialValidationResult.Status.VALID
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
