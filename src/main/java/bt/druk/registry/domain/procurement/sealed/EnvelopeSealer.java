package bt.druk.registry.domain.procurement.sealed;

import bt.druk.registry.domain.record.CanonicalJson;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seals a bid the way the bidder's browser does ({@code sealed-envelope.js}); the portal never
 * seals a real bid (it must never see one), so this is for tests, the demo and the verifier's
 * self-check.
 */
public final class EnvelopeSealer {

    private EnvelopeSealer() {
    }

    /**
     * @param ocid        the tender
     * @param bidJson     the bid, a JSON object (sealed as its canonical JSON)
     * @param documents   the bid's documents, sealed as parts document-1, document-2, ...
     * @param holderSpkis the holders' P-256 public keys (SPKI DER), in holder order
     * @param k           shares needed to open
     */
    public static SealedEnvelope seal(String ocid, String bidJson, List<byte[]> documents, List<byte[]> holderSpkis, int k) {
        return seal(ocid, bidJson, documents, holderSpkis, k, SealingRandomness.secure());
    }

    static SealedEnvelope seal(String ocid, String bidJson, List<byte[]> documents, List<byte[]> holderSpkis, int k,
            SealingRandomness random) {
        int n = holderSpkis.size();
        if (!SealedEnvelope.OCID.matcher(ocid).matches()) {
            throw new IllegalArgumentException("not an OCID: " + ocid);
        }
        if (n < 2 || n > SealedEnvelope.MAX_HOLDERS || k < 2 || k > n) {
            throw new IllegalArgumentException("need 2 <= k <= n <= " + SealedEnvelope.MAX_HOLDERS + ", not k=" + k + ", n=" + n);
        }
        if (documents.size() > SealedEnvelope.MAX_DOCUMENTS) {
            throw new IllegalArgumentException("at most " + SealedEnvelope.MAX_DOCUMENTS + " documents");
        }
        String canonicalBid = CanonicalJson.canonicalize(bidJson);
        if (!canonicalBid.startsWith("{")) {
            throw new IllegalArgumentException("a bid is a JSON object");
        }
        List<ECPublicKey> holderKeys = holderSpkis.stream().map(P256::publicKeyFromSpki).toList();
        byte[] dataKey = random.dataKey();
        List<KeyShare> keyShares = Shamir.split(dataKey, k, n, random.coefficients(SealedEnvelope.KEY_LENGTH * (k - 1)));

        List<SealedEnvelope.Part> parts = new ArrayList<>();
        parts.add(part(dataKey, ocid, SealedEnvelope.BID_PART, Bytes.utf8(canonicalBid), random.iv()));
        for (int i = 0; i < documents.size(); i++) {
            parts.add(part(dataKey, ocid, SealedEnvelope.documentPart(i + 1), documents.get(i), random.iv()));
        }
        Arrays.fill(dataKey, (byte) 0);

        List<SealedEnvelope.Holder> holders = new ArrayList<>();
        List<SealedEnvelope.Share> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            holders.add(new SealedEnvelope.Holder(i + 1, publicKeySha256(holderKeys.get(i))));
            KeyPair ephemeral = random.ephemeralKeyPair();
            shares.add(ShareCipher.encrypt(keyShares.get(i), holderKeys.get(i), ocid, ephemeral, random.iv()));
        }
        return new SealedEnvelope(SealedEnvelope.VERSION, ocid, k, n, holders, parts, shares);
    }

    /**
     * SHA-256 (hex) of the key's SPKI DER as Web Crypto's exportKey("spki") and the JDK write it:
     * named curve P-256, uncompressed point (91 bytes).
     */
    public static String publicKeySha256(ECPublicKey key) {
        return Bytes.sha256Hex(key.getEncoded());
    }

    private static SealedEnvelope.Part part(byte[] dataKey, String ocid, String name, byte[] plaintext, byte[] iv) {
        byte[] ciphertext = Aead.encrypt(dataKey, iv, SealedEnvelope.partAad(ocid, name), plaintext);
        return new SealedEnvelope.Part(name, Bytes.base64url(iv), Bytes.base64url(ciphertext));
    }
}
