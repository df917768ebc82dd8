package bt.druk.registry.domain.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A stored file opened for reading. The caller closes it. It has no name: names belong to the
 * records that refer to the file (see {@link StoredFile}).
 *
 * @param sha256  the file's hash
 * @param size    length in bytes
 * @param type    what the bytes are
 * @param content the bytes, from the first
 */
public record FileContent(String sha256, long size, FileType type, InputStream content) implements AutoCloseable {

    public FileContent {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
