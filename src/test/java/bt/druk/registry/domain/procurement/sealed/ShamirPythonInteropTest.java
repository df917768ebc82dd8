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
        JsonArrayBuilder sets = Json.createArrayBuilder();
        List<String> expected = new ArrayList<>();
        for (int[] kn : new int[][] {{2, 3}, {3, 5}, {1, 2}, {4, 4}, {5, 9}}) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            for (List<KeyShare> subset : ShamirTest.subsets(Shamir.split(secret, kn[0], kn[1], random), kn[0])) {
                sets.add(Json.createObjectBuilder().add("shares", json(subset)));
                expected.add(HEX.formatHex(secret));
            }
        }
        // The recorded vectors' shares too, the last k of each case.
        for (SealedEnvelopeVectors.Case c : SealedEnvelopeVectors.cases()) {
            sets.add(Json.createObjectBuilder().add("shares", json(c.shares().subList(c.shares().size() - c.k(), c.shares().size()))));
            expected.add(HEX.formatHex(c.dataKey()));
        }
        List<String> out = python(Json.createObjectBuilder().add("sets", sets).build().toString(), "combine-many").lines().toList();
        assertEquals(expected, out);
        System.out.println("Python combined " + out.size() + " sets of Java's shares to the secret");
        assertEquals(3 + 10 + 2 + 1 + 126 + 2, out.size());
        // One set on its own, the plain way.
        KeyShare only = new KeyShare(1, HEX.parseHex("42"));
        assertEquals("42", python(Json.createObjectBuilder().add("shares", json(List.of(only))).build().toString(), "combine").strip());
    }

    private static JsonArrayBuilder json(List<KeyShare> shares) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        shares.forEach(s -> array.add(Json.createObjectBuilder().add("index", s.index()).add("value", HEX.formatHex(s.value()))));
        return array;
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
