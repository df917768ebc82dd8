package bt.druk.registry.domain.file;

import bt.druk.registry.domain.shared.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The off-chain store of files (tender and bid documents, notarised documents). Files never go on
 * the ledger; their SHA-256 does, inside the records' hashed JSON. The store is content-addressed:
 * a file's name is its hash, and storing the same bytes twice keeps one copy.
 */
public interface FileStore {

    /**
     * Stores the stream's bytes. The hash and size are computed while the bytes are written, the
     * kind of file is decided by reading the bytes, and the file is acknowledged (this method
     * returns) only once it is on disk under its hash. The caller closes the stream.
     *
     * @param content      the bytes, read to the end
     * @param declaredName the name the file came with (shown to people, never used to decide anything)
     * @param field        the form field to attach a refusal to, e.g. {@code tenderDocument}
     * @throws ValidationException the file is empty, over the size limit or not an accepted kind;
     *                             nothing is kept
     * @throws IOException         reading the stream or writing the disk failed; nothing is kept
     */
    StoredFile store(InputStream content, String declaredName, String field) throws IOException;

    /** {@link #store(InputStream, String, String)} with refusals attached to the field {@code file}. */
    default StoredFile store(InputStream content, String declaredName) throws IOException {
        return store(content, declaredName, "file");
    }

    /** Opens a stored file; empty when there is none with that hash (or the text is not a hash). */
    Optional<FileContent> open(String sha256) throws IOException;

    /** Whether a file with that hash is stored. */
    boolean exists(String sha256);

    /** The size limit and accepted kinds, e.g. for a page's {@code accept} attribute and hint. */
    FileRules rules();
}
