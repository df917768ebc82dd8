package bt.druk.registry.infrastructure.files;

import bt.druk.registry.domain.file.FileContent;
import bt.druk.registry.domain.file.FileRules;
import bt.druk.registry.domain.file.FileStore;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The file store on the local filesystem, under {@code druk.files.dir} (default
 * {@code <druk.data.dir>/files}): a file lives at {@code <aa>/<bb>/<sha256>}, where {@code aa} and
 * {@code bb} are the first two pairs of hex digits, so no folder holds more than 256 entries.
 *
 * <p>How a file gets there, so that a stored file is complete or absent, never half written: the
 * bytes are streamed into a private temp file in {@code tmp/} (same filesystem) while they are hashed
 * and counted; an upload over the limit is cut off there. The temp file is flushed to the disk
 * ({@code fsync}), its kind decided from its bytes, then renamed atomically to its hash, and the
 * folder is flushed too so the rename survives a crash. Only then does {@link #store} return. Every
 * refusal or failure deletes the temp file. Files are {@code 0600} and folders {@code 0700}: only the
 * portal's user may read them (on filesystems with POSIX permissions).
 *
 * <p>Storing bytes that are already there keeps the existing copy. The catalogue row
 * ({@code stored_file}) is written after the file is on disk; a temp file left by a crash is removed
 * when the store starts.
 */
@ApplicationScoped
public class FilesystemFileStore implements FileStore {

    private static final Logger LOG = Logger.getLogger(FilesystemFileStore.class.getName());
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    /** After the limit, keep reading (without writing) up to this many times the limit, to tell the clerk the real size. */
    private static final int MEASURE_BEYOND_LIMIT = 8;

    private Path root;
    private Path tmp;
    private FileRules rules;
    private FileCatalog catalog;
    private Clock clock;
    private boolean posix;

    protected FilesystemFileStore() {
    }

    @Inject
    public FilesystemFileStore(FileCatalog catalog, Clock clock) {
        this(FileStoreSettings.dir(), FileStoreSettings.rules(), catalog, clock);
    }

    public FilesystemFileStore(Path root, FileRules rules, FileCatalog catalog, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(this.root.getParent());
            privateDirectory(this.root);
            this.posix = Files.getFileStore(this.root).supportsFileAttributeView("posix");
            privateDirectory(tmp);
            removeStaleTempFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the file store folder " + this.root, e);
        }
        LOG.info(() -> "file store at " + this.root + ": up to " + FileRules.sizeText(rules.maxBytes()) + ", " + rules.acceptedText());
    }

    @Override
    public FileRules rules() {
        return rules;
    }

    @Override
    public StoredFile store(InputStream content, String declaredName, String field) throws IOException {
        Objects.requireNonNull(content, "content");
        Path temp = posix ? Files.createTempFile(tmp, "upload-", ".part", PosixFilePermissions.asFileAttribute(PRIVATE_FILE))
                : Files.createTempFile(tmp, "upload-", ".part");
        boolean moved = false;
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            boolean overLimit = false;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) != -1) {
                    size += n;
                    if (size > rules.maxBytes()) {
                        overLimit = true;
                        break;
                    }
                    sha256.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                if (!overLimit) {
                    out.force(true);
                }
            }
            if (overLimit) {
                Files.deleteIfExists(temp);
                long measured = size + measureRest(content, rules.maxBytes() * MEASURE_BEYOND_LIMIT - size);
                rules.checkSize(measured, measured >= rules.maxBytes() * MEASURE_BEYOND_LIMIT, field);
            }
            rules.checkSize(size, false, field);
            FileType type = FileSniffer.sniff(temp);
            rules.checkType(type, declaredName, field);

            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = pathOf(hash);
            Path shard = target.getParent();
            privateDirectory(shard.getParent());
            privateDirectory(shard);
            if (!sameSizeFileAt(target, size)) {
                // rename(2) replaces atomically: a reader sees the old copy or the new one, never a part.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                syncDirectory(shard);
            }
            recordInCatalog(hash, size, type);
            return new StoredFile(hash, size, type, declaredName);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public Optional<FileContent> open(String sha256) throws IOException {
        if (!StoredFile.isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            FileType type = FileSniffer.sniff(file);
            long size = Files.size(file);
            return Optional.of(new FileContent(sha256, size, type, Files.newInputStream(file)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String sha256) {
        return StoredFile.isSha256(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    /** Where the file with this hash lives (or would live). */
    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    Path root() {
        return root;
    }

    private void recordInCatalog(String hash, long size, FileType type) {
        try {
            catalog.recordStored(hash, size, type.mediaType(), clock.instant());
        } catch (RuntimeException e) {
            // Two stores of the same bytes at once: the other one's row is the one that counts.
            if (!catalog.contains(hash)) {
                throw e;
            }
        }
    }

    private static boolean sameSizeFileAt(Path target, long size) throws IOException {
        try {
            return Files.isRegularFile(target) && Files.size(target) == size;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Reads what is left of an over-limit upload without keeping it, up to {@code budget} bytes. */
    private static long measureRest(InputStream content, long budget) {
        long read = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while (read < budget && (n = content.read(buffer, 0, (int) Math.min(buffer.length, budget - read))) != -1) {
                read += n;
            }
        } catch (IOException e) {
            // The size is only for the message; what was counted so far still says "more than".
        }
        return read;
    }

    /** Creates the folder private to the portal's user if it is missing, and makes its creation durable. */
    private void privateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        FileAttribute<?>[] attributes = posixSupported(dir.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_DIR)} : new FileAttribute<?>[0];
        try {
            Files.createDirectory(dir, attributes);
        } catch (FileAlreadyExistsException raced) {
            if (Files.isDirectory(dir)) {
                return;
            }
            throw raced;
        }
        syncDirectory(dir.getParent());
    }

    private boolean posixSupported(Path existing) throws IOException {
        return posix || Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    /** Flushes a folder's entries to disk (Linux and macOS allow opening a folder for this; elsewhere it is skipped). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "cannot fsync folder " + dir, e);
        }
    }

    private void removeStaleTempFiles() throws IOException {
        FileTime before = FileTime.from(clock.instant().minus(STALE_TEMP));
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(tmp, "upload-*.part")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).compareTo(before) < 0) {
                    Files.deleteIfExists(temp);
                    LOG.info(() -> "file store: removed an upload left unfinished by an earlier run: " + temp.getFileName());
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
