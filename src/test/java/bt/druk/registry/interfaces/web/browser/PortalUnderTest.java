package bt.druk.registry.interfaces.web.browser;

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
 */
final class PortalUnderTest implements AutoCloseable {

    final String baseUrl;
    final String demoPassword;
    private final Process process;
    private final Path log;

    private PortalUnderTest(String baseUrl, String demoPassword, Process process, Path log) {
        this.baseUrl = baseUrl;
        this.demoPassword = demoPassword;
        this.process = process;
        this.log = log;
    }

    static Path buildDir() {
        return Path.of(System.getProperty("druk.build.dir", "target"));
    }

    static Path projectDir() {
        return Path.of(System.getProperty("druk.project.dir", "."));
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
            return new PortalUnderTest(base, password, null, null);
        }
        Path war = buildDir().resolve("druk-registry.war");
        Path microJar = Path.of(System.getProperty("microJar", buildDir().resolve("payara-micro.jar").toString()));
        if (!Files.isRegularFile(war) || !Files.isRegularFile(microJar)) {
            throw new IllegalStateException("need " + war + " and " + microJar + " (run through mvn verify)");
        }
        int port = Integer.getInteger("druk.browser.port", 18080);
        Path work = Files.createDirectories(buildDir().resolve("browser-it"));
        Path dataDir = Files.createTempDirectory(work, "data-");
        Path log = work.resolve("payara.log");
        String password = "Demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        NetworkScript.ensureUp();

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", microJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "druk-registry",
                "--port", String.valueOf(port),
                "--nocluster",
                "--rootdir", work.resolve("micro-root").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DRUK_DATA_DIR", dataDir.toString());
        env.put("DRUK_DEMO_PASSWORD", password);
        env.put("DRUK_HOME", projectDir().toAbsolutePath().toString());
        env.put("DRUK_FABRIC_CONFIG", connectionFile().toAbsolutePath().toString());
        Process process = builder.start();
        String base = "http://127.0.0.1:" + port + "/druk-registry";
        PortalUnderTest portal = new PortalUnderTest(base, password, process, log);
        try {
            waitUntilUp(base, Duration.ofSeconds(Integer.getInteger("druk.browser.startSeconds", 240)), process);
        } catch (RuntimeException | IOException | InterruptedException e) {
            portal.close();
            throw e;
        }
        return portal;
    }

    private static void waitUntilUp(String base, Duration timeout, Process process) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
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
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("portal did not answer at " + base + " within " + timeout);
    }

    String logTail() {
        if (log == null) {
            return "(external portal)";
        }
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
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
