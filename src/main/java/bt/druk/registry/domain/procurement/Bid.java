package bt.druk.registry.domain.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sealed bid's content: what the bidder offers, hashed into the {@code bidHash} that the
 * commitment on the ledger hides until the opening.
 *
 * <h2>Bid document format</h2>
 * One JSON object, hashed as SHA-256 (lowercase hex) of the UTF-8 bytes of its RFC 8785 canonical
 * form, exactly like a record version (docs/record-hashes.md):
 * <pre>{@code
 * {"bidder":{"licenceNumber":"1002345","name":"ཀུན་ལེགས་ Construction"},
 *  "documents":[{"mediaType":"application/pdf","name":"technical.pdf","sha256":"<hex>","size":48213}],
 *  "price":{"amount":"1250000.00","currency":"BTN"},
 *  "sealedAt":"2026-03-10T04:15:00Z",
 *  "tender":"tender:ocds-b5fd17-2026-0042"}
 * }</pre>
 * <ul>
 * <li>{@code tender}: the tender's record key, {@code tender:<ocid>} (ocid as the chaincode allows:
 *     1 to 160 of {@code A-Z a-z 0-9 . _ ~ / + : -}, first a letter or digit). It binds the bid to
 *     one tender: a sealed bid cannot be replayed against another.</li>
 * <li>{@code bidder}: licence number and registered name of the business (see {@link Bidder}).</li>
 * <li>{@code price}: {@code amount} a <em>string</em> with exactly two decimals, no sign, no
 *     separators, no leading zeros; {@code currency} {@code "BTN"}. No floating point anywhere.</li>
 * <li>{@code documents}: name, media type, size in bytes and SHA-256 of each bid document, sorted
 *     by {@code sha256} and then by {@code name} (UTF-16 code units) so the same files give the
 *     same bid whatever order they were picked in; may be empty. Only the hashes are bound: the
 *     files stay with the bidder until the opening.</li>
 * <li>{@code sealedAt}: the bidder's clock when sealing, UTC, whole seconds
 *     ({@code YYYY-MM-DDTHH:MM:SSZ}). Informative only: the ledger's transaction time decides
 *     whether a commitment was in time.</li>
 * </ul>
 * No other members. The seal page ({@code webapp/resources/druk/js/seal-bid.js}) writes this in
 * the browser; {@link #fromJson} reads it back strictly, so a bid either means exactly one thing
 * or is refused.
 */
public record Bid(String tenderKey, Bidder bidder, BidPrice price, List<BidDocument> documents, Instant sealedAt) {

    static final Pattern TENDER_KEY = Pattern.compile("tender:[A-Za-z0-9][A-Za-z0-9._~/+:-]{0,159}");
    private static final Pattern SEALED_AT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    private static final Set<String> MEMBERS = Set.of("tender", "bidder", "price", "documents", "sealedAt");
    private static final Set<String> BIDDER_MEMBERS = Set.of("licenceNumber", "name");
    private static final Set<String> PRICE_MEMBERS = Set.of("amount", "currency");
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("name", "mediaType", "size", "sha256");
    /** Plenty for a bid; keeps a hostile file from making the portal hash for long. */
    public static final int MAX_DOCUMENTS = 100;

    /** The order the seal page writes documents in. */
    public static final Comparator<BidDocument> DOCUMENT_ORDER =
            Comparator.comparing(BidDocument::sha256).thenComparing(BidDocument::name);

    public Bid {
        Objects.requireNonNull(tenderKey, "tenderKey");
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(sealedAt, "sealedAt");
        if (!TENDER_KEY.matcher(tenderKey).matches()) {
            throw new IllegalArgumentException("tenderKey must be tender:<ocid>");
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw new IllegalArgumentException("at most " + MAX_DOCUMENTS + " documents");
        }
        documents = List.copyOf(documents);
        sealedAt = sealedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A bid as the seal page makes one: documents sorted into {@link #DOCUMENT_ORDER}. */
    public static Bid of(String tenderKey, Bidder bidder, BidPrice price, List<BidDocument> documents, Instant sealedAt) {
        List<BidDocument> sorted = new ArrayList<>(documents);
        sorted.sort(DOCUMENT_ORDER);
        return new Bid(tenderKey, bidder, price, sorted, sealedAt);
    }

    /** The bid as JSON (documents in the order held). */
    public JsonObject toJson() {
        JsonArrayBuilder docs = JSON.createArrayBuilder();
        for (BidDocument d : documents) {
            docs.add(JSON.createObjectBuilder().add("name", d.name()).add("mediaType", d.mediaType())
                    .add("size", d.size()).add("sha256", d.sha256()));
        }
        return JSON.createObjectBuilder()
                .add("tender", tenderKey)
                .add("bidder", JSON.createObjectBuilder().add("licenceNumber", bidder.licenceNumber()).add("name", bidder.name()))
                .add("price", JSON.createObjectBuilder().add("amount", price.amountText()).add("currency", price.currency()))
                .add("documents", docs)
                .add("sealedAt", sealedAt.toString())
                .build();
    }

    /** RFC 8785 canonical form of {@link #toJson()}. */
    public String canonicalJson() {
        return CanonicalJson.canonicalize(toJson());
    }

    /** The bidHash: lowercase hex SHA-256 of {@link #canonicalJson()}. */
    public String hash() {
        return CanonicalJson.sha256Hex(canonicalJson());
    }

    /** The document with this hash, if the bid lists it. */
    public java.util.Optional<BidDocument> document(String sha256) {
        return documents.stream().filter(d -> d.sha256().equals(sha256)).findFirst();
    }

    /**
     * Reads a bid strictly (see the class comment for the format), collecting every problem.
     * Field names in the errors are JSON paths under {@code field}, e.g. {@code bid.price.amount},
     * {@code bid.documents[1].sha256}.
     */
    public static Bid fromJson(JsonValue value, String field) {
        ValidationException.Collector errors = new ValidationException.Collector();
        JsonObject bid = object(value, field, errors, "The bid must be a JSON object.");
        if (bid == null) {
            errors.throwIfAny();
        }
        unknownMembers(bid, MEMBERS, field, errors);

        String tender = string(bid, "tender", field, errors);
        if (tender != null && !TENDER_KEY.matcher(tender).matches()) {
            errors.add(field + ".tender", "bid.tender.format",
                    "The tender must be written as tender:<ocid>, e.g. tender:ocds-b5fd17-2026-0042.");
        }

        Bidder bidder = readBidder(bid.get("bidder"), field + ".bidder", errors);
        BidPrice price = readPrice(bid.get("price"), field + ".price", errors);
        List<BidDocument> documents = readDocuments(bid.get("documents"), field + ".documents", errors);

        Instant sealedAt = null;
        String sealedAtText = string(bid, "sealedAt", field, errors);
        if (sealedAtText != null) {
            try {
                if (!SEALED_AT.matcher(sealedAtText).matches()) {
                    throw new DateTimeParseException("format", sealedAtText, 0);
                }
                sealedAt = Instant.parse(sealedAtText);
            } catch (DateTimeParseException e) {
                errors.add(field + ".sealedAt", "bid.sealedAt.format",
                        "The sealing time must be a UTC time in whole seconds, e.g. 2026-03-10T04:15:00Z.");
            }
        }
        errors.throwIfAny();
        return new Bid(tender, bidder, price, documents, sealedAt);
    }

    private static Bidder readBidder(JsonValue value, String field, ValidationException.Collector errors) {
        JsonObject bidder = object(value, field, errors, "The bid must name the bidder (licence number and name).");
        if (bidder == null) {
            return null;
        }
        unknownMembers(bidder, BIDDER_MEMBERS, field, errors);
        String licence = string(bidder, "licenceNumber", field, errors);
        String name = string(bidder, "name", field, errors);
        boolean ok = licence != null && name != null;
        if (licence != null && !Bidder.LICENCE_NUMBER.matcher(licence).matches()) {
            errors.add(field + ".licenceNumber", "bid.bidder.licenceNumber.format",
                    "The trade licence number must be 1 to 40 letters, digits, '.', '/' or '-'.");
            ok = false;
        }
        if (name != null && !BidText.isCleanText(name, Bidder.MAX_NAME_LENGTH)) {
            errors.add(field + ".name", "bid.bidder.name.format",
                    "The bidder's name must be 1 to 200 characters without control or text-direction characters.");
            ok = false;
        }
        return ok ? new Bidder(licence, name) : null;
    }

    private static BidPrice readPrice(JsonValue value, String field, ValidationException.Collector errors) {
        JsonObject price = object(value, field, errors, "The bid must state a price (amount and currency).");
        if (price == null) {
            return null;
        }
        unknownMembers(price, PRICE_MEMBERS, field, errors);
        if (price.get("amount") instanceof JsonNumber) {
            errors.add(field + ".amount", "bid.price.format",
                    "The price must be a text such as \"1250000.00\", not a JSON number.");
            return null;
        }
        String amount = string(price, "amount", field, errors);
        String currency = string(price, "currency", field, errors);
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return BidPrice.fromBidJson(amount, currency, field);
        } catch (ValidationException e) {
            e.errors().forEach(error -> errors.add(error.field(), error.code(), error.message()));
            return null;
        }
    }

    private static List<BidDocument> readDocuments(JsonValue value, String field, ValidationException.Collector errors) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(field, "bid.documents.missing", "The bid must list its documents (an empty list if there are none).");
            return List.of();
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > MAX_DOCUMENTS) {
            errors.add(field, "bid.documents.tooMany", "A bid can list at most " + MAX_DOCUMENTS + " documents.");
            return List.of();
        }
        List<BidDocument> documents = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = field + "[" + i + "]";
            JsonObject doc = object(array.get(i), at, errors, "Each document must be a JSON object.");
            if (doc == null) {
                continue;
            }
            unknownMembers(doc, DOCUMENT_MEMBERS, at, errors);
            String name = string(doc, "name", at, errors);
            String mediaType = string(doc, "mediaType", at, errors);
            String sha256 = string(doc, "sha256", at, errors);
            Long size = null;
            JsonValue sizeValue = doc.get("size");
            if (sizeValue instanceof JsonNumber number && number.isIntegral()) {
                BigDecimal bytes = number.bigDecimalValue();
                if (bytes.signum() >= 0 && bytes.compareTo(BigDecimal.valueOf(BidDocument.MAX_SIZE)) <= 0) {
                    size = bytes.longValueExact();
                }
            }
            if (size == null) {
                errors.add(at + ".size", "bid.document.size", "The document's size must be a whole number of bytes.");
            }
            boolean ok = name != null && mediaType != null && sha256 != null && size != null;
            if (name != null && !BidText.isCleanText(name, BidDocument.MAX_NAME_LENGTH)) {
                errors.add(at + ".name", "bid.document.name", "The document's name must be 1 to 255 characters without control or text-direction characters.");
                ok = false;
            }
            if (mediaType != null && !BidDocument.MEDIA_TYPE.matcher(mediaType).matches()) {
                errors.add(at + ".mediaType", "bid.document.mediaType", "The document's media type must look like application/pdf.");
                ok = false;
            }
            if (sha256 != null && !CanonicalJson.isSha256Hex(sha256)) {
                errors.add(at + ".sha256", "bid.document.sha256", "The document's hash must be 64 lowercase hex digits (SHA-256).");
                ok = false;
            }
            if (ok) {
                documents.add(new BidDocument(name, mediaType, size, sha256));
            }
        }
        return documents;
    }

    private static JsonObject object(JsonValue value, String field, ValidationException.Collector errors, String message) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(field, "bid.object", message);
            return null;
        }
        return value.asJsonObject();
    }

    private static String string(JsonObject object, String name, String field, ValidationException.Collector errors) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        errors.add(field + "." + name, "bid.member.missing",
                value == null ? "\"" + name + "\" is missing." : "\"" + name + "\" must be a text.");
        return null;
    }

    private static void unknownMembers(JsonObject object, Set<String> allowed, String field, ValidationException.Collector errors) {
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                errors.add(field + "." + name, "bid.member.unknown",
                        "\"" + name + "\" is not part of a bid; the file was not made by the seal page or was edited.");
            }
        }
    }
}
