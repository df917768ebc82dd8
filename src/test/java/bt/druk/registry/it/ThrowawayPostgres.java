package bt.druk.registry.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a throwaway PostgreSQL cluster before the Arquillian extension boots Payara Micro, and
 * removes it afterwards. The port comes from DRUK_DB_URL, which failsafe also hands to the server.
 */
public class ThrowawayPostgres implements BeforeAllCallback, AfterAllCallback {

    static final String DIR = System.getProperty("java.io.tmpdir") + "/druk-pg-" + port();

    static int port() {
        String url = System.getenv().getOrDefault("DRUK_DB_URL", "jdbc:postgresql://127.0.0.1:25439/druk");
        return Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
    }

    /** JUnit also runs this extension inside the server for in-container tests; only the test JVM may act. */
    private static boolean inTestJvm() {
        return System.getProperty("druk.project.dir") != null;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (inTestJvm()) {
            run("start", DIR, Integer.toString(port()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (inTestJvm()) {
            run("stop", DIR);
        }
    }

    static void run(String... args) throws IOException, InterruptedException {
        String script = new File(System.getProperty("druk.project.dir", "."), "deploy/lib/throwaway-postgres.sh").getPath();
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script;
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("throwaway PostgreSQL " + args[0] + " failed: " + output);
        }
        System.out.print(output);
    }
}
