package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import bt.druk.registry.network.NetworkScript;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The deployed portal the browser tests talk to.
 *
 * <ul>
 * <li>{@code -Ddruk.portal.url=http://127.0.0.1:8080/druk-registry} (and {@code -Ddruk.demo.password=...}):
 *     use a portal that is already running, e.g. the one {@code deploy/up.sh} started;</li>
 * <li>otherwise: start Payara Micro ({@code microJar}) with the freshly built WAR on port
 *     {@code druk.browser.port} (default 18080), a fresh H2 data directory and a known demo password,
 *     pointing at {@code deploy/.network/connection.json} when the Fabric network is up.</li>
 * </ul>
 * A portal of our own can be killed ({@link #kill()}) and started again on the same data ({@link #restart()}).
 */
public final class PortalUnderTest implements AutoCloseable {

    public final String baseUrl;
    public final String demoPassword;
    private final Process process;
    private final Path log;
    private final Launch launch;
    /** Started by {@link #shared()}: a class's {@link #close()} leaves it to the next class. */
    private final boolean isShared;

    /** How a portal of our own was started, so that it can be started again on the same data. */
    private record Launch(Path work, int port, Path dataDir, String password, int generation, Map<String, String> settings) {

        /** The first start logs to payara.log, later ones to payara-2.log, …: a restart keeps the dead one's log. */
        Path log() {
            return work.resolve(generation == 1 ? "payara.log" : "payara-" + generation + ".log");
        }

        /** The shared network's connection file, or that of a network of the test's own (its DRUK_FABRIC_CONFIG setting). */
        Path connectionFile() {
            String own = settings.get("DRUK_FABRIC_CONFIG");
            return (own != null ? Path.of(own) : PortalUnderTest.connectionFile()).toAbsolutePath();
        }
    }

    private PortalUnderTest(String baseUrl, String demoPassword, Process process, Path log, Launch launch) {
        this(baseUrl, demoPassword, process, log, launch, false);
    }

    private PortalUnderTest(String baseUrl, String demoPassword, Process process, Path log, Launch launch, boolean isShared) {
        this.baseUrl = baseUrl;
        this.demoPassword = demoPassword;
        this.process = process;
        this.log = log;
        this.launch = launch;
        this.isShared = isShared;
    }

    public static Path buildDir() {
        return Path.of(System.getProperty("druk.build.dir", "target"));
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("druk.project.dir", "."));
    }

    /** The booted portal's classes, written by deploy/lib/portal-class-archive.sh before the integration tests. */
    static Path classArchive() {
        return buildDir().resolve("portal-classes.jsa").toAbsolutePath();
    }

    /** The test portals' JVM options (pom.xml's druk.testPortal.javaOptions), with the class archive when there is one. */
    private static List<String> javaOptions() {
        List<String> options = new ArrayList<>(List.of(System.getProperty("druk.testPortal.javaOptions", "-Xmx512m").trim().split("\\s+")));
        if (Files.isRegularFile(classArchive())) {
            options.add("-XX:SharedArchiveFile=" + classArchive());
        }
        return options;
    }

    /** The test portals' rounds for new password hashes (pom.xml's druk.test.passwordIterations). */
    private static String passwordIterations() {
        return System.getProperty("druk.test.passwordIterations", "210000");
    }

    /**
     * What a test gives {@code deploy/up.sh} so that its portal boots and hashes as the test portals
     * do: the same JVM options and class archive, the same password rounds.
     */
    public static Map<String, String> upShSettings() {
        return Map.of("DRUK_PORTAL_JAVA_OPTIONS", String.join(" ", javaOptions()), "DRUK_PASSWORD_ITERATIONS", passwordIterations());
    }

    static Path connectionFile() {
        String configured = System.getProperty("druk.fabric.config", System.getenv("DRUK_FABRIC_CONFIG"));
        return configured != null ? Path.of(configured) : projectDir().resolve("deploy/.network/connection.json");
    }

    static PortalUnderTest start() throws IOException, InterruptedException {
        String external = System.getProperty("druk.portal.url");
        if (external != null && !external.isBlank()) {
            String password = System.getProperty("druk.demo.password", System.getenv("DRUK_DEMO_PASSWORD"));
            if (password == null) {
                throw new IllegalStateException("druk.portal.url needs druk.demo.password (the demo staff password)");
            }
            String base = external.endsWith("/") ? external.substring(0, external.length() - 1) : external;
            waitUntilUp(base, Duration.ofSeconds(30), null);
            return new PortalUnderTest(base, password, null, null, null);
        }
        // No demo content: the class registers what it shows, and loading the demo through the
        // pipeline cost CI's CPU-bound fabric phase about a boot's worth for nothing it reads.
        return startOwn("browser-it", Integer.getInteger("druk.browser.port", 18080), Map.of("DRUK_DEMO_CONTENT", "false"));
    }

    /** The portal {@link #shared()} started in this test JVM, if any. */
    private static PortalUnderTest shared;

    /**
     * One portal for every class in this test JVM that neither kills, restarts nor reconfigures it
     * and leaves no account locked for others: a portal boot costs about 12 CPU seconds to its
     * first page on an idle machine, more under load, which CI pays per class otherwise. It has no
     * demo content, an OCID prefix and notarisation numbers of its own (the ledger outlives its
     * database), trusts a reverse proxy on 127.0.0.1
     * (TrustedProxyIT's, whose lock-outs are at addresses no other class uses), runs on
     * {@code druk.shared.port} (by default a free port, since test JVMs run side by side) in a build
     * directory named after this JVM, and stops when the JVM ends; {@link #close()} leaves it
     * running. Its users see each other's records, so a class on it makes its own PINs and finds its
     * records by them, never by counting.
     */
    public static synchronized PortalUnderTest shared() throws IOException, InterruptedException {
        if (System.getProperty("druk.portal.url") != null) {
            return start(); // a portal already running serves every class
        }
        if (shared == null || !shared.process.isAlive()) {
            String prefix = "ocds-s" + HexFormat.of().formatHex(new SecureRandom().generateSeed(2)) + "x";
            int firstSerial = 200_000 + new SecureRandom().nextInt(799_000);
            PortalUnderTest started = startOwn("shared-portal-" + ProcessHandle.current().pid(),
                    Integer.getInteger("druk.shared.port", freePort()),
                    Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix, "DRUK_NOTARY_FIRSTSERIAL", String.valueOf(firstSerial),
                            // for TrustedProxyIT's nginx; a request straight from 127.0.0.1 with no X-Forwarded-* is as before
                            "DRUK_HTTP_TRUSTEDPROXIES", "127.0.0.1"));
            shared = new PortalUnderTest(started.baseUrl, started.demoPassword, started.process, started.log, started.launch, true);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "shared-portal-stop"));
        }
        return shared;
    }

    /** A port nothing listens on now, from the kernel's ephemeral range (no test's fixed port is there). */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts a portal of our own in {@code <build dir>/<name>} on {@code port} with a fresh data
     * directory, whatever {@code druk.portal.url} says.
     */
    static PortalUnderTest startOwn(String name, int port) throws IOException, InterruptedException {
        return startOwn(name, port, Map.of());
    }

    /**
     * As {@link #startOwn(String, int)}, with portal settings of the test's own (environment
     * variables, e.g. {@code DRUK_PROCUREMENT_MINBIDPERIOD=PT1M} for a tender whose deadline is
     * minutes away); the launcher's own variables win over them. A {@code DRUK_FABRIC_CONFIG} among
     * them is the connection file of a network of the test's own, and the shared one is left alone.
     */
    public static PortalUnderTest startOwn(String name, int port, Map<String, String> settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(war()) || !Files.isRegularFile(microJar())) {
            throw new IllegalStateException("need " + war() + " and " + microJar() + " (run through mvn verify)");
        }
        Path work = Files.createDirectories(buildDir().resolve(name));
        Path dataDir = Files.createTempDirectory(work, "data-");
        String password = "Demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        if (!settings.containsKey("DRUK_FABRIC_CONFIG")) {
            NetworkScript.ensureUp();
        }
        return launch(new Launch(work, port, dataDir, password, 1, Map.copyOf(settings)));
    }

    /** Starts this portal again on the same port, data directory and demo password (after {@link #kill()} or {@link #close()}). */
    PortalUnderTest restart() throws IOException, InterruptedException {
        refuseIfShared("restarted");
        if (launch == null) {
            throw new IllegalStateException("an external portal cannot be restarted");
        }
        return launch(new Launch(launch.work(), launch.port(), launch.dataDir(), launch.password(), launch.generation() + 1, launch.settings()));
    }

    /**
     * A portal of our own in {@code <build dir>/<name>} on {@code port} on a data directory restored
     * from this one's backup: the same demo password (its users are in the restored database) and
     * settings.
     */
    public PortalUnderTest restoredOn(String name, int port, Path dataDir) throws IOException, InterruptedException {
        if (launch == null) {
            throw new IllegalStateException("an external portal's settings are not known here");
        }
        Path work = Files.createDirectories(buildDir().resolve(name));
        return launch(new Launch(work, port, dataDir, launch.password(), 1, launch.settings()));
    }

    /** Kills the portal's JVM with SIGKILL (no shutdown hooks, nothing flushed), as a crash or {@code kill -9} would. */
    public void kill() throws InterruptedException {
        refuseIfShared("killed");
        if (process != null) {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The process id of a portal of our own (its RSS is read from /proc), -1 for an external portal. */
    /**
     * Registers a one-owner title in Thimphu, Kawang through the REST API as land.clerk and asserts
     * it was accepted (202); the ledger commits it later.
     */
    public void registerThroughApi(java.net.http.HttpClient http, String pin, String thramNo, String owner)
            throws IOException, InterruptedException {
        registerThroughApi(http, pin, thramNo, owner, null);
    }

    /**
     * A CID of its own for each PIN's owner: tests register hundreds of titles, and one person owning
     * them all would pass the Land Act's 25-acre family ceiling (docs/family-ceiling.md) after 16.
     */
    public static String cidFor(String pin) {
        return String.format("115%08d", Math.floorMod(pin.hashCode(), 100_000_000));
    }

    /**
     * As {@link #registerThroughApi(java.net.http.HttpClient, String, String, String)}, with a surveyed
     * boundary: a GeoJSON Polygon naming its CRS, its area within 5 % of the title's 1.5 acres (6070 m²),
     * or null for none.
     */
    public void registerThroughApi(java.net.http.HttpClient http, String pin, String thramNo, String owner, String boundary)
            throws IOException, InterruptedException {
        String body = """
                {"pin":"%s","thramNo":"%s","dzongkhag":"Thimphu","gewog":"Kawang","areaAcres":1.5,"landType":"DRY_LAND",
                 "owners":[{"name":"%s","cid":"%s","share":"1"}]%s}""".formatted(pin, thramNo, owner, cidFor(pin),
                boundary == null ? "" : ",\"boundary\":" + boundary);
        java.net.http.HttpResponse<String> accepted = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl + "/api/land/titles"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("land.clerk:" + demoPassword)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(202, accepted.statusCode(), accepted.body());
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Per TOTP secret, the last time step a code was given out for: the portal accepts each step's code once. */
    private static final Map<String, Long> LAST_STEP = new java.util.HashMap<>();

    /**
     * A second-factor code of a demo user who has one (the administrator always), from the secret
     * in the logins file the portal wrote when it seeded its users. Each call gives a code of a
     * later time step than the one before, waiting for the next step when need be, since the portal
     * takes each step's code only once.
     */
    public String demoCode(String user) throws IOException, InterruptedException {
        Path logins = dataDir() == null ? null : dataDir().resolve("demo-logins.txt");
        if (logins == null || !Files.isRegularFile(logins)) {
            throw new IllegalStateException("no demo logins file of a portal of our own: " + logins);
        }
        String secret = Files.readAllLines(logins).stream()
                .filter(line -> line.strip().startsWith(user + " ") && line.contains("secret="))
                .map(line -> line.substring(line.indexOf("secret=") + "secret=".length()).split("[&\\s]")[0])
                .findFirst().orElseThrow(() -> new IllegalStateException("no TOTP secret for " + user + " in " + logins));
        byte[] key = bt.druk.registry.domain.staff.Base32.decode(secret);
        synchronized (LAST_STEP) {
            long step = bt.druk.registry.domain.staff.Totp.step(java.time.Instant.now());
            Long last = LAST_STEP.get(secret);
            while (last != null && step <= last) {
                Thread.sleep(1000);
                step = bt.druk.registry.domain.staff.Totp.step(java.time.Instant.now());
            }
            LAST_STEP.put(secret, step);
            return bt.druk.registry.domain.staff.Totp.code(key, step);
        }
    }

    /** The data directory of a portal of our own (its H2 database is {@code druk.mv.db} in it); null for an external portal. */
    public Path dataDir() {
        return launch == null ? null : launch.dataDir();
    }

    /**
     * A setting as this portal of our own was started with (its environment: the launcher's own
     * variables, else the test's settings, else the test JVM's environment); empty when unset.
     */
    java.util.Optional<String> setting(String environmentName) {
        if (launch == null) {
            throw new IllegalStateException("an external portal's settings are not known here");
        }
        String value = switch (environmentName) {
            case "DRUK_DATA_DIR" -> launch.dataDir().toString();
            case "DRUK_HOME" -> projectDir().toAbsolutePath().toString();
            case "DRUK_FABRIC_CONFIG" -> launch.connectionFile().toString();
            case "DRUK_DEMO_PASSWORD" -> launch.password();
            default -> launch.settings().getOrDefault(environmentName, System.getenv(environmentName));
        };
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }

    /** Where this portal keeps sealed-bid envelopes: druk.envelopes.dir (relative to DRUK_HOME), default {@code <data>/envelopes}. */
    Path envelopeDir() {
        return storeDir("DRUK_ENVELOPES_DIR", "envelopes");
    }

    /** Where this portal keeps uploaded files: druk.files.dir (relative to DRUK_HOME), default {@code <data>/files}. */
    Path fileDir() {
        return storeDir("DRUK_FILES_DIR", "files");
    }

    private Path storeDir(String environmentName, String underData) {
        return setting(environmentName).map(Path::of).map(p -> p.isAbsolute() ? p : projectDir().toAbsolutePath().resolve(p))
                .orElse(dataDir().resolve(underData)).toAbsolutePath().normalize();
    }

    /**
     * Every place this portal of our own writes to: its data directory (the H2 database, the
     * envelope and file stores when they are not elsewhere), the stores set elsewhere, the log of
     * every start and the server root, but for Payara's own jars ({@code runtime/}) and the
     * deployed WAR ({@code applications/}), which are copies of the build.
     */
    List<Path> placesItWrites() throws IOException {
        if (launch == null) {
            throw new IllegalStateException("an external portal's files are not known here");
        }
        Path data = dataDir().toAbsolutePath().normalize();
        List<Path> places = new ArrayList<>(List.of(data));
        for (Path store : List.of(envelopeDir(), fileDir())) {
            if (!store.startsWith(data)) {
                places.add(store);
            }
        }
        try (var logs = Files.list(launch.work())) {
            logs.filter(p -> p.getFileName().toString().matches("payara(-[0-9]+)?\\.log")).sorted().forEach(places::add);
        }
        try (var root = Files.list(launch.work().resolve("micro-root"))) {
            root.filter(p -> !List.of("runtime", "applications").contains(p.getFileName().toString())).sorted().forEach(places::add);
        }
        return places;
    }

    /** The Payara log of this start of a portal of our own. */
    Path log() {
        return log;
    }

    private static Path war() {
        return buildDir().resolve("druk-registry.war");
    }

    private static Path microJar() {
        return Path.of(System.getProperty("microJar", buildDir().resolve("payara-micro.jar").toString()));
    }

    private static PortalUnderTest launch(Launch launch) throws IOException, InterruptedException {
        Path work = launch.work();
        Path log = launch.log();
        String password = launch.password();
        int port = launch.port();
        // A fresh server root every start, as deploy/up.sh does: a kept root redeploys the previous
        // start's WAR at boot before --deploy replaces it (two instances, one of them stale).
        deleteTree(work.resolve("micro-root"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions());
        command.addAll(List.of(
                "-jar", microJar().toString(),
                "--deploy", war().toString(),
                "--contextroot", "druk-registry",
                "--port", String.valueOf(port),
                // as deploy/up.sh: no Hazelcast (whose member address is a machine interface, which
                // HostsNetworkIT's bridges come and go beside), nothing sent beyond this machine
                "--nohazelcast",
                "--disablephonehome",
                "--rootdir", work.resolve("micro-root").toString(),
                // the server settings deploy/up.sh gives the portal (no Server header, /metrics off)
                "--prebootcommandfile", projectDir().resolve("deploy/portal-preboot.asadmin").toAbsolutePath().toString(),
                "--postbootcommandfile", projectDir().resolve("deploy/portal-postboot.asadmin").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DRUK_PASSWORD_ITERATIONS", passwordIterations());
        env.putAll(launch.settings());
        env.put("DRUK_DATA_DIR", launch.dataDir().toString());
        env.put("DRUK_DEMO_PASSWORD", password);
        env.put("DRUK_HOME", projectDir().toAbsolutePath().toString());
        Path connection = launch.connectionFile();
        env.put("DRUK_FABRIC_CONFIG", connection.toString());
        // the portal signs with keys in the network's PKCS#11 tokens (deploy/network.sh); SoftHSM2 finds them through this
        env.put("SOFTHSM2_CONF", connection.resolveSibling("softhsm2.conf").toString());
        Process process = builder.start();
        String base = "http://127.0.0.1:" + port + "/druk-registry";
        PortalUnderTest portal = new PortalUnderTest(base, password, process, log, launch);
        try {
            Duration timeout = Duration.ofSeconds(Integer.getInteger("druk.browser.startSeconds", 240));
            waitUntilUp(base, timeout, process);
            waitUntilBooted(log, timeout, process);
        } catch (RuntimeException | IOException | InterruptedException e) {
            reportStuckBoot(process, log);
            portal.close();
            throw e;
        }
        return portal;
    }

    /**
     * A boot that never finished leaves what CI needs to tell a slow boot from a stuck one: the
     * log's tail on the test's output and the portal's threads next to its log.
     */
    private static void reportStuckBoot(Process process, Path log) {
        if (!process.isAlive()) {
            return;
        }
        Path threads = log.resolveSibling(log.getFileName() + ".threads.txt");
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(threads.toFile()).start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            System.out.println("[portal] no thread dump: " + e);
        }
        System.out.println("[portal] boot did not finish; threads in " + threads + "; the log's end:\n" + tail(log, 40));
    }

    private static void waitUntilUp(String base, Duration timeout, Process process) throws IOException, InterruptedException {
        HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/index.xhtml"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
            } catch (IOException notYet) {
                last = notYet.toString(); // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("portal did not answer at " + base + " within " + timeout + " (last: " + last + ")");
    }

    /**
     * Pages answer while the WAR is still being deployed (an earlier instance of the application
     * serves them, without its database), so a page answering is not enough: Payara Micro prints
     * "ready in" once every deployment has finished.
     */
    private static void waitUntilBooted(Path log, Duration timeout, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(") ready in ")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Payara Micro did not finish booting within " + timeout + "; see " + log);
            }
            Thread.sleep(500);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public String logTail() {
        return log == null ? "(external portal)" : tail(log, 80);
    }

    /**
     * For the message of a test that waited in vain for the ledger: the portal's readiness answer
     * (versions waiting, the outage's last error, a ledger mismatch) and the last warnings in its
     * log. CI keeps only a failure message's first and last lines, and the log stays on its machine.
     */
    public String ledgerDiagnosis() {
        String readiness;
        try {
            HttpResponse<String> answer = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(baseUrl).resolve("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            readiness = "HTTP " + answer.statusCode() + " " + answer.body();
        } catch (IOException e) {
            readiness = "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readiness = "interrupted";
        }
        return "the portal's /health/ready: " + readiness + "\nits log's last warnings:\n"
                + (log == null ? "(external portal)" : String.join("\n", lastWarnings(log, 8)));
    }

    /**
     * The last {@code count} WARNING or SEVERE records of a Payara log, each on one line of at most
     * 400 characters, without the log's colour codes.
     */
    static List<String> lastWarnings(Path file, int count) {
        List<StringBuilder> records = new ArrayList<>();
        StringBuilder current = null;
        try {
            for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("[20")) {
                    // The level's name is in colour codes; its value is not.
                    current = line.contains("[levelValue: 900]") || line.contains("[levelValue: 1000]") ? new StringBuilder(line) : null;
                    if (current != null) {
                        records.add(current);
                    }
                } else if (current != null && current.length() < 400 && !line.isBlank()) {
                    current.append(' ').append(line.strip());
                }
            }
        } catch (IOException e) {
            return List.of("(no log: " + e + ")");
        }
        return records.subList(Math.max(0, records.size() - count), records.size()).stream()
                .map(record -> record.toString().replaceAll("\u001b\\[[0-9;]*m", ""))
                .map(text -> text.length() > 400 ? text.substring(0, 400) : text)
                .toList();
    }

    /** The last {@code lines} lines of a log file, for failure messages. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void refuseIfShared(String what) {
        if (isShared) {
            throw new IllegalStateException("the shared portal is not " + what + ": other classes use it; start one of your own");
        }
    }

    /** Stops a portal of our own; the {@link #shared()} one only when the test JVM ends. */
    @Override
    public void close() {
        if (!isShared) {
            stop();
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
