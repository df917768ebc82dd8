package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.record.CanonicalJson;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One document of a bid, named in the bid by its hash: the file itself stays with the bidder until
 * the opening, when it must hash to {@code sha256} again.
 *
 * @param name      the file's name as the bidder's browser gave it (1 to 255 characters, no
 *                  control characters); informative, the hash is what binds
 * @param mediaType e.g. {@code application/pdf}; {@code application/octet-stream} when unknown
 * @param size      bytes, 0 to 2^53 - 1 (a JSON number both JavaScript and Java hold exactly)
 * @param sha256    lowercase hex SHA-256 of the file's bytes
 */
public record BidDocument(String name, String mediaType, long size, String sha256) {

    public static final int MAX_NAME_LENGTH = 255;
    public static final long MAX_SIZE = (1L << 53) - 1;
    static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}");

    public BidDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        if (!BidText.isCleanText(name, MAX_NAME_LENGTH)) {
            throw new IllegalArgumentException("document name must be 1 to 255 characters without control or text-direction characters");
        }
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("media type must look like type/subtype");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 0 to 2^53 - 1");
        }
        if (!CanonicalJson.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
    }
}
