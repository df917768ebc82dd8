package bt.druk.registry.network;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs deploy/network.sh against the real Fabric processes, for integration tests. */
public final class NetworkScript {

    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final Path REPO = locateRepo();
    private static final Pattern TX_ID = Pattern.compile("\"txId\":\"([0-9a-f]{64})\"");

    private NetworkScript() {
    }

    public static Path repo() {
        return REPO;
    }

    public static Path stateDir() {
        return REPO.resolve("deploy/.network");
    }

    /** The shared network's connection file, as a portal or a gateway client reads it. */
    public static Path connectionFile() {
        return stateDir().resolve("connection.json");
    }

    /**
     * The network.sh that runs the network: this clone's, or {@code -Ddruk.networkScript}'s (a
     * worktree whose deploy/.network links to the main clone's network must use that clone's
     * script, which matches the network's processes).
     */
    public static Path script() {
        String other = System.getProperty("druk.networkScript", "");
        return other.isBlank() ? REPO.resolve("deploy/network.sh") : Path.of(other);
    }

    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** network.sh with {@code environment} added to this JVM's (e.g. another network's directory, {@link IsolatedNetwork}). */
    static Result run(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("network-sh", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("network.sh " + String.join(" ", args) + " did not finish");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result runOrFail(String... args) {
        return runOrFail(Map.of(), args);
    }

    static Result runOrFail(Map<String, String> environment, String... args) {
        Result result = run(environment, args);
        if (!result.succeeded()) {
            throw new AssertionError("network.sh " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n"
                    + result.output() + namedLogTail(result.output()));
        }
        return result;
    }

    /** The end of the log a failure names ("see …/lifecycle.log"): a test's clean-up removes the network, logs and all. */
    private static String namedLogTail(String output) {
        Matcher named = Pattern.compile("see (/\\S+\\.log)").matcher(output);
        if (!named.find() || !Files.isRegularFile(Path.of(named.group(1)))) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(named.group(1)), StandardCharsets.UTF_8);
            List<String> errors = lines.stream().filter(line -> line.contains("Error") || line.contains("ERRO")).toList();
            return "\n--- errors in " + named.group(1) + ":\n" + String.join("\n", errors.subList(Math.max(0, errors.size() - 10), errors.size()))
                    + "\n--- its last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "\n(" + named.group(1) + " unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until ORG's peer answers {@code GetRecord key} with the record (asked as the inspector,
     * every second); its answer, or an AssertionError with the last answer after {@code within}.
     */
    public static String awaitRecord(String org, String key, Duration within) throws InterruptedException {
        return awaitRecord(Map.of(), org, key, within);
    }

    static String awaitRecord(Map<String, String> environment, String org, String key, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Result answer = run(environment, "query", "inspector", org, "GetRecord", key);
            if (answer.succeeded() && answer.output().contains("\"key\":\"" + key + "\"")) {
                return answer.output();
            }
            last = answer.output();
            Thread.sleep(1000);
        }
        throw new AssertionError(key + " not on " + org + "'s peer within " + within.toSeconds() + " s; last: " + last);
    }

    /** The port {@code network.sh status} lists for a process (a chaincode service's changes with each upgrade). */
    public static int port(String process) {
        return port(Map.of(), process);
    }

    static int port(Map<String, String> environment, String process) {
        return runOrFail(environment, "status").output().lines().map(String::strip).filter(line -> line.startsWith(process + " "))
                .map(line -> Integer.parseInt(line.split("\\s+")[2])).findFirst()
                .orElseThrow(() -> new AssertionError("no " + process + " in network.sh status"));
    }

    /** Brings the default network up unless one is already healthy (tests share one network). */
    public static synchronized void ensureUp() {
        if (!run("status").succeeded()) {
            runOrFail("up");
        }
    }

    /** Every ledger write of the key, read on the auditor's peer with the inspector's identity (GetHistory). */
    public static JsonArray ledgerHistory(String key) {
        return ledgerHistory(Map.of(), key);
    }

    static JsonArray ledgerHistory(Map<String, String> environment, String key) {
        String output = runOrFail(environment, "query", "inspector", "audit", "GetHistory", key).output().strip();
        String json = output.substring(output.lastIndexOf("\n[") + 1);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    public static String txIdOf(String ledgerEntryJson) {
        Matcher matcher = TX_ID.matcher(ledgerEntryJson);
        if (!matcher.find()) {
            throw new AssertionError("no txId in " + ledgerEntryJson);
        }
        return matcher.group(1);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path locateRepo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("deploy/network.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/network.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
