package bt.druk.registry.network;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A network a test class brings up and down on its own: its state in a directory of its own under
 * the build directory, its processes on a loopback address of its own (127.0.0.2, …) on the usual
 * ports, so that it runs beside the shared network and beside other tests' networks.
 */
public final class IsolatedNetwork {

    private final Path dir;
    private final String address;

    private IsolatedNetwork(Path dir, String address) {
        this.dir = dir;
        this.address = address;
    }

    /** A network named {@code name} (its directory) on {@code address}, which no other test's network uses. */
    public static IsolatedNetwork at(String name, String address) {
        Path build = Path.of(System.getProperty("druk.build.dir", "target")).toAbsolutePath();
        return new IsolatedNetwork(build.resolve("own-networks").resolve(name), address);
    }

    public Path stateDir() {
        return dir;
    }

    /** Its connection file, as a portal or a gateway client reads it. */
    public Path connectionFile() {
        return dir.resolve("connection.json");
    }

    /** The loopback address its processes listen on. */
    public String address() {
        return address;
    }

    /**
     * What network.sh and deploy/up.sh need in their environment to act on this network, with the
     * configuration of its PKCS#11 tokens in place of the shared network's the test JVM may have.
     */
    public Map<String, String> environment() {
        return Map.of("DRUK_NETWORK_DIR", dir.toString(), "DRUK_NETWORK_HOST", address,
                "SOFTHSM2_CONF", dir.resolve("softhsm2.conf").toString());
    }

    public NetworkScript.Result run(String... args) {
        return NetworkScript.run(environment(), args);
    }

    public NetworkScript.Result runOrFail(String... args) {
        return NetworkScript.runOrFail(environment(), args);
    }

    /** {@link NetworkScript#awaitRecord} on this network. */
    public String awaitRecord(String org, String key, Duration within) throws InterruptedException {
        return NetworkScript.awaitRecord(environment(), org, key, within);
    }

    /** {@link NetworkScript#port} on this network. */
    public int port(String process) {
        return NetworkScript.port(environment(), process);
    }

    /** {@link NetworkScript#ledgerHistory} on this network. */
    public JsonArray ledgerHistory(String key) {
        return NetworkScript.ledgerHistory(environment(), key);
    }

    /**
     * A network.sh for programs that run it themselves (the benchmark's faults): a script that
     * acts on this network whatever its caller's environment.
     */
    public Path script() throws IOException {
        Path script = dir.resolveSibling(dir.getFileName() + "-network.sh");
        StringBuilder text = new StringBuilder("#!/usr/bin/env bash\n");
        environment().forEach((name, value) -> text.append("export ").append(name).append("='").append(value).append("'\n"));
        text.append("exec '").append(NetworkScript.script().toAbsolutePath()).append("' \"$@\"\n");
        Files.createDirectories(script.getParent());
        Files.writeString(script, text);
        script.toFile().setExecutable(true, true);
        return script;
    }
}
