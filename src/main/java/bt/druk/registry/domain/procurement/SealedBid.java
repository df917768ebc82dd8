package bt.druk.registry.domain.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Objects;

/**
 * A sealed-bid file: what the bidder's browser downloads when sealing, keeps secret until the
 * opening and uploads then.
 * <pre>{@code
 * {"format":"druk-sealed-bid/1",
 *  "note":"<what this file is, for a person who opens it>",
 *  "bid":{ …see Bid… },
 *  "salt":"<43 base64url characters>",
 *  "bidHash":"<hex SHA-256 of the bid's RFC 8785 canonical JSON>",
 *  "commitment":"<hex SHA-256 of the UTF-8 string bidHash + ':' + salt>"}
 * }</pre>
 * Only {@code commitment} leaves the browser before the deadline. At the opening {@link #parse}
 * checks the file on its own (the bid hashes to {@code bidHash}, {@code bidHash} and {@code salt}
 * give {@code commitment}) and {@link #requireLodged} checks it against the commitment on the
 * ledger; only the latter proves anything, since whoever edits a file can recompute both hashes.
 * The {@code note} is not hashed and may say anything.
 *
 * @param bid        the bid, read strictly
 * @param bidJson    the bid exactly as the file holds it, whose canonical form is hashed
 * @param salt       1 to 256 printable ASCII characters without spaces
 * @param bidHash    lowercase hex SHA-256 of the canonical {@code bidJson}
 * @param commitment {@link BidCommitment#of}{@code (bidHash, salt)}
 */
public record SealedBid(Bid bid, JsonObject bidJson, String salt, String bidHash, String commitment) {

    public static final String FORMAT = "druk-sealed-bid/1";
    /** A sealed-bid file is small: a bid lists hashes, never the documents themselves. */
    public static final int MAX_FILE_CHARS = 256 * 1024;
    public static final String NOTE = "Sealed bid. Keep this file and your bid documents safe and secret until the"
            + " bid opening: before the deadline only the commitment is lodged; at the opening this file reveals"
            + " your bid, and it must match the commitment on the ledger. Anyone holding this file can read your"
            + " price. bidHash = SHA-256 of the RFC 8785 canonical JSON of \"bid\"; commitment = SHA-256 of"
            + " bidHash + \":\" + salt.";

    /** Duplicate member names are refused: a reader that kept the other one would see another bid. */
    private static final JsonReaderFactory READERS =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    public SealedBid {
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(bidJson, "bidJson");
        if (!BidCommitment.isValidSalt(salt)) {
            throw new IllegalArgumentException("salt must be 1 to 256 printable ASCII characters without spaces");
        }
        if (!CanonicalJson.sha256Hex(CanonicalJson.canonicalize(bidJson)).equals(bidHash)) {
            throw new IllegalArgumentException("bidHash is not the hash of the bid");
        }
        if (!BidCommitment.of(bidHash, salt).equals(commitment)) {
            throw new IllegalArgumentException("commitment does not match bidHash and salt");
        }
    }

    /** Seals a bid with a fresh random salt. */
    public static SealedBid seal(Bid bid) {
        return seal(bid, BidCommitment.newSalt());
    }

    /** Seals a bid with the given salt (tests, and a clerk re-creating a paper bid's seal). */
    public static SealedBid seal(Bid bid, String salt) {
        JsonObject json = bid.toJson();
        String bidHash = CanonicalJson.sha256Hex(CanonicalJson.canonicalize(json));
        return new SealedBid(bid, json, salt, bidHash, BidCommitment.of(bidHash, salt));
    }

