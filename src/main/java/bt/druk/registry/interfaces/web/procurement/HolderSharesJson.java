package bt.druk.registry.interfaces.web.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON that travels between an opening key holder's browser and the portal, and nothing else:
 * the envelopes it decrypts its shares of (without their encrypted parts, which only the opening
 * needs), and the shares it posts back ({@code {"<bid key>": "<share, base64url>" | null}}).
 * Whatever the browser posts is checked here first, so a malformed post is refused with a message
 * next to the button, never a 500; the share bytes themselves are checked by
 * {@link bt.druk.registry.application.procurement.SealedBids#postShares}.
 */
final class HolderSharesJson {

    /** One share is about 45 characters with its key; 10,000 bids stay far below this. */
    static final int MAX_CHARS = 2 * 1024 * 1024;
    /** The members of an envelope a holder needs to decrypt its share (docs/sealed-envelope.md). */
    private static final List<String> FOR_HOLDERS = List.of("version", "ocid", "k", "n", "holders", "shares");

    private HolderSharesJson() {
    }

    /**
     * The posted shares of the tender {@code ocid}: bid key to share text, or null for a share the
     * browser could not decrypt. Refused on the field {@code shares} with a clear reason.
     */
    static Map<String, String> parseShares(String json, String ocid) {
        if (json == null || json.isBlank()) {
            throw ValidationException.of("shares", "holderShares.missing", "Decrypt your shares on this page before posting them");
        }
        if (json.length() > MAX_CHARS) {
            throw ValidationException.of("shares", "holderShares.size", "The shares are over " + MAX_CHARS / (1024 * 1024)
                    + " MiB; this is not what this page sends");
        }
        JsonObject object = readObject(json);
        if (object == null) {
            throw ValidationException.of("shares", "holderShares.format",
                    "The shares are not a JSON object of bid keys; decrypt them again on this page");
        }
        if (object.isEmpty()) {
            throw ValidationException.of("shares", "holderShares.empty", "There are no shares to post: this tender has no bids to open");
        }
        Map<String, String> shares = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (!isBidOf(e.getKey(), ocid)) {
                throw ValidationException.of("shares", "holderShares.bidKey", "\"" + shortened(e.getKey())
                        + "\" is not a bid of this tender; decrypt the shares again on this page");
            }
            JsonValue share = e.getValue();
            if (share.getValueType() == JsonValue.ValueType.NULL) {
                shares.put(e.getKey(), null);
            } else if (share instanceof JsonString text) {
                shares.put(e.getKey(), text.getString());
            } else {
                throw ValidationException.of("shares", "holderShares.value", "The share of " + e.getKey()
                        + " must be text (base64url) or null");
            }
        }
        return shares;
    }

    /**
     * What a holder's browser needs of an envelope: everything but its encrypted parts, so 1,000
     * bids of 1 MB each are a few hundred kilobytes to fetch, not a gigabyte. Null when the text is
     * not a JSON object (the page lists that bid with the reason).
     */
    static JsonObject forHolder(String envelopeText) {
        JsonObject envelope = readObject(envelopeText);
        if (envelope == null) {
            return null;
        }
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (String name : FOR_HOLDERS) {
            if (envelope.containsKey(name)) {
                out.add(name, envelope.get(name));
            }
        }
        return out.build();
    }

    /** The text as one JSON object and nothing after it, or null. */
    private static JsonObject readObject(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? null : object;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return null;
        }
    }

    static boolean isBidOf(String text, String ocid) {
        try {
            return BidKeys.belongsTo(RecordKey.parse(text), ocid);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
