package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.application.staff.StaffAccountService.SetupStart;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.SetupGrant;
import bt.druk.registry.domain.staff.TotpSecret;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.certificate.QrSvg;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The set-up page a one-time link opens ({@code /account/setup.xhtml?token=…}), without signing in:
 * the holder sees the new TOTP key (Base32, the {@code otpauth://} URI and its QR code), chooses a
 * password (typed twice; not asked when the link only enrols a new factor) and proves a code; then
 * the ten recovery codes are shown once.
 *
 * <p>The token and the offered secret stay in this view's state on the server: the form posts to
 * the page's address without the query string, and nothing here logs either (nor does the service).
 */
@Named
@ViewScoped
public class AccountSetupBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "setup";

    @Inject
    transient StaffAccountService accounts;

    @Inject
    transient ClientConnections clients;

    @Inject
    Messages messages;

    private String token;
    private boolean started;
    /** What the opened link offers (SetupStart, kept as plain values: view state may be serialised). */
    private String username;
    private SetupGrant.Purpose purpose;
    private String secretBase32;
    private String keyUri;
    private String invalidText;
    private String password;
    private String confirmPassword;
    private String code;
    private List<String> recoveryCodes;

    /** On opening the link (a GET): whose account and a fresh secret, or why the link does not work. */
    public void begin() {
        if (started) {
            return;
        }
        started = true;
        try {
            SetupStart start = accounts.startSetup(token);
            username = start.username();
            purpose = start.purpose();
            secretBase32 = start.secret().base32();
            keyUri = start.keyUri();
        } catch (ValidationException e) {
            invalid(e);
        }
    }

    public void complete() {
        if (!isReady()) {
            return;
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        char[] again = confirmPassword == null ? new char[0] : confirmPassword.toCharArray();
        password = null;
        confirmPassword = null;
        try {
            if (isPasswordAsked() && !Arrays.equals(secret, again)) {
                Arrays.fill(again, '\0');
                Arrays.fill(secret, '\0');
                messages.show(ValidationException.of("confirmPassword", "staff.password.mismatch",
                        "The two passwords are not the same."), FORM);
                return;
            }
            Arrays.fill(again, '\0');
            recoveryCodes = accounts.completeSetup(token, isPasswordAsked() ? secret : null, new TotpSecret(secretBase32),
                    code == null ? "" : code.strip(), client());
            forget();
            code = null;
        } catch (ValidationException e) {
            if (e.errors().stream().map(FieldError::field).anyMatch("token"::equals)) {
                invalid(e);
            } else {
                messages.show(e, FORM);
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The token and the offered key are no longer needed: the link is used up, or it never worked. */
    private void forget() {
        token = null;
        secretBase32 = null;
        keyUri = null;
        purpose = null;
    }

    private void invalid(ValidationException e) {
        forget();
        invalidText = messages.errorText(e.errors().get(0));
    }

    /** The client's address as the sign-in throttle and the activity log take it. */
    protected String client() {
        return clients.address((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public boolean isReady() {
        return secretBase32 != null;
    }

    public boolean isDone() {
        return recoveryCodes != null;
    }

    public boolean isInvalid() {
        return invalidText != null;
    }

    /** A new account chooses a password; a reset of a lost factor keeps the one it has. */
    public boolean isPasswordAsked() {
        return isReady() && purpose == SetupGrant.Purpose.ACCOUNT;
    }

    public String getUsername() {
        return username;
    }

    /** The Base32 key in groups of four, as authenticator apps show keys typed by hand. */
    public String getSecret() {
        return secretBase32 == null ? null : String.join(" ", secretBase32.split("(?<=\\G.{4})"));
    }

    public String getKeyUri() {
        return keyUri;
    }

    public String getQrCode() {
        return keyUri == null ? null : QrSvg.dataUri(keyUri);
    }

    public List<String> getRecoveryCodes() { return recoveryCodes; }
    public String getInvalidText() { return invalidText; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmPassword() { return confirmPassword; }
    public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
