package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.SupplierAccounts;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public supplier registration form ({@code /supplier/register.xhtml}). Every check is the
 * application's ({@link SupplierAccounts#register}); its refusals are shown next to their fields.
 * On success the business signs in on the login page, which says that the account was made.
 */
@Named
@RequestScoped
public class SupplierRegistrationBean {

    static final String FORM = "register";

    @Inject
    SupplierAccounts accounts;

    @Inject
    Messages messages;

    /** The request being answered (the container's built-in bean): its client address keys the throttle. */
    @Inject
    HttpServletRequest request;

    @Inject
    ClientConnections clients;

    private String businessName;
    private String registrationNumber;
    private String contactPerson;
    private String email;
    private String phone;
    private String username;
    private String password;
    private String confirmPassword;

    public String register() {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        char[] again = confirmPassword == null ? new char[0] : confirmPassword.toCharArray();
        password = null;
        confirmPassword = null;
        try {
            accounts.register(new SupplierAccounts.Registration(businessName, registrationNumber, contactPerson, email,
                    phone, username), secret, again, clients.address(request));
        } catch (ValidationException e) {
            messages.show(e, FORM);
            return null;
        }
        return "/login?faces-redirect=true&registered=1";
    }

    public String getBusinessName() { return businessName; }
    public void setBusinessName(String businessName) { this.businessName = businessName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getContactPerson() { return contactPerson; }
    public void setContactPerson(String contactPerson) { this.contactPerson = contactPerson; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmPassword() { return confirmPassword; }
    public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
}
