package bt.druk.registry.interfaces.web.staff;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/**
 * A signed-in staff member's own password change ({@code /clerk/password.xhtml}): the current
 * password, the new one twice. The policy is the service's; the passwords are never shown again.
 */
@Named
@RequestScoped
public class PasswordChangeBean {

    static final String FORM = "password";

    @Inject
    StaffAccountService accounts;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    ClientConnections clients;

    @Inject
    Messages messages;

    private String currentPassword;
    private String newPassword;
    private String confirmPassword;
    private boolean changed;

    public void change() {
        char[] current = currentPassword == null ? new char[0] : currentPassword.toCharArray();
        char[] next = newPassword == null ? new char[0] : newPassword.toCharArray();
        char[] again = confirmPassword == null ? new char[0] : confirmPassword.toCharArray();
        currentPassword = null;
        newPassword = null;
        confirmPassword = null;
        try {
            if (!Arrays.equals(next, again)) {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
                messages.show(ValidationException.of("confirmPassword", "staff.password.mismatch",
                        "The two passwords are not the same."), FORM);
                return;
            }
            accounts.changeOwnPassword(currentStaff.require(), current, next, client());
            currentStaff.keepThisSessionAfterOwnChange();
            changed = true;
            messages.info(null, "password.changed");
        } catch (ValidationException e) {
            messages.show(e, FORM);
        } finally {
            Arrays.fill(again, '\0');
        }
    }

    protected String client() {
        return clients.address((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public boolean isChanged() { return changed; }
    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmPassword() { return confirmPassword; }
    public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
}
