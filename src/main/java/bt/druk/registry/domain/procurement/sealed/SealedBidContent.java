package bt.druk.registry.domain.procurement.sealed;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bid inside a sealed envelope's {@code bid} part (docs/sealed-envelope.md §1), as the bidder's
 * browser writes it:
 * {@code {"currency":"BTN","documents":[{"name":"…","part":"document-1","sha256":"<hex>"}],"ocid":"…","price":"1250000.00","supplierId":"CDB-2026-0101"}}.
 * The portal, the opening and {@code druk-verify open-tender} all read it here, so they agree on
 * what a well-formed bid is.
 *
 * @param supplierId the business's CDB or trade licence number; at the opening it must be the
 *                   supplier who lodged the bid
 * @param price      decimal string with exactly two decimals, positive (the chaincode's form)
 * @param documents  one per {@code document-<i>} part of the envelope, in order
 */
public record SealedBidContent(String ocid, String supplierId, String price, String currency, List<Document> documents) {

    public static final String BTN = "BTN";
    static final Pattern PRICE = Pattern.compile("(0|[1-9][0-9]{0,14})\\.[0-9]{2}");
    static final Pattern SUPPLIER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
    private static final Set<String> MEMBERS = Set.of("currency", "documents", "ocid", "price", "supplierId");
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("name", "part", "sha256");
    private static final int MAX_NAME = 200;

    /** A document of the bid: its file name, its part in the envelope and the SHA-256 of its bytes. */
    public record Document(String name, String part, String sha256) {
    }

    public SealedBidContent {
        documents = List.copyOf(documents);
    }

    /**
     * Reads the {@code bid} part's text; refuses, naming the member, anything but the object above
     * with a positive price in BTN, a well-formed supplier id and documents named after their parts.
     */
    public static SealedBidContent parse(String bidJson) {
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(bidJson))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ValidationException.of("bid", "sealedBid.json", "The bid is not a JSON object");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        if (!o.keySet().equals(MEMBERS)) {
            errors.add("bid", "sealedBid.members", "The bid must have exactly the members " + MEMBERS + ", it has " + o.keySet());
            errors.throwIfAny();
        }
        String ocid = text(o, "ocid", errors);
        String supplierId = text(o, "supplierId", errors);
        String price = text(o, "price", errors);
        String currency = text(o, "currency", errors);
        if (ocid != null && !SealedEnvelope.OCID.matcher(ocid).matches()) {
            errors.add("bid.ocid", "sealedBid.ocid", "The bid's ocid is not an OCID");
        }
        if (supplierId != null && !SUPPLIER_ID.matcher(supplierId).matches()) {
            errors.add("bid.supplierId", "sealedBid.supplierId", "The bid's supplierId is not a CDB or trade licence number");
        }
        if (price != null && (!PRICE.matcher(price).matches() || price.equals("0.00"))) {
            errors.add("bid.price", "sealedBid.price", "The bid's price must be positive with exactly two decimals, e.g. \"1250000.00\"");
        }
        if (currency != null && !BTN.equals(currency)) {
            errors.add("bid.currency", "sealedBid.currency", "Bids are made in Ngultrum: the currency must be \"BTN\"");
        }
        List<Document> documents = new ArrayList<>();
        if (!(o.get("documents") instanceof JsonArray array)) {
            errors.add("bid.documents", "sealedBid.documents", "The bid's documents must be an array");
        } else {
            for (int i = 0; i < array.size(); i++) {
                String field = "bid.documents[" + i + "]";
                if (!(array.get(i) instanceof JsonObject d) || !d.keySet().equals(DOCUMENT_MEMBERS)) {
                    errors.add(field, "sealedBid.document", "Each document must have exactly name, part and sha256");
                    continue;
                }
                String name = text(d, "name", errors);
                String part = text(d, "part", errors);
                String sha256 = text(d, "sha256", errors);
                if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
                    errors.add(field + ".name", "sealedBid.document.name", "A document's name is 1 to 200 characters");
                }
                if (part != null && !part.equals(SealedEnvelope.documentPart(i + 1))) {
                    errors.add(field + ".part", "sealedBid.document.part", "Document " + (i + 1) + " must be part "
                            + SealedEnvelope.documentPart(i + 1));
                }
                if (sha256 != null && !CanonicalJson.isSha256Hex(sha256)) {
                    errors.add(field + ".sha256", "sealedBid.document.sha256", "A document's sha256 is 64 lowercase hexadecimal characters");
                }
                documents.add(new Document(name, part, sha256));
            }
        }
        errors.throwIfAny();
        return new SealedBidContent(ocid, supplierId, price, currency, documents);
    }

    /** The canonical JSON the bidder's browser puts in the {@code bid} part. */
    public String toCanonicalJson() {
        JsonArrayBuilder docs = Json.createArrayBuilder();
        documents.forEach(d -> docs.add(Json.createObjectBuilder().add("name", d.name()).add("part", d.part())
                .add("sha256", d.sha256())));
        return CanonicalJson.canonicalize(Json.createObjectBuilder().add("currency", currency).add("documents", docs)
                .add("ocid", ocid).add("price", price).add("supplierId", supplierId).build());
    }

    private static String text(JsonObject o, String member, ValidationException.Collector errors) {
        JsonValue v = o.get(member);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        errors.add("bid." + member, "sealedBid." + member, "The bid's " + member + " must be a string");
        return null;
    }
}
