package bt.druk.registry.application.procurement;

import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.OpeningKeyRepository;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.sealed.Bytes;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Staff opening keys: a holder registers the public half of a key pair made in their own browser,
 * and a procurement clerk names registered holders when publishing a sealed tender.
 */
@ApplicationScoped
@Transactional
public class OpeningKeys {

    /** Where administrators' ledger identities are enrolled (deploy/network.sh). */
    public static final String ADMIN_MSP = Register.LAND.issuingMspId();

    private OpeningKeyRepository keys;
    private Clock clock;

    protected OpeningKeys() {
    }

    @Inject
    public OpeningKeys(OpeningKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The organisation whose ledger identity signs for this staff member: it posts their shares. */
    public static String mspOf(StaffMember staff) {
        return switch (staff.role()) {
            case CLERK -> staff.register().issuingMspId();
            case INSPECTOR -> Register.AUDIT_MSP;
            case ADMIN -> ADMIN_MSP;
        };
    }

    /**
     * Registers (or replaces) the member's opening public key: a P-256 key as SPKI DER in base64url,
     * what the page's Web Crypto exports. Anything else is refused on the field {@code publicKey}.
     */
    public OpeningKey register(StaffMember staff, String publicKeySpki) {
        String text = publicKeySpki == null ? "" : publicKeySpki.trim();
        byte[] der;
        try {
            der = Base64.getUrlDecoder().decode(text);
            P256.publicKeyFromSpki(der);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("publicKey", "openingKey.format",
                    "This is not a P-256 public key made by this page; make the key again");
        }
        String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(der);
        OpeningKey key = new OpeningKey(staff.username(), mspOf(staff), staff.publicRole(), canonical, Bytes.sha256Hex(der), clock.instant());
        keys.save(key);
        return key;
    }

    public Optional<OpeningKey> find(String username) {
        return keys.find(username);
    }

    /** Every registered key: who a clerk can name as a holder. */
    public List<OpeningKey> registered() {
        return keys.all();
    }

    /**
     * The opening of a new tender: these members, in this order, any {@code threshold} of whom open
     * its bids. Each must have registered a key; the holders must come from two organisations.
     */
    public TenderOpening openingOf(List<String> usernames, int threshold) {
        List<TenderOpening.Holder> holders = new ArrayList<>();
        for (String username : usernames) {
            OpeningKey key = keys.find(username).orElseThrow(() -> ValidationException.of("holders", "tender.opening.noKey",
                    username + " has not registered an opening key yet"));
            holders.add(new TenderOpening.Holder(holders.size() + 1, key.msp(), key.publicRole(), key.publicKeySpki(),
                    key.publicKeySha256()));
        }
        return TenderOpening.of(threshold, holders);
    }
}
