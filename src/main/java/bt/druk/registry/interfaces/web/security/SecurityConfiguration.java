package bt.druk.registry.interfaces.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Staff sign-in: a Faces login page (custom form mechanism); protected pages redirect to it and
 * continue to the page asked for after a successful sign-in. Citizens never sign in.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({"clerk", "clerk-land", "clerk-procurement", "clerk-notary", "inspector", "admin"})
@ApplicationScoped
public class SecurityConfiguration {
}
