package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * "My opening key" ({@code /clerk/opening-key.xhtml}, any staff member). The key pair is made by
 * opening-key-page.js in the browser, which keeps the private key (IndexedDB, and the key file it
 * offers for download); the form posts only the public key, SPKI in base64url, which
 * {@link OpeningKeys#register} checks and stores for tenders published from now on.
 */
@Named
@RequestScoped
public class OpeningKeyBean {

    static final String FORM = "keyForm";

    @Inject
    OpeningKeys openingKeys;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Messages messages;

    /** Posted by the key form, filled in by opening-key-page.js. */
    private String publicKey;
    private boolean registered;
    private OpeningKey key;
    private boolean keyRead;

    /** The member's registered key, or null (EL tests it with {@code empty}). */
    public OpeningKey getKey() {
        if (!keyRead) {
            key = currentStaff.member().flatMap(m -> openingKeys.find(m.username())).orElse(null);
            keyRead = true;
        }
        return key;
    }

    /** Registers the public key the page made; then the page again, showing it (post/redirect/get). */
    public String register() {
        try {
            openingKeys.register(currentStaff.require(), publicKey);
            return "/clerk/opening-key?faces-redirect=true&registered=true";
        } catch (ValidationException e) {
            messages.show(e, FORM);
            return null;
        }
    }

    public String getUsername() {
        return currentStaff.getUsername();
    }

    public String getPublicKey() { return publicKey; }
    public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
    public boolean isRegistered() { return registered; }
    public void setRegistered(boolean registered) { this.registered = registered; }
}
