package bt.druk.registry.domain.notary;

import bt.druk.registry.domain.file.StoredFile;
import java.util.Objects;

/**
 * The notarised document as the hashed record describes it: its SHA-256 (what the chaincode indexes
 * as the {@code documentHash}), what its bytes are and its size. The file stays in the off-chain
 * store and is never public. The name it was uploaded with is not here: names of notarised files
 * often carry a person's name ("affidavit-kinley-wangmo.pdf") and the hashed record is public, so
 * the name is kept only in the portal's database ({@link NotarisationSummary#fileName()}).
 */
public record NotarisedFile(String sha256, String mediaType, long size) {

    public NotarisedFile {
        if (!StoredFile.isSha256(sha256)) {
            throw new IllegalArgumentException("not a lowercase SHA-256 hex: " + sha256);
        }
        Objects.requireNonNull(mediaType, "mediaType");
        if (size < 1) {
            throw new IllegalArgumentException("a notarised file has at least one byte");
        }
    }

    public static NotarisedFile of(StoredFile file) {
        return new NotarisedFile(file.sha256(), file.mediaType(), file.size());
    }
}
