package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The second step of a staff sign-in ({@code /login-code.xhtml}): a code from the authenticator app,
 * or a recovery code, for the sign-in whose password was right ({@link PendingSignIn}). A right code
 * signs the session in under a new session id; after too many wrong ones, or five minutes, the page
 * asks for the password again. Wrong codes also count against the account ({@code SignInThrottle}).
 */
@Named
@RequestScoped
public class SecondFactorBean {

    static final String FIELD = "secondFactor:code";

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    @Inject
    StaffAccountService accounts;

    @Inject
    ClientConnections clients;

    @Inject
    Clock clock;

    private String code;

    /** The staff page that asked for sign-in, passed on from the password step. */
    private String next;

    /** Whether a sign-in waits for its code; the page otherwise offers to sign in again. */
    public boolean isWaiting() {
        return pending() != null;
    }

    public String verify() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        PendingSignIn pending = pending();
        String typed = code == null ? "" : code.strip();
        code = null;
        if (pending == null) {
            return null; // the page says the sign-in lapsed
        }
        if (!accounts.verifySecondFactor(pending.name(), typed, clients.address(request))) {
            PendingSignIn after = pending.withWrongCode();
            HttpSession session = request.getSession();
            session.setAttribute(PendingSignIn.ATTRIBUTE, after);
            Optional<Duration> locked = accounts.secondFactorLockedFor(pending.name());
            if (locked.isPresent()) {
                session.removeAttribute(PendingSignIn.ATTRIBUTE);
                messages.error(null, "login.codeLocked", Math.max(1, locked.get().toMinutes() + 1));
                // (the page then offers to sign in again, under the message)
                return null;
            }
            if (PendingSignIn.of(session, clock.instant()) == null) {
                return null; // too many wrong codes: the page says to sign in again
            }
            messages.error(FIELD, "login.codeWrong");
            return null;
        }
        StaffAuthenticationMechanism.renewedSession(request).setAttribute(SignedInCaller.ATTRIBUTE, pending.signedIn());
        return LoginBean.continueTo(faces, false, next);
    }

    private PendingSignIn pending() {
        return PendingSignIn.of(((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false),
                clock.instant());
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
