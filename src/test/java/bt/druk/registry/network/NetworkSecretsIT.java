package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What deploy/network.sh leaves on the machine keeps its secrets (issue 12): every file and folder
 * of the network's state is its user's alone, and no process shows a CA's registrar password or a
 * clerk's enrolment secret on its command line, which every local user can read in /proc.
 */
class NetworkSecretsIT {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @BeforeAll
    static void network() {
        NetworkScript.ensureUp();
    }

    @Test
    void everyFileOfTheNetworkIsReadableByItsUserAlone() throws IOException {
        Path state = NetworkScript.stateDir();
        List<String> open = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> all = Files.walk(state)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(path) || !Files.exists(path)) {
                    continue;
                }
                checked++;
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.stream().anyMatch(OTHERS::contains)) {
                    open.add(state.relativize(path) + " " + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
                }
            }
        }
        assertTrue(checked > 100, "the network's state was walked: " + checked + " entries");
        assertTrue(Files.exists(state.resolve("ca/land/bootstrap-secret")), "the registrar's password file exists");
        assertEquals(List.of(), open.subList(0, Math.min(open.size(), 20)), open.size() + " entries readable by others");
    }

    @Test
    void noProcessShowsARegistrarPasswordOrEnrolmentSecretOnItsCommandLine() throws IOException {
        List<String> secrets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(NetworkScript.stateDir().resolve("ca"))) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().equals("bootstrap-secret") || f.getParent().getFileName().toString().endsWith("-secrets"))
                    .forEach(f -> secrets.add(read(f)));
        }
        assertTrue(secrets.size() >= 5, "registrar passwords found: " + secrets.size());
        int caServers = 0;
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) proc::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String command;
                try {
                    command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException e) {
                    continue; // gone meanwhile
                }
                if (command.contains("fabric-ca-server")) {
                    caServers++;
                }
                for (String secret : secrets) {
                    if (!secret.isEmpty() && command.contains(secret)) {
                        leaks.add(dir.getFileName() + ": " + command.replace(secret, "<secret>"));
                    }
                }
            }
        }
        assertEquals(5, caServers, "one Fabric CA server per organisation is running");
        assertEquals(List.of(), leaks);
        assertFalse(secrets.contains(""), "no empty secret");
    }

    /**
     * An enrolment secret is good for the enrolments its identity needs and no more: once for a
     * clerk, twice (signing, then TLS certificate) for an admin or node; its file is gone afterwards.
     */
    @Test
    void enrolmentSecretsAreSingleUseAndNoneIsLeftOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(NetworkScript.stateDir().resolve("ca"))) {
            List<String> left = files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().endsWith("-secrets"))
                    .map(f -> NetworkScript.stateDir().relativize(f).toString()).toList();
            assertEquals(List.of(), left, "enrolment secrets left after enrolment");
        }
        String clerk = NetworkScript.runOrFail("identity", "land", "land.clerk").output();
        assertTrue(clerk.contains("Name: land.clerk, Type: client") && clerk.contains("Max Enrollments: 1,"), clerk);
        String admin = NetworkScript.runOrFail("identity", "land", "land.admin").output();
        assertTrue(admin.contains("Type: admin") && admin.contains("Max Enrollments: 2,"), admin);
    }

    /** The portal signs with keys from one password-protected PKCS#12 store, an entry per identity of the connection file. */
    @Test
    void thePortalsKeysAreInAKeyStoreWithAnEntryPerIdentity() throws Exception {
        var config = bt.druk.registry.infrastructure.fabric.FabricConnectionConfig.read(NetworkScript.stateDir().resolve("connection.json"));
        var file = config.keyStore().orElseThrow(() -> new AssertionError("connection.json names no key store"));
        char[] password = read(file.passwordFile()).toCharArray();
        java.security.KeyStore store = java.security.KeyStore.getInstance(file.type());
        try (var in = Files.newInputStream(file.path())) {
            store.load(in, password);
        }
        for (String name : config.identities().keySet()) {
            assertTrue(store.isKeyEntry(name), name + " has a key in " + file.path());
            assertTrue(store.getCertificate(name) instanceof java.security.cert.X509Certificate, name + " has its certificate");
        }
        assertTrue(config.identities().size() >= 7, "identities: " + config.identities().keySet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
