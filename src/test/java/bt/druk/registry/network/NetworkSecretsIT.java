package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.testing.RunsAlone;
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
@RunsAlone
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
                // (a test's network of its own may run beside this one: count the servers whose home is in this network)
                if (command.contains("fabric-ca-server") && ProcessEnvironment.of(dir.getFileName().toString())
                        .getOrDefault("FABRIC_CA_SERVER_HOME", "").startsWith(NetworkScript.stateDir().toAbsolutePath() + "/")) {
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
     * An enrolment secret is good for the enrolments its identity needs and no more: twice for a demo
     * clerk (the command line's PEM copy, then the portal's key in its token), twice (signing, then
     * TLS certificate) for an admin or node; its file is gone afterwards.
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
        assertTrue(clerk.contains("Name: land.clerk, Type: client") && clerk.contains("Max Enrollments: 2,"), clerk);
        String admin = NetworkScript.runOrFail("identity", "land", "land.admin").output();
        assertTrue(admin.contains("Type: admin") && admin.contains("Max Enrollments: 2,"), admin);
    }

    /**
     * The portal signs with keys generated inside its organisation's PKCS#11 token (docs/hsm.md): each
     * identity of the connection file has a key there that cannot be read out, whose certificate the
     * organisation's CA issued to that name, and no file of the network, of {@code deploy/} (up.sh's run
     * directory) or of the tests' portals holds any key of a token, a staff member's own included.
     */
    @Test
    void thePortalsKeysAreInsideTheTokensAndInNoFile() throws Exception {
        Path state = NetworkScript.stateDir();
        var config = bt.druk.registry.infrastructure.fabric.FabricConnectionConfig.read(state.resolve("connection.json"));
        assertTrue(config.identities().size() >= 7, "identities: " + config.identities().keySet());
        Set<java.security.PublicKey> tokenKeys = new java.util.HashSet<>();
        for (var identity : config.identities().values()) {
            var token = config.token(identity.mspId()).orElseThrow(() -> new AssertionError("no token for " + identity.mspId()));
            var store = bt.druk.registry.infrastructure.fabric.Pkcs11Tokens.open(token).keyStore();
            java.security.Key key = store.getKey(identity.name(), null);
            var certificate = (java.security.cert.X509Certificate) store.getCertificate(identity.name());
            assertTrue(key != null && certificate != null, identity.name() + " has a key and certificate in its token");
            assertEquals(null, key.getEncoded(), identity.name() + "'s key cannot be read out of the token");
            assertEquals("CN=" + identity.name(), certificate.getSubjectX500Principal().getName().replaceAll(",.*", ""));
        }
        // Every key in every token: the demo identities, the registrars and CRL admins, and each staff member's own.
        for (var token : config.tokens().values()) {
            var store = bt.druk.registry.infrastructure.fabric.Pkcs11Tokens.open(token).keyStore();
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.getCertificate(alias) != null) {
                    tokenKeys.add(store.getCertificate(alias).getPublicKey());
                }
            }
        }
        assertTrue(tokenKeys.size() >= config.identities().size() + 2 * config.tokens().size(), "token keys: " + tokenKeys.size());
        List<String> onDisk = new ArrayList<>();
        int keyFiles = 0;
        // The network's state, up.sh's run directory, and the portals the tests ran (their data and logs).
        List<Path> searched = new ArrayList<>(List.of(state.getParent()));
        Path build = Path.of(System.getProperty("druk.build.dir", "target"));
        if (Files.isDirectory(build)) {
            try (Stream<Path> runs = Files.list(build)) {
                runs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().endsWith("-it")
                        || d.getFileName().toString().endsWith("-data")).forEach(searched::add);
            }
        }
        try (Stream<Path> all = searched.stream().flatMap(NetworkSecretsIT::walk)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String text;
                try {
                    text = Files.size(file) < 100_000 ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
                } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
                    continue; // a log rotated or a lock file gone meanwhile
                }
                // PEM files, and PEM inside JSON (the chaincode packages' connection.json, newlines escaped)
                var pem = PRIVATE_KEY.matcher(text.replace("\\n", "\n"));
                while (pem.find()) {
                    keyFiles++;
                    if (file.getFileName().toString().equals("IssuerRevocationPrivateKey")) {
                        continue; // the CA's Idemix revocation key (P-384, no named curve), not an identity's
                    }
                    java.security.PrivateKey key = org.hyperledger.fabric.client.identity.Identities.readPrivateKey(pem.group());
                    if (tokenKeys.stream().anyMatch(pub -> matches(key, pub))) {
                        onDisk.add(file.toString());
                    }
                }
            }
        }
        assertTrue(keyFiles > 10, "the command line's PEM keys were checked: " + keyFiles);
        assertEquals(List.of(), onDisk, "files holding a key of the portal's tokens");
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern PRIVATE_KEY =
            java.util.regex.Pattern.compile("-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\s]+-----END PRIVATE KEY-----");

    /** Whether the public key is the private key's: d·G computed by signing and verifying once. */
    private static boolean matches(java.security.PrivateKey key, java.security.PublicKey candidate) {
        try {
            java.security.Signature sign = java.security.Signature.getInstance("SHA256withECDSA");
            sign.initSign(key);
            sign.update(new byte[] {1, 2, 3});
            byte[] signature = sign.sign();
            java.security.Signature verify = java.security.Signature.getInstance("SHA256withECDSA");
            verify.initVerify(candidate);
            verify.update(new byte[] {1, 2, 3});
            return verify.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
