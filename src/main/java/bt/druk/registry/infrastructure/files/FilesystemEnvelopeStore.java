package bt.druk.registry.infrastructure.files;

import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.infrastructure.config.PortalPaths;
import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sealed-bid envelopes under {@code druk.envelopes.dir} (default {@code <druk.data.dir>/envelopes}),
 * one file {@code <sha256>.json} each: the name {@code druk-verify open-tender --ciphertexts} reads.
 * Written to a temp file, flushed, renamed and the folder flushed, so an envelope is whole or absent
 * and, once {@link #put} returns, survives a crash. A file's modification time is when it was last
 * stored.
 *
 * <p>A removal first renames the file aside, then looks at its time again: a put of the same text
 * before the rename made it new (it is put back), and one after the rename writes a new file. So a
 * removal never takes an envelope that is being lodged again, on this portal or another one sharing
 * the folder.
 */
@ApplicationScoped
public class FilesystemEnvelopeStore implements EnvelopeStore {

    private static final String SUFFIX = ".json";
    /** A file renamed aside by a removal: {@code <sha256>.json.removing-<nanos>}. */
    private static final String ASIDE = SUFFIX + ".removing-";
    private static final String PART_PREFIX = "envelope-";
    private static final String PART_SUFFIX = ".part";
    /** A put takes seconds; a temp file this old was left by a portal that stopped while writing it. */
    static final Duration UNFINISHED = Duration.ofHours(1);

    private Path root;

    public FilesystemEnvelopeStore() {
        this(PortalPaths.folder(Setting.ENVELOPES_DIR, "envelopes"));
    }

    public FilesystemEnvelopeStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes the file even when it is there already: the new file is whole, and newly stored. */
    @Override
    public String put(String envelopeText) throws IOException {
        byte[] bytes = envelopeText.getBytes(StandardCharsets.UTF_8);
        String sha256 = CanonicalJson.sha256Hex(envelopeText);
        Files.createDirectories(root);
        Path temp = Files.createTempFile(root, PART_PREFIX, PART_SUFFIX);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            rename(temp, path(sha256));
            forceFolder();
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
        try {
            return Optional.of(Files.readString(path(sha256), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Instant> storedAt(String sha256) throws IOException {
        if (!CanonicalJson.isSha256Hex(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(storedAt(path(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Also puts back any file a removal had set aside when the portal stopped, for this sweep to
     * decide on again, and deletes temp files a stopped portal left half written.
     */
    @Override
    public List<Stored> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        putBackInterruptedRemovals();
        removeUnfinishedPuts(Instant.now().minus(UNFINISHED));
        List<Stored> stored = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String sha256 = name.substring(0, name.length() - SUFFIX.length());
                if (CanonicalJson.isSha256Hex(sha256)) {
                    try {
                        stored.add(new Stored(sha256, storedAt(file)));
                    } catch (NoSuchFileException e) {
                        // removed meanwhile
                    }
                }
            }
        }
        stored.sort(Comparator.comparing(Stored::sha256));
        return stored;
    }

    @Override
    public boolean removeIfStoredBefore(String sha256, Instant cutoff) throws IOException {
        if (!CanonicalJson.isSha256Hex(sha256)) {
            return false;
        }
        Path file = path(sha256);
        try {
            if (!storedAt(file).isBefore(cutoff)) {
                return false;
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        Path aside = root.resolve(sha256 + ASIDE + System.nanoTime());
        try {
            rename(file, aside);
        } catch (NoSuchFileException e) {
            return false;
        }
        // From here on a put of this text writes a new file; the one aside is this removal's alone.
        if (!storedAt(aside).isBefore(cutoff)) {
            putBack(aside, file);
            return false;
        }
        Files.delete(aside);
        forceFolder();
        return true;
    }

    private void putBackInterruptedRemovals() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + ASIDE + "*")) {
            for (Path aside : files) {
                String name = aside.getFileName().toString();
                putBack(aside, path(name.substring(0, name.indexOf(ASIDE))));
            }
        }
    }

    private void removeUnfinishedPuts(Instant before) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(root, PART_PREFIX + "*" + PART_SUFFIX)) {
            for (Path temp : temps) {
                try {
                    if (storedAt(temp).isBefore(before)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (NoSuchFileException e) {
                    // its put finished meanwhile
                }
            }
        }
    }

    /** Puts a file set aside back, unless a put has written the envelope anew meanwhile (same text, same hash). */
    private static void putBack(Path aside, Path file) throws IOException {
        try {
            Files.move(aside, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(aside);
        }
    }

    private static Instant storedAt(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the folder's entries (a rename, a removal) durable too; where a folder cannot be opened (Windows), the file system's own order must do. */
    private void forceFolder() throws IOException {
        FileChannel folder;
        try {
            folder = FileChannel.open(root, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (folder) {
            folder.force(true);
        }
    }

    private Path path(String sha256) {
        return root.resolve(sha256 + SUFFIX);
    }
}
