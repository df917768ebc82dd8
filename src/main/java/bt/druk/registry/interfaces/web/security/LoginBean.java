package bt.druk.registry.interfaces.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.application.staff.StaffAccountService.SecondFactorStep;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in of staff and suppliers (through {@link StaffAuthenticationMechanism}) and sign-out. A
 * supplier continues to its own pages ({@code /supplier/}), staff to theirs.
 */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    @Inject
    StaffAccountService staffAccounts;

    @Inject
    StaffIdentityStore identityStore;

    @Inject
    ClientConnections clients;

    @Inject
    java.time.Clock clock;

    private String username;

    private String password;

    /** The staff page that asked for sign-in (from {@code ?next=}), continued to afterwards. */
    private String next;

    public String signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.trim(), new Password(password))));
        password = null;
        // The session, not the status, says a code is due: the container reports a sign-in left
        // pending by the mechanism in its own way.
        PendingSignIn pending = PendingSignIn.of(((HttpServletRequest) external.getRequest()).getSession(false), clock.instant());
        Object step = external.getRequestMap().get(StaffAuthenticationMechanism.STEP_ATTRIBUTE);
        if (pending != null && pending.name().equalsIgnoreCase(username.trim())) {
            external.redirect(external.getRequestContextPath() + StaffAuthenticationMechanism.CODE_PAGE
                    + (isStaffPage(next) ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : ""));
            faces.responseComplete();
            return null;
        }
        if (step == SecondFactorStep.ENROL_FIRST) {
            messages.error(null, "login.enrolFirst");
            return null;
        }
        switch (status) {
            case SUCCESS:
                // The identity store's own rule rather than isCallerInRole, a container policy
                // check made on every sign-in for an answer the store already has.
                return continueTo(faces, identityStore.signsInAsSupplier(username.trim()), next);
            case SEND_FAILURE:
            case NOT_DONE:
            default:
                Optional<Duration> locked = staffAccounts.signInLockedFor(username,
                        clients.address((HttpServletRequest) external.getRequest()));
                if (locked.isPresent()) {
                    messages.error(null, "login.locked", Math.max(1, locked.get().toMinutes() + 1));
                } else {
                    messages.error(null, "login.failed");
                }
                return null;
        }
    }

    /**
     * After sign-in: to {@code next} if it is a page of the caller's own area, else to its start page.
     * Shared with {@link SecondFactorBean}, whose code finishes a staff sign-in.
     */
    static String continueTo(FacesContext faces, boolean supplier, String next) throws IOException {
        if (supplier ? isSupplierPage(next) : isStaffPage(next)) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + next);
            faces.responseComplete();
            return null;
        }
        return supplier ? "/supplier/index?faces-redirect=true" : "/clerk/index?faces-redirect=true";
    }

    /** Only a page of this portal's staff area (clerks', inspectors', administrators'): never another site (no open redirect). */
    static boolean isStaffPage(String path) {
        return path != null && (path.startsWith("/clerk/") || path.startsWith("/inspect/") || path.startsWith("/admin/"))
                && isLocalPath(path);
    }

    /** Only a page of the suppliers' area, the same way. */
    static boolean isSupplierPage(String path) {
        return path != null && path.startsWith("/supplier/") && isLocalPath(path);
    }

    private static boolean isLocalPath(String path) {
        return !path.contains("//") && !path.contains("\\") && path.chars().noneMatch(Character::isISOControl);
    }

    public String signOut() throws ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/index?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
