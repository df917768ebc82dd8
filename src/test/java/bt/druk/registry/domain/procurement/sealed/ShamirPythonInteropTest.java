package bt.druk.registry.domain.procurement.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An independent Shamir implementation ({@code src/test/python/shamir_gf256.py}, Python 3 standard
 * library, written from Shamir's paper and FIPS-197's field with log tables, not from this Java)
 * combines shares the Java code made, and the Java code combines shares the Python made.
 */
class ShamirPythonInteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path SCRIPT = Path.of(System.getProperty("druk.project.dir", System.getProperty("user.dir")),
            "src/test/python/shamir_gf256.py");

    @Test
    void pythonCombinesEveryKSubsetOfJavasSharesToTheSecret() throws Exception {
        SecureRandom random = new SecureRandom();
        int combined = 0;
        for (int[] kn : new int[][] {{2, 3}, {3, 5}, {1, 2}, {4, 4}, {5, 9}}) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            List<KeyShare> shares = Shamir.split(secret, kn[0], kn[1], random);
            for (List<KeyShare> subset : ShamirTest.subsets(shares, kn[0])) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                subset.forEach(s -> array.add(Json.createObjectBuilder().add("index", s.index()).add("value", HEX.formatHex(s.value()))));
                String out = python(Json.createObjectBuilder().add("shares", array).build().toString(), "combine");
                assertEquals(HEX.formatHex(secret), out.strip(), "k=" + kn[0] + " n=" + kn[1] + " " + subset);
                combined++;
            }
        }
        // The recorded vectors' shares too.
        for (SealedEnvelopeVectors.Case c : SealedEnvelopeVectors.cases()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            c.shares().subList(c.shares().size() - c.k(), c.shares().size())
                    .forEach(s -> array.add(Json.createObjectBuilder().add("index", s.index()).add("value", HEX.formatHex(s.value()))));
            assertEquals(HEX.formatHex(c.dataKey()), python(Json.createObjectBuilder().add("shares", array).build().toString(),
                    "combine").strip(), c.name());
            combined++;
        }
        System.out.println("Python combined " + combined + " sets of Java's shares to the secret");
        assertEquals(3 + 10 + 2 + 1 + 126 + 2, combined);
    }

    @Test
    void javaCombinesPythonsShares() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        JsonObject out = Json.createReader(new StringReader(python("", "split", "3", "5", HEX.formatHex(secret)))).readObject();
        List<KeyShare> shares = new ArrayList<>();
        for (JsonValue v : out.getJsonArray("shares")) {
            shares.add(new KeyShare(v.asJsonObject().getInt("index"), HEX.parseHex(v.asJsonObject().getString("value"))));
        }
        for (List<KeyShare> subset : ShamirTest.subsets(shares, 3)) {
            assertArrayEquals(secret, Shamir.combine(subset), subset.toString());
        }
    }

    private static String python(String stdin, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toString());
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, process.exitValue(), "python3 " + String.join(" ", args) + " failed");
        return out;
    }
}
