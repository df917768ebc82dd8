package bt.druk.registry.application.demo;

import java.time.Instant;
import java.util.List;

/**
 * The key pairs of the procurement demo's invented opening key holders, per demo tender (table
 * demo_opening_key): what the demo needs to post their shares after the deadline. Never the staff's
 * opening keys, which are public halves only and whose private halves never reach the portal.
 */
public interface DemoOpeningKeyRepository {

    /**
     * Holder {@code index} of a demo tender.
     *
     * @param publicKeySpki   P-256 public key, SPKI DER in base64url (as published with the tender)
     * @param privateKeyPkcs8 its private key, PKCS#8 DER in base64url
     */
    record HolderKey(int index, String publicKeySpki, String privateKeyPkcs8) {
    }

    /** The tender's holder keys in holder order; empty once forgotten (or for a tender the demo did not publish). */
    List<HolderKey> of(String tenderKey);

    /** Keeps the keys of a tender the demo publishes, in the same transaction as the tender. */
    void add(String tenderKey, List<HolderKey> keys, Instant createdAt);

    /** Deletes the tender's keys: its bids are opened, or it was cancelled. */
    void forget(String tenderKey);
}
