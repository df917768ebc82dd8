package bt.druk.registry.infrastructure.files;

import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.infrastructure.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Sealed-bid envelopes under {@code druk.envelopes.dir} (default {@code <druk.data.dir>/envelopes}),
 * one file {@code <sha256>.json} each: the name {@code druk-verify open-tender --ciphertexts} reads.
 * Written to a temp file, flushed, then renamed, so an envelope is whole or absent.
 */
@ApplicationScoped
public class FilesystemEnvelopeStore implements EnvelopeStore {

    private Path root;

    public FilesystemEnvelopeStore() {
        this(PortalSettings.get("druk.envelopes.dir").map(Paths::get)
                .map(p -> p.isAbsolute() ? p : PortalSettings.home().resolve(p))
                .orElse(PortalSettings.dataDir().resolve("envelopes")));
    }

    public FilesystemEnvelopeStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(String envelopeText) throws IOException {
        byte[] bytes = envelopeText.getBytes(StandardCharsets.UTF_8);
        String sha256 = CanonicalJson.sha256Hex(envelopeText);
        Path target = path(sha256);
        if (Files.exists(target)) {
            return sha256;
        }
        Files.createDirectories(root);
        Path temp = Files.createTempFile(root, "envelope-", ".part");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return sha256;
    }

    @Override
    public Optional<String> get(String sha256) throws IOException {
        if (!CanonicalJson.isSha256Hex(sha256)) {
            return Optional.empty();
        }
        Path file = path(sha256);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    @Override
    public void delete(String sha256) throws IOException {
        if (CanonicalJson.isSha256Hex(sha256)) {
            Files.deleteIfExists(path(sha256));
        }
    }

    private Path path(String sha256) {
        return root.resolve(sha256 + ".json");
    }
}