    /**
     * Reads and checks a sealed-bid file. Refuses, with messages for the bidder: text that is not
     * a sealed-bid file ({@code file}), a bid that is malformed ({@code bid.…}) or no longer hashes
     * to {@code bidHash} ({@code bid}, code {@code sealedBid.bidTampered}), a salt the ledger would
     * refuse ({@code salt}), and a commitment that {@code bidHash} and {@code salt} do not give
     * ({@code commitment}, code {@code sealedBid.commitmentMismatch}).
     */
    public static SealedBid parse(String fileText) {
        JsonObject file = readFile(fileText);
        ValidationException.Collector errors = new ValidationException.Collector();
        String salt = text(file, "salt");
        String bidHash = text(file, "bidHash");
        String commitment = text(file, "commitment");
        if (!BidCommitment.isValidSalt(salt)) {
            errors.add("salt", "sealedBid.salt",
                    "The salt must be 1 to 256 printable ASCII characters without spaces; the file was edited or damaged.");
        }
        if (!CanonicalJson.isSha256Hex(bidHash)) {
            errors.add("bidHash", "sealedBid.bidHash", "The bid hash must be 64 lowercase hex digits; the file was edited or damaged.");
        }
        if (!CanonicalJson.isSha256Hex(commitment)) {
            errors.add("commitment", "sealedBid.commitment", "The commitment must be 64 lowercase hex digits; the file was edited or damaged.");
        }
        errors.throwIfAny();

        JsonObject bidJson = file.get("bid") instanceof JsonObject object ? object : null;
        Bid bid = Bid.fromJson(file.get("bid"), "bid");
        String actualHash = CanonicalJson.sha256Hex(CanonicalJson.canonicalize(bidJson));
        if (!actualHash.equals(bidHash)) {
            throw ValidationException.of("bid", "sealedBid.bidTampered",
                    "The bid in this file was changed after it was sealed: it hashes to " + actualHash
                            + ", but the file says " + bidHash + ". Use the file exactly as it was downloaded.");
        }
        String expected = BidCommitment.of(bidHash, salt);
        if (!expected.equals(commitment)) {
            throw ValidationException.of("commitment", "sealedBid.commitmentMismatch",
                    "The bid hash and salt in this file give the commitment " + expected + ", but the file says "
                            + commitment + ". The file was edited or damaged.");
        }
        return new SealedBid(bid, bidJson, salt, bidHash, commitment);
    }

    /**
     * Checks that this file is the one behind a lodged commitment and tender. Refused with
     * {@code sealedBid.notLodged} (field {@code commitment}) or {@code sealedBid.otherTender}
     * (field {@code bid.tender}).
     */
    public SealedBid requireLodged(String tenderKey, String lodgedCommitment) {
        if (!bid.tenderKey().equals(tenderKey)) {
            throw ValidationException.of("bid.tender", "sealedBid.otherTender",
                    "This sealed bid is for " + bid.tenderKey() + ", not for " + tenderKey + ".");
        }
        if (!commitment.equals(lodgedCommitment)) {
            throw ValidationException.of("commitment", "sealedBid.notLodged",
                    "This sealed bid's commitment " + commitment + " is not the commitment lodged for this bid ("
                            + lodgedCommitment + "). Upload the sealed-bid file you downloaded when you sealed that bid.");
        }
        return this;
    }

    /** The file as the seal page writes it (members in canonical order, pretty-printing aside). */
    public String toFileJson() {
        return CanonicalJson.canonicalize(JSON.createObjectBuilder()
                .add("format", FORMAT).add("note", NOTE).add("bid", bidJson)
                .add("salt", salt).add("bidHash", bidHash).add("commitment", commitment).build());
    }

    private static JsonObject readFile(String fileText) {
        String wrongFile = "This is not a sealed-bid file. Choose the .json file the seal page downloaded when you sealed your bid.";
        if (fileText == null || fileText.isBlank() || fileText.length() > MAX_FILE_CHARS) {
            throw ValidationException.of("file", "sealedBid.notSealedBidFile", wrongFile);
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(stripBom(fileText)))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ValidationException.of("file", "sealedBid.notSealedBidFile", wrongFile);
        }
        if (!(value instanceof JsonObject file) || !FORMAT.equals(text(file, "format"))) {
            throw ValidationException.of("file", "sealedBid.notSealedBidFile", wrongFile);
        }
        return file;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
