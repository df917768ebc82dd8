package bt.druk.registry.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line. Every scenario is bounded by a time or a count; {@code runId} makes this run's
 * ledger keys and PINs its own (the ledger outlives every portal database and every run).
 */
public record BenchOptions(Path connection, String identity, Optional<String> portalUrl, Optional<String> password, long portalPid,
                    int inFlight, int rawSeconds, int count, int clients, int readSeconds, int readThreads,
                    int readConnections, int notaryCount, int drainSeconds, Set<String> scenarios,
                    Optional<Path> out, Optional<String> caliper, String runId, int soakSeconds,
                    List<String> faults, int faultClients, int faultSeconds, int faultRate, Optional<Path> networkScript, Optional<Path> portalRestart,
                    Optional<Path> databaseControl) {

    /** Every scenario; all but the soak and the faults (long, and the faults kill processes) run when none is named. */
    static final List<String> SCENARIOS = List.of("raw", "portal", "read", "notary", "subdivide", "soak", "faults");
    static final List<String> DEFAULT_SCENARIOS = List.of("raw", "portal", "read", "notary");

    static final String USAGE = String.join("\n",
            "usage: java -jar druk-bench.jar --connection deploy/.network/connection.json [--identity land.clerk]",
            "         [--portal http://127.0.0.1:18442 --password PASSWORD [--portal-pid PID]]",
            "         [--scenarios raw,portal,read,notary[,subdivide][,soak][,faults]] [--in-flight 128] [--seconds 15] [--count 200] [--clients 16]",
            "         [--read-seconds 15] [--notary-count 2048] [--drain-seconds 180] [--soak-seconds 600] [--out table.md] [--caliper TEXT]",
            "         [--faults " + String.join(",", FaultRun.FAULTS) + "] [--fault-clients 4] [--fault-seconds 5] [--fault-rate N]",
            "         [--network-script deploy/network.sh] [--portal-restart portal-start.sh] [--database-control database.sh]",
            "Runs each scenario for a bounded time or count and prints one table.");

    /** The arguments cannot be used: the message says why. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final List<String> NAMES = List.of("--connection", "--identity", "--portal", "--password", "--portal-pid",
            "--in-flight", "--seconds", "--count", "--clients", "--read-seconds", "--read-threads", "--read-connections",
            "--notary-count", "--drain-seconds", "--scenarios", "--out", "--caliper", "--run-id", "--soak-seconds",
            "--faults", "--fault-clients", "--fault-seconds", "--fault-rate", "--network-script", "--portal-restart", "--database-control");

    public static BenchOptions parse(String... args) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!NAMES.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            if (v.put(name, args[++i]) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        if (!v.containsKey("--connection")) {
            throw new UsageException("--connection is required");
        }
        Set<String> scenarios = new LinkedHashSet<>();
        for (String s : v.getOrDefault("--scenarios", String.join(",", DEFAULT_SCENARIOS)).split(",")) {
            String name = s.strip().toLowerCase(Locale.ROOT);
            if (!SCENARIOS.contains(name)) {
                throw new UsageException("unknown scenario " + name + "; known: " + SCENARIOS);
            }
            scenarios.add(name);
        }
        Optional<String> portal = Optional.ofNullable(v.get("--portal")).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        if (scenarios.stream().anyMatch(s -> !s.equals("raw")) && (portal.isEmpty() || !v.containsKey("--password"))) {
            throw new UsageException("the portal scenarios need --portal and --password (the demo staff password)");
        }
        String runId = v.getOrDefault("--run-id", HexFormat.of().formatHex(new SecureRandom().generateSeed(3)))
                .toUpperCase(Locale.ROOT);
        if (!runId.matches("[A-Z0-9]{1,12}")) {
            throw new UsageException("--run-id is 1-12 letters or digits");
        }
        List<String> faults = new ArrayList<>();
        for (String f : v.getOrDefault("--faults", String.join(",", FaultRun.FAULTS)).split(",")) {
            String name = f.strip().toLowerCase(Locale.ROOT);
            if (!name.matches("[a-z0-9-]+")) {
                throw new UsageException("a fault is a process name of deploy/network.sh status, chaincode, orderer, portal or database, not '" + f + "'");
            }
            faults.add(name);
        }
        Optional<Path> networkScript = Optional.ofNullable(v.get("--network-script")).map(Path::of);
        Optional<Path> portalRestart = Optional.ofNullable(v.get("--portal-restart")).map(Path::of);
        // a script that kills the portal's PostgreSQL ("kill") and starts it again ("start"); without it the database fault does not run
        Optional<Path> databaseControl = Optional.ofNullable(v.get("--database-control")).map(Path::of);
        if (scenarios.contains("faults") && networkScript.isEmpty() && faults.stream().anyMatch(f -> !f.equals("portal"))) {
            throw new UsageException("the faults scenario needs --network-script (deploy/network.sh) to kill and start the network's processes");
        }
        if (scenarios.contains("faults") && portalRestart.isEmpty() && faults.contains("portal")) {
            throw new UsageException("the portal fault needs --portal-restart (a script that starts the portal again on its data)");
        }
        return new BenchOptions(Path.of(v.get("--connection")), v.getOrDefault("--identity", "land.clerk"), portal,
                Optional.ofNullable(v.get("--password")), number(v, "--portal-pid", -1),
                (int) number(v, "--in-flight", 128), (int) number(v, "--seconds", 15), (int) number(v, "--count", 200),
                (int) number(v, "--clients", 16), (int) number(v, "--read-seconds", 15), (int) number(v, "--read-threads", 2),
                (int) number(v, "--read-connections", 32), (int) number(v, "--notary-count", 2048),
                (int) number(v, "--drain-seconds", 180), Set.copyOf(scenarios), Optional.ofNullable(v.get("--out")).map(Path::of),
                Optional.ofNullable(v.get("--caliper")), runId, (int) number(v, "--soak-seconds", 600),
                List.copyOf(faults), (int) number(v, "--fault-clients", 4), (int) number(v, "--fault-seconds", 5),
                // registrations a second from all fault clients together; not given: back to back
                (int) number(v, "--fault-rate", 0), networkScript, portalRestart,
                databaseControl);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static long number(Map<String, String> v, String name, long otherwise) {
        String text = v.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n < 1 && !name.equals("--portal-pid")) {
                throw new UsageException(name + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " takes a whole number, not " + text);
        }
    }
}
