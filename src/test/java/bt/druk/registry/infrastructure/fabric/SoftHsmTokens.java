package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SoftHSM2 tokens for tests. SoftHSM2 reads {@code SOFTHSM2_CONF} (set by surefire, see pom.xml) from
 * the process environment, and only once, when the JVM first loads it; and it does not see tokens
 * that {@code softhsm2-util} initialises after that ({@code CKR_SLOT_ID_INVALID}). So on first use one
 * token directory is made for the whole JVM, with a pool of initialised tokens, and each test takes
 * fresh tokens from the pool.
 */
final class SoftHsmTokens {

    static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));

    /** Tokens made before SoftHSM2 is loaded; enough for every test of the JVM. */
    private static final int POOL = 16;

    /** An initialised, empty token. */
    record Slot(long id, String pin) {
    }

    private static Path tokenDir;
    private static final Deque<Slot> pool = new ArrayDeque<>();

    private SoftHsmTokens() {
    }

    static Path library() {
        return LIBRARIES.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new AssertionError(
                "libsofthsm2.so not found in " + LIBRARIES + ": apt-get install softhsm2"));
    }

    static String conf() {
        String conf = System.getenv("SOFTHSM2_CONF");
        assertNotNull(conf, "SOFTHSM2_CONF is not set: run through Maven, whose surefire sets it");
        return conf;
    }

    /** The directory SoftHSM2 keeps this JVM's tokens in (written into SOFTHSM2_CONF's file on first use, with the pool). */
    static synchronized Path tokenDir() throws IOException, InterruptedException {
        if (tokenDir == null) {
            Path conf = Path.of(conf()).toAbsolutePath();
            Files.createDirectories(conf.getParent());
            Path dir = Files.createTempDirectory(conf.getParent(), "tokens-");
            Files.writeString(conf, "directories.tokendir = " + dir + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            for (int i = 0; i < POOL; i++) {
                String pin = random();
                pool.add(new Slot(initToken("druk-test-" + i, pin), pin));
            }
            tokenDir = dir;
        }
        return tokenDir;
    }

    /** A fresh token from the pool. */
    static synchronized Slot take() throws IOException, InterruptedException {
        tokenDir();
        Slot slot = pool.poll();
        if (slot == null) {
            fail("all " + POOL + " SoftHSM2 test tokens are taken: raise SoftHsmTokens.POOL");
        }
        return slot;
    }

    /** A SunPKCS11 configuration for a slot, generating keys as docs/hsm.md prescribes (sensitive, not extractable). */
    static String pkcs11Config(String name, long slot) {
        return "name = " + name + "\n"
                + "library = " + library() + "\n"
                + "slot = " + slot + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n}\n";
    }

    private static long initToken(String label, String pin) throws IOException, InterruptedException {
        String soPin = random();
        String out = run(Map.of("SOFTHSM2_CONF", conf()), "softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", pin, "--so-pin", soPin);
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        if (!slot.find()) {
            fail("softhsm2-util --init-token said: " + out);
        }
        return Long.parseLong(slot.group(1));
    }

    /**
     * A new token for {@code mspId} as the connection file names it: its SunPKCS11 configuration and
     * its PIN file (mode 0400) are written into {@code dir}.
     */
    static FabricConnectionConfig.Token newToken(String mspId, Path dir) throws IOException, InterruptedException {
        Slot slot = take();
        Path config = Files.writeString(dir.resolve(mspId + ".pkcs11.cfg"), pkcs11Config("Druk" + mspId + slot.id(), slot.id()));
        Path pinFile = dir.resolve(mspId + ".pin");
        Files.writeString(pinFile, slot.pin() + "\n");
        Files.setPosixFilePermissions(pinFile, PosixFilePermissions.fromString("r--------"));
        return new FabricConnectionConfig.Token(mspId, config, pinFile);
    }

    static String random() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    }

    static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
