package bt.druk.registry.network;

import java.nio.file.Path;
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
}
