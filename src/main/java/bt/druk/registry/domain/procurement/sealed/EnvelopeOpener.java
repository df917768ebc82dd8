package bt.druk.registry.domain.procurement.sealed;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.procurement.sealed.OpeningResult.InvalidReason;
import bt.druk.registry.domain.procurement.sealed.OpeningResult.OpenedDocument;
import bt.druk.registry.domain.procurement.sealed.OpeningResult.RejectedShare;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens a sealed envelope with posted shares. The verdict is the same whichever k correct shares
 * are used: once k shares rebuild the key polynomials, every other share is computed from them and
 * must match its hash in the envelope, so a bidder cannot make its bid open for some holders and
 * not for others by sealing shares of different keys.
 */
public final class EnvelopeOpener {

    private EnvelopeOpener() {
    }

    /**
     * @param envelopeText   the envelope as stored
     * @param ledgerSha256   the envelope hash the ledger holds for this bid
     * @param postedShares   the shares the holders posted (any number, any order, wrong ones included)
     */
    public static OpeningResult open(String envelopeText, String ledgerSha256, List<KeyShare> postedShares) {
        String hash = CanonicalJson.sha256Hex(envelopeText);
        if (!hash.equals(ledgerSha256)) {
            return new OpeningResult.Invalid(hash, InvalidReason.HASH_MISMATCH, "the envelope's SHA-256 is " + hash
                    + ", the ledger holds " + ledgerSha256, List.of());
        }
        SealedEnvelope envelope;
        try {
            envelope = SealedEnvelope.parse(envelopeText);
        } catch (ValidationException e) {
            return new OpeningResult.Invalid(hash, InvalidReason.MALFORMED, e.getMessage(), List.of());
        }
        return open(envelope, hash, postedShares);
    }

    /** The same for an envelope already parsed (its hash computed by the caller from the stored text). */
    public static OpeningResult open(SealedEnvelope envelope, String envelopeSha256, List<KeyShare> postedShares) {
        List<RejectedShare> rejected = new ArrayList<>();
        List<KeyShare> correct = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (KeyShare share : postedShares) {
            int index = share.index();
            if (index > envelope.n()) {
                rejected.add(new RejectedShare(index, "there is no holder " + index + " (n = " + envelope.n() + ")"));
            } else if (!share.sha256Hex().equals(envelope.shares().get(index - 1).shareSha256())) {
                rejected.add(new RejectedShare(index, "share " + index + " does not match its hash in the envelope"));
            } else if (seen.add(index)) {
                correct.add(share);
            }
        }
        if (correct.size() < envelope.k()) {
            return new OpeningResult.TooFewShares(envelope.k(), correct.size(), rejected);
        }
        correct.sort(Comparator.comparingInt(KeyShare::index));
        List<KeyShare> used = correct.subList(0, envelope.k());
        for (int j = 1; j <= envelope.n(); j++) {
            KeyShare computed = new KeyShare(j, Shamir.evaluate(used, j));
            if (!computed.sha256Hex().equals(envelope.shares().get(j - 1).shareSha256())) {
                return new OpeningResult.Invalid(envelopeSha256, InvalidReason.MALFORMED, "the shares are not of one key: share "
                        + j + " computed from shares " + indices(used) + " does not match its hash in the envelope", rejected);
            }
        }
        byte[] dataKey = Shamir.combine(used);
        try {
            String bidJson = null;
            List<OpenedDocument> documents = new ArrayList<>();
            for (SealedEnvelope.Part part : envelope.parts()) {
                byte[] plaintext = Aead.decrypt(dataKey, part.ivBytes(), SealedEnvelope.partAad(envelope.ocid(), part.name()),
                        part.ciphertextBytes());
                if (plaintext == null) {
                    return new OpeningResult.Invalid(envelopeSha256, InvalidReason.UNDECRYPTABLE, "part \"" + part.name()
                            + "\" does not decrypt with the data key the shares rebuild (altered ciphertext, IV or tender)", rejected);
                }
                if (part.name().equals(SealedEnvelope.BID_PART)) {
                    bidJson = canonicalBid(plaintext);
                    if (bidJson == null) {
                        return new OpeningResult.Invalid(envelopeSha256, InvalidReason.MALFORMED,
                                "the bid is not a JSON object in canonical JSON (RFC 8785, UTF-8)", rejected);
                    }
                } else {
                    documents.add(new OpenedDocument(part.name(), plaintext));
                }
            }
            return new OpeningResult.Valid(envelopeSha256, bidJson, documents, rejected);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static String canonicalBid(byte[] plaintext) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT || !CanonicalJson.canonicalize(value).equals(text)) {
                return null;
            }
            return text;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String indices(List<KeyShare> shares) {
        return shares.stream().map(s -> String.valueOf(s.index())).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
