package bt.druk.registry.testing;

import bt.druk.registry.domain.file.FileContent;
import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.procurement.sealed.Bytes;
import bt.druk.registry.domain.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory file store that takes PDFs only, like the real one by their first bytes. */
public final class InMemoryFileStore implements FileStore {

    public final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    @Override
    public StoredFile store(InputStream content, String declaredName, String field) throws IOException {
        byte[] all = content.readAllBytes();
        if (!new String(all, 0, Math.min(5, all.length), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw ValidationException.of(field, "file.type", "not a PDF");
        }
        String sha = Bytes.sha256Hex(all);
        bytes.put(sha, all);
        return new StoredFile(sha, all.length, FileType.PDF, declaredName);
    }

    @Override
    public Optional<FileContent> open(String sha256) {
        return Optional.ofNullable(bytes.get(sha256))
                .map(b -> new FileContent(sha256, b.length, FileType.PDF, new ByteArrayInputStream(b)));
    }

    @Override
    public boolean exists(String sha256) {
        return bytes.containsKey(sha256);
    }

    @Override
    public FileRules rules() {
        return FileRules.defaults();
    }
}
