package bt.druk.registry.testing;

import bt.druk.registry.application.procurement.SealedBids;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.application.procurement.OpeningKeys;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sealed tenders and bids for tests over the harness, the way the pages make them: tenders sealed
 * to three holders (the procurement clerk, the inspector and the notary clerk, 2 of 3) whose key
 * pairs this helper keeps; bids sealed with {@link EnvelopeSealer} and lodged through
 * {@link SealedBids#lodge}; shares decrypted here and posted as each holder after the deadline.
 */
public final class SealedTenders {

    public static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    /** Who posts holder 1, 2 and 3's shares. */
    public static final List<StaffMember> HOLDERS = List.of(PortalHarness.PROCUREMENT_CLERK, INSPECTOR, PortalHarness.NOTARY_CLERK);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalHarness h;
    private List<KeyPair> keys;
    private TenderOpening opening;

    SealedTenders(PortalHarness h) {
        this.h = h;
    }

    /** The opening every tender of this helper is sealed to. */
    public synchronized TenderOpening opening() {
        if (opening == null) {
            keys = new ArrayList<>();
            List<TenderOpening.Holder> holders = new ArrayList<>();
            for (StaffMember member : HOLDERS) {
                KeyPair pair = P256.generate(RANDOM);
                keys.add(pair);
                holders.add(new TenderOpening.Holder(holders.size() + 1, OpeningKeys.mspOf(member), member.publicRole(),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()),
                        EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic())));
            }
            opening = TenderOpening.of(TenderOpening.DEFAULT_THRESHOLD, holders);
        }
        return opening;
    }

    /** Publishes as the procurement clerk, sealed, without the office's minimum bidding period. */
    public SubmissionAck publish(String entityCode, Tender.Terms terms) {
        return h.tenders.publish(PortalHarness.PROCUREMENT_CLERK, entityCode, terms, opening(), Duration.ZERO);
    }

    /** The envelope a supplier's browser would seal for this bid (documents as parts document-1...). */
    public String seal(String ocid, String supplierId, String price, List<Document> documents) {
        List<SealedBidContent.Document> listed = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            listed.add(new SealedBidContent.Document(documents.get(i).name(), SealedEnvelope.documentPart(i + 1),
                    CanonicalJson.sha256Hex(documents.get(i).text())));
        }
        String bid = new SealedBidContent(ocid, supplierId, price, SealedBidContent.BTN, listed).toCanonicalJson();
        List<byte[]> spkis = opening().holders().stream().map(x -> Base64.getUrlDecoder().decode(x.publicKeySpki())).toList();
        return EnvelopeSealer.seal(ocid, bid, documents.stream().map(d -> d.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toList(), spkis, opening().threshold()).toCanonicalJson();
    }

    /** A bid document; its text is its content (UTF-8). */
    public record Document(String name, String text) {
    }

    /** Seals and lodges a bid as supplier {@code supplierId}. */
    public SubmissionAck lodge(String ocid, String supplierId, String supplierName, String price, Document... documents) {
        return h.sealedBids.lodge(supplierId, supplierName, ocid, seal(ocid, supplierId, price, List.of(documents)));
    }

    /** Holder {@code index} (1-based) decrypts its share of every envelope and posts them (after the deadline). */
    public String post(String ocid, int index) {
        KeyPair pair = keys().get(index - 1);
        Map<String, String> shares = new TreeMap<>();
        h.sealedBids.envelopesToOpen(ocid).forEach((bidKey, text) -> {
            try {
                KeyShare share = ShareCipher.decrypt(SealedEnvelope.parse(text), index, pair.getPrivate(), (ECPublicKey) pair.getPublic());
                shares.put(bidKey, Base64.getUrlEncoder().withoutPadding().encodeToString(share.toBytes()));
            } catch (ValidationException | ShareCipher.ShareException | NullPointerException unreadable) {
                shares.put(bidKey, null);
            }
        });
        return h.sealedBids.postSharesOfKey(HOLDERS.get(index - 1), ocid,
                EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic()), shares);
    }

    /** After the deadline: holders 2 and 3 post their shares, and the clerk opens every bid. */
    public SealedBids.OpeningReport open(String ocid) {
        post(ocid, 2);
        post(ocid, 3);
        return h.sealedBids.openAll(PortalHarness.PROCUREMENT_CLERK, ocid);
    }

    private synchronized List<KeyPair> keys() {
        opening();
        return keys;
    }
}
