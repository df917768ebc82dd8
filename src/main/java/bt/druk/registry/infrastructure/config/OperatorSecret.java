package bt.druk.registry.infrastructure.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret the operator's scripts present to the portal's operations endpoints
 * ({@code deploy/backup.sh}): {@code operator.secret} in the data folder, made on first use, readable
 * by the portal's user only. Whoever can read it can read the database file beside it, so it grants
 * nothing that access to the machine did not already give; no staff account can use those endpoints.
 */
public final class OperatorSecret {

    static final String FILE = "operator.secret";

    private final Path file;

    public OperatorSecret(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public static OperatorSecret ofDataDir() {
        return new OperatorSecret(PortalPaths.dataDir());
    }

    /** True if {@code presented} is the secret (compared in constant time); makes the secret if there is none yet. */
    public boolean matches(String presented) {
        byte[] expected = secret().getBytes(StandardCharsets.US_ASCII);
        return presented != null && MessageDigest.isEqual(expected, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    String secret() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the operator secret " + file + " cannot be read", e);
        }
    }

    private void create() throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException anotherRequestMadeIt) {
            // the first one's secret stands
        }
    }
}
