package bt.druk.registry.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorSecretTest {

    @TempDir
    Path data;

    @Test
    void theFirstUseMakesASecretOnlyThePortalsUserReads() throws Exception {
        OperatorSecret secret = new OperatorSecret(data);
        assertFalse(secret.matches("guess"));
        Path file = data.resolve(OperatorSecret.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String written = Files.readString(file).strip();
        assertEquals(64, written.length(), "32 random bytes in hex");
        assertTrue(secret.matches(written));
        assertTrue(secret.matches(written + "\n"), "as a script reads it from the file");
    }

    @Test
    void onlyTheExactSecretMatches() throws Exception {
        OperatorSecret secret = new OperatorSecret(data);
        String written = secret.secret();
        assertFalse(secret.matches(null));
        assertFalse(secret.matches(""));
        assertFalse(secret.matches(written.substring(1)));
        assertFalse(secret.matches(written.toUpperCase()));
        assertEquals(written, new OperatorSecret(data).secret(), "a second instance reads the same secret, never a new one");
    }
}
