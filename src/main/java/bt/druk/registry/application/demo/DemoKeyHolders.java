package bt.druk.registry.application.demo;

import bt.druk.registry.application.demo.DemoOpeningKeyRepository.HolderKey;
import bt.druk.registry.application.procurement.HolderQueries;
import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The procurement demo's opening key holders. A real holder makes its key pair in its own browser
 * and only the public half reaches the portal; the demo's holders are invented, so the demo makes
 * their P-256 pairs itself, one set per demo tender, and keeps the private halves in its own table
 * ({@link DemoOpeningKeyRepository}, demo_opening_key) until the tender's bids are opened, or the
 * tender is cancelled, when they are deleted. They are never registered as staff opening keys: no
 * staff member can be named with them on a real tender, and the holder pages do not offer them.
 *
 * <p>After the deadline the demo does what a holder's browser does on the shares page: it decrypts
 * the holder's share of every envelope and posts them through {@link SealedBids#postSharesOfKey},
 * signed by the demo staff member of the holder's organisation, so the ledger applies its own
 * checks (organisation, deadline by its clock, each share against its lodged hash) as for anyone.
 */
@ApplicationScoped
public class DemoKeyHolders {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedBids sealedBids;
    private HolderQueries holderQueries;
    private DemoOpeningKeyRepository keys;

    protected DemoKeyHolders() {
    }

    @Inject
    public DemoKeyHolders(SealedBids sealedBids, HolderQueries holderQueries, DemoOpeningKeyRepository keys) {
        this.sealedBids = sealedBids;
        this.holderQueries = holderQueries;
        this.keys = keys;
    }

    /** A demo tender's opening, to publish it with, and the key pairs behind it, to {@link #keep} with it. */
    public record NewOpening(TenderOpening opening, List<HolderKey> keys) {
        public NewOpening {
            keys = List.copyOf(keys);
        }
    }

    /**
     * Fresh key pairs for holders posted by {@code members} (holder i by the i-th), any
     * {@code threshold} of whom open the bids: the opening of a tender about to be published.
     */
    public NewOpening newOpening(List<StaffMember> members, int threshold) {
        List<TenderOpening.Holder> holders = new ArrayList<>();
        List<HolderKey> pairs = new ArrayList<>();
        for (StaffMember member : members) {
            KeyPair pair = P256.generate(RANDOM);
            String spki = base64url(pair.getPublic().getEncoded());
            int index = holders.size() + 1;
            holders.add(new TenderOpening.Holder(index, OpeningKeys.mspOf(member), member.publicRole(), spki,
                    EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic())));
            pairs.add(new HolderKey(index, spki, base64url(pair.getPrivate().getEncoded())));
        }
        return new NewOpening(TenderOpening.of(threshold, holders), pairs);
    }

    /** Keeps the key pairs of the tender just published with {@code opening}, in the same transaction. */
    public void keep(String tenderKey, NewOpening opening, Instant now) {
        keys.add(tenderKey, opening.keys(), now);
    }

    /** The demo still has the holders' private keys of this tender. */
    public boolean holdsKeysOf(String tenderKey) {
        return !keys.of(tenderKey).isEmpty();
    }

    /** The holders (by index) whose shares of the tender are on the ledger, read from the ledger. */
    public Set<Integer> posted(String ocid) {
        Set<Integer> posted = new TreeSet<>();
        for (PostedShares shares : holderQueries.posted(ocid)) {
            posted.add(shares.holderIndex());
        }
        return posted;
    }

    /**
     * Holder {@code index} posts its shares of every bid of the tender, decrypted with the key the
     * demo kept, signed by {@code member}; null for an envelope its share does not decrypt from, as
     * the shares page sends. Refusals are {@link SealedBids#postSharesOfKey}'s.
     *
     * @return the ledger's transaction id
     */
    public String post(String tenderKey, String ocid, int index, StaffMember member) {
        HolderKey key = keys.of(tenderKey).stream().filter(k -> k.index() == index).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo holds no key of holder " + index + " of " + tenderKey));
        ECPublicKey publicKey = P256.publicKeyFromSpki(Base64.getUrlDecoder().decode(key.publicKeySpki()));
        PrivateKey privateKey = P256.privateKeyFromPkcs8(Base64.getUrlDecoder().decode(key.privateKeyPkcs8()));
        Map<String, String> shares = new TreeMap<>();
        for (Map.Entry<String, String> envelope : sealedBids.envelopesToOpen(ocid).entrySet()) {
            shares.put(envelope.getKey(), share(envelope.getValue(), index, privateKey, publicKey));
        }
        return sealedBids.postSharesOfKey(member, ocid, EnvelopeSealer.publicKeySha256(publicKey), shares);
    }

    /** Deletes the tender's private keys: nothing of the tender needs them any more. */
    public void forget(String tenderKey) {
        keys.forget(tenderKey);
    }

    private static String share(String envelopeText, int index, PrivateKey privateKey, ECPublicKey publicKey) {
        if (envelopeText == null) {
            return null;
        }
        try {
            KeyShare share = ShareCipher.decrypt(SealedEnvelope.parse(envelopeText), index, privateKey, publicKey);
            return base64url(share.toBytes());
        } catch (ValidationException | ShareCipher.ShareException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
