package bt.druk.registry.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Staff sign-in through the Faces login page. A staff page asked for without a session redirects
 * to {@code /login.xhtml?next=<that page>}; {@link LoginBean} validates the credential here and
 * then continues to {@code next}. The signed-in caller is kept in the HTTP session.
 *
 * <p>Ours rather than the built-in custom form mechanism: its "login to continue" keeps the first
 * protected request in the session, and on Payara 6 any later staff page asked for before a
 * successful sign-in (a second link, or after a wrong password) came back as an empty page.
 */
@AutoApplySession
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(pageAskedFor(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
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
