package bt.druk.registry.bench;

import bt.druk.registry.bench.PortalApi.Answer;
import bt.druk.registry.bench.PortalApi.Awaited;
import bt.druk.registry.bench.PortalApi.Probe;
import bt.druk.registry.bench.PortalApi.Progress;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Faults under load (issue 12). For each fault in turn: land clerks' first registrations through
 * {@code POST /api/land/titles} from {@code --fault-clients} clients, back to back or at
 * {@code --fault-rate} a second; after {@code --fault-seconds} the fault's process is killed with
 * SIGKILL, {@code --fault-seconds} later it is started again, and the load stops
 * {@code --fault-seconds} after the restart has finished. Then every registration the portal
 * acknowledged (202) must be COMMITTED in the portal and written exactly once on the auditor's peer
 * with the hash the portal acknowledged ({@code GetHistory}: one write, version 1). The wait for the
 * portal ends when {@code --drain-seconds} pass after the load's end with no acknowledged
 * registration newly committed: the backlog grows with the time the restart took, so a fixed
 * deadline would fail a slow machine's restart, while a lost registration still stops the progress.
 * Network processes are killed and started with deploy/network.sh ({@code kill NAME}; {@code start}
 * starts only what is not running), the portal with {@code kill -KILL} and the run's own start
 * script, on the same data directory.
 */
final class FaultRun {

    /** The faults, in the order they run when {@code --faults} names none. */
    static final List<String> FAULTS = List.of("peer-land", "peer-audit", "chaincode", "ca-land", "orderer", "portal", "database",
            "upgrade", "renewal");

    /** The auditor's identity in the connection file: the ledger is read on the Audit peer. */
    static final String AUDITOR = "inspector";

    /** An orderer may only be killed where the others still order: two of three (Raft), three of four (BFT). */
    private static final int ORDERERS_NEEDED = 3;
    private static final long HEALTHY_WAIT_SECONDS = 120;
    private static final long START_SECONDS = 300;
    /**
     * renew-certs under BFT restarts four orderers one at a time, each after the others serve again
     * (3-5 minutes seen); stopped sooner, the orderers not yet renewed keep certificates that expire.
     */
    private static final long OPERATION_SECONDS = 600;
    /** A peer started again may be some blocks behind the one that told the portal its transaction committed. */
    private static final long LEDGER_CATCH_UP_SECONDS = 60;

    /** The processes a fault kills, or why it cannot run on this network. */
    record Plan(List<String> processes, String notRunReason) {
    }

    /** A registration the portal acknowledged: its record key and the hash the API returned. */
    record Acknowledged(String recordKey, String hash) {
    }

    /** One write of a key, from {@code GetHistory}. */
    record LedgerWrite(String txId, boolean deleted, int version, String hash) {
    }

    /** {@code GET /api/records/<key>}: HTTP status, then the current version, its hash and ledger state, and how many versions. */
    record PortalView(int status, int version, String hash, String ledgerState, int versions) {
    }

    /** What became of one acknowledged registration; {@code problem} says why it is not committed exactly once. */
    record Verdict(boolean committed, boolean duplicated, String problem) {
    }

    private final BenchOptions o;
    private final PortalApi api;
    private final PrintStream log;
    /** The portal's JVM: another one after the portal fault. */
    private long portalPid;

    private FaultRun(BenchOptions o, PortalApi api, PrintStream log) {
        this.o = o;
        this.api = api;
        this.log = log;
        this.portalPid = o.portalPid();
    }

    static List<FaultOutcome> run(BenchOptions o, PortalApi api, PrintStream log) throws Exception {
        FaultRun run = new FaultRun(o, api, log);
        List<FaultOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < o.faults().size(); i++) {
            FaultOutcome outcome = run.inject(o.faults().get(i), "F" + o.runId() + (i + 1));
            log.println("faults: " + outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * Which processes {@code fault} kills among those {@code network.sh status} lists. The orderer
     * named here is a stand-in: the orderer fault kills the leader of the moment it strikes.
     */
    static Plan plan(String fault, List<String> processes, boolean databaseControlled) {
        switch (fault) {
            case "portal" -> {
                return new Plan(List.of("portal"), null);
            }
            case "upgrade" -> {
                // not a kill: network.sh upgrade-chaincode swaps every organisation's services for the next sequence's
                return new Plan(List.of("chaincode upgrade"), null);
            }
            case "renewal" -> {
                // not a kill: network.sh renew-certs restarts every CA, peer and orderer in turn with new certificates
                return new Plan(List.of("certificate renewal"), null);
            }
            case "database" -> {
                return databaseControlled ? new Plan(List.of("database"), null)
                        : new Plan(List.of(), "the portal runs on H2 (deploy/bench.sh --postgres runs it on PostgreSQL)");
            }
            case "chaincode" -> {
                // one service for all organisations, or one per organisation (chaincode-land, ...): all of them
                List<String> services = processes.stream().filter(p -> p.equals("chaincode") || p.startsWith("chaincode-")).toList();
                return services.isEmpty() ? new Plan(List.of(), "no chaincode process in network.sh status") : new Plan(services, null);
            }
            case "orderer" -> {
                List<String> orderers = processes.stream().filter(p -> p.matches("orderer[0-9]+")).toList();
                return orderers.size() < ORDERERS_NEEDED ? new Plan(List.of(), orderers.size() + "-orderer network")
                        : new Plan(List.of(orderers.get(0)), null);
            }
            default -> {
                return processes.contains(fault) ? new Plan(List.of(fault), null)
                        : new Plan(List.of(), "no process " + fault + " in network.sh status");
            }
        }
    }

    /** {@code network.sh status}: each process's name and health (OK, DOWN, UNHEALTHY), in its order. */
    static Map<String, String> parseStatus(String output) {
        Map<String, String> health = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            String[] cells = line.strip().split("\\s+");
            if (cells.length >= 4 && !cells[0].equals("PROCESS") && cells[0].matches("[a-z][a-z0-9-]*")
                    && cells[3].matches("OK|DOWN|UNHEALTHY")) {
                health.put(cells[0], cells[3]);
            }
        }
        return health;
    }

    /** {@code GetHistory}'s answer: every write of the key, oldest first. */
    static List<LedgerWrite> parseHistory(String json) {
        List<LedgerWrite> writes = new ArrayList<>();
        JsonArray items;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            items = reader.readArray();
        }
        for (JsonValue item : items) {
            JsonObject write = item.asJsonObject();
            JsonValue value = write.get("value");
            JsonObject record = value == null || value.getValueType() != JsonValue.ValueType.OBJECT ? null : value.asJsonObject();
            writes.add(new LedgerWrite(write.getString("txId", ""), write.getBoolean("isDelete", false),
                    record == null ? 0 : record.getInt("version", 0), record == null ? null : record.getString("hash", null)));
        }
        return writes;
    }

    /**
     * Committed: the portal says COMMITTED and the auditor's ledger holds a write with the hash the
     * portal acknowledged. Duplicated: more than one write of the key, or a version above 1 (a first
     * registration is version 1), on the ledger or in the portal.
     */
    static Verdict judge(Acknowledged ack, PortalView portal, List<LedgerWrite> writes) {
        boolean duplicated = writes.size() > 1 || writes.stream().anyMatch(w -> w.version() > 1) || portal.version() > 1
                || portal.versions() > 1;
        String problem;
        if (portal.status() != 200) {
            problem = "the portal answers " + portal.status();
        } else if (!"COMMITTED".equals(portal.ledgerState())) {
            problem = "the portal says " + portal.ledgerState();
        } else if (portal.version() == 1 && !ack.hash().equals(portal.hash())) {
            problem = "the portal holds another hash";
        } else if (writes.isEmpty()) {
            problem = "not on the auditor's ledger";
        } else if (writes.stream().noneMatch(w -> !w.deleted() && ack.hash().equals(w.hash()))) {
            problem = "on the ledger with another hash";
        } else {
            problem = null;
        }
        boolean committed = problem == null;
        if (committed && duplicated) {
            problem = writes.size() + " ledger writes, ledger version " + writes.get(writes.size() - 1).version() + ", portal version "
                    + portal.version();
        }
        return new Verdict(committed, duplicated, problem);
    }

    /** One fault under load, from a healthy network to every acknowledged registration checked. */
    private FaultOutcome inject(String fault, String pinPrefix) throws Exception {
        Map<String, String> health = awaitHealthyNetwork();
        List<String> notOk = health.entrySet().stream().filter(e -> !e.getValue().equals("OK")).map(e -> e.getKey() + " " + e.getValue()).toList();
        if (health.isEmpty() || !notOk.isEmpty()) {
            return FaultOutcome.broken(fault, "-", "the network was not healthy before the fault: " + (health.isEmpty() ? "no status" : notOk));
        }
        Plan plan = plan(fault, List.copyOf(health.keySet()), o.databaseControl().isPresent());
        if (plan.notRunReason() != null) {
            return FaultOutcome.notRun(fault, plan.notRunReason());
        }
        List<String> victims = plan.processes();
        String killed = String.join(", ", victims);
        if (fault.equals("portal") && portalPid <= 0) {
            return FaultOutcome.broken(fault, killed, "the portal's pid is not known (--portal-pid)");
        }
        int phase = o.faultSeconds();
        String action = switch (fault) {
            case "upgrade" -> "the chaincode upgraded after " + phase + " s";
            case "renewal" -> "every certificate renewed after " + phase + " s";
            default -> killed + " killed after " + phase + " s and started " + phase + " s later";
        };
        log.println("faults: " + fault + ": " + o.faultClients() + " clients register; " + action + "; the load stops " + phase
                + " s after the restart");

        Load load = new Load(pinPrefix);
        AtomicLong loadStopped = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastCommitted = new AtomicLong(Long.MIN_VALUE);
        long drain = TimeUnit.SECONDS.toNanos(o.drainSeconds());
        LongSupplier deadline = () -> loadStopped.get() == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.max(loadStopped.get(), lastCommitted.get()) + drain;
        Probe committedInPortal = key -> {
            Progress progress = PortalRegister.committed(api, key);
            if (progress == Progress.DONE) {
                lastCommitted.set(System.nanoTime());
            }
            return progress;
        };
        AtomicReference<Awaited> awaited = new AtomicReference<>();
        Thread awaiter = new Thread(() -> {
            try {
                awaited.set(PortalApi.awaitInOrder(load.toAwait, load::running, committedInPortal, deadline, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fault-await");
        load.start(o.faultClients());
        awaiter.start();

        Thread.sleep(TimeUnit.SECONDS.toMillis(phase));
        if (fault.equals("orderer")) {
            victims = List.of(ordererLeader(victims.get(0)));
            killed = victims.get(0);
        }
        String killProblem = switch (fault) {
            case "portal" -> killPortal();
            case "database" -> controlDatabase("kill");
            case "upgrade" -> networkOperation("upgrade-chaincode");
            case "renewal" -> networkOperation("renew-certs");
            default -> killNetworkProcesses(victims);
        };
        int acknowledgedBeforeKill = load.acknowledged.size();
        Thread.sleep(TimeUnit.SECONDS.toMillis(phase));
        long restartAt = System.nanoTime();
        String restartProblem = switch (fault) {
            case "portal" -> restartPortal();
            case "database" -> controlDatabase("start");
            case "upgrade", "renewal" -> null; // nothing was left stopped
            default -> startNetwork();
        };
        double restartSeconds = (System.nanoTime() - restartAt) / 1e9;
        Thread.sleep(TimeUnit.SECONDS.toMillis(phase));
        load.stop();
        loadStopped.set(System.nanoTime());
        awaiter.join();

        List<Acknowledged> acks = List.copyOf(load.acknowledged);
        log.println("faults: " + fault + ": " + acks.size() + " acknowledged; checking the portal and the auditor's ledger");
        Map<String, List<LedgerWrite>> ledger = readLedger(acks);
        int committed = 0;
        int duplicated = 0;
        String firstProblem = null;
        for (Acknowledged ack : acks) {
            Verdict verdict = judge(ack, portalView(ack.recordKey()), ledger.get(ack.recordKey()));
            committed += verdict.committed() ? 1 : 0;
            duplicated += verdict.duplicated() ? 1 : 0;
            if (verdict.problem() != null && firstProblem == null) {
                firstProblem = ack.recordKey() + ": " + verdict.problem();
            }
        }
        Awaited a = awaited.get();
        boolean allCommitted = a != null && a.done() == acks.size();
        double recovery = allCommitted ? Math.max(0, (a.lastDoneNanos() - restartAt) / 1e9) : Double.NaN;
        String note = acknowledgedBeforeKill + " acknowledged before the kill; restart took " + String.format(Locale.ROOT, "%.1f s", restartSeconds)
                + "; " + load.notAcknowledged.get() + " posts not acknowledged"
                + (load.firstNotAcknowledged.get() == null ? "" : " (first: " + abbreviate(load.firstNotAcknowledged.get()) + ")")
                + (a == null ? "; the wait for the portal was interrupted" : a.failed() > 0 ? "; " + a.failed() + " REJECTED by the ledger" : "")
                // the wait goes in order, so one lost registration holds it until the deadline: the counts come from the check after it
                + (a != null && a.stillPending() > 0 ? "; the wait for the portal ended after " + o.drainSeconds() + " s with none newly committed" : "")
                + (firstProblem == null ? "" : "; first problem: " + firstProblem)
                + (killProblem == null ? "" : "; " + killProblem) + (restartProblem == null ? "" : "; " + restartProblem);
        if (killProblem != null) {
            return FaultOutcome.broken(fault, killed, note);
        }
        return new FaultOutcome(fault, killed, acks.size(), committed, acks.size() - committed, duplicated, recovery, note, true);
    }

    /** The steady load: clients posting first registrations back to back until stopped. */
    private final class Load {
        final String pinPrefix;
        final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        final LinkedBlockingQueue<String> toAwait = new LinkedBlockingQueue<>();
        final AtomicInteger notAcknowledged = new AtomicInteger();
        final AtomicReference<String> firstNotAcknowledged = new AtomicReference<>();
        private final AtomicInteger next = new AtomicInteger();
        private final List<Thread> clients = new ArrayList<>();
        private volatile boolean on = true;
        private long started;

        Load(String pinPrefix) {
            this.pinPrefix = pinPrefix;
        }

        void start(int count) {
            started = System.nanoTime();
            for (int c = 0; c < count; c++) {
                Thread client = new Thread(this::register, "fault-load-" + c);
                client.setDaemon(true);
                clients.add(client);
                client.start();
            }
        }

        /** Stops the load; a registration posted before is still counted if it is acknowledged. */
        void stop() throws InterruptedException {
            on = false;
            for (Thread client : clients) {
                client.join();
            }
        }

        boolean running() {
            return clients.stream().anyMatch(Thread::isAlive);
        }

        private void register() {
            while (on) {
                int n = next.getAndIncrement();
                String pin = pinPrefix + "-" + n;
                try {
                    awaitTurn(n);
                    if (!on) {
                        return;
                    }
                    Answer answer = api.post("/api/land/titles", o.identity(), PortalRegister.body(pin, n));
                    if (answer.status() == 201 || answer.status() == 202) {
                        JsonObject json = answer.json();
                        acknowledged.add(new Acknowledged(json.getString("recordKey"), json.getString("hash")));
                        toAwait.add(json.getString("recordKey"));
                        continue;
                    }
                    refused(answer.status() + " " + answer.body());
                } catch (IOException | RuntimeException e) {
                    refused(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    Thread.sleep(200); // a portal that is down refuses at once: no busy loop
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** At {@code --fault-rate}, registration {@code n} is posted no sooner than n / rate seconds after the load started. */
        private void awaitTurn(int n) throws InterruptedException {
            if (o.faultRate() > 0) {
                long due = started + n * TimeUnit.SECONDS.toNanos(1) / o.faultRate();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }

        private void refused(String why) {
            notAcknowledged.incrementAndGet();
            firstNotAcknowledged.compareAndSet(null, why);
        }
    }

    /** Waits until {@code network.sh status} says every process is OK; asks {@code start} once if not. */
    private Map<String, String> awaitHealthyNetwork() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEALTHY_WAIT_SECONDS);
        boolean started = false;
        while (true) {
            Map<String, String> health = parseStatus(network(60, "status").output());
            boolean healthy = !health.isEmpty() && health.values().stream().allMatch("OK"::equals);
            if (healthy || (started && System.nanoTime() > until)) {
                return health;
            }
            if (!started && System.nanoTime() > until) {
                log.println("faults: the network is not healthy (" + health + "): network.sh start");
                network(START_SECONDS, "start");
                started = true;
                until = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEALTHY_WAIT_SECONDS);
            }
            Thread.sleep(2000);
        }
    }

    private String killNetworkProcesses(List<String> names) throws IOException, InterruptedException {
        for (String name : names) {
            Result r = network(30, "kill", name);
            log.println("faults: network.sh kill " + name + ": " + r.output().strip());
            if (r.exitCode() != 0) {
                return "network.sh kill " + name + " failed: " + abbreviate(r.output());
            }
        }
        return null;
    }

    /** The orderer that leads the ordering now ({@code network.sh orderer-leader}), or {@code fallback} if none says so. */
    private String ordererLeader(String fallback) throws IOException, InterruptedException {
        Result r = network(30, "orderer-leader");
        String leader = r.output().strip();
        if (r.exitCode() == 0 && leader.matches("orderer[0-9]+")) {
            log.println("faults: the orderers' leader is " + leader);
            return leader;
        }
        log.println("faults: no orderer leader known (" + abbreviate(r.output()) + "): killing " + fallback);
        return fallback;
    }

    /** Runs the database control script: {@code kill} (SIGKILL every process of the database) or {@code start}. */
    private String controlDatabase(String action) throws IOException, InterruptedException {
        Result r = run(START_SECONDS, List.of(o.databaseControl().orElseThrow().toString(), action));
        log.println("faults: database " + action + ": " + r.output().strip());
        return r.exitCode() == 0 ? null : "database " + action + " failed (" + r.exitCode() + "): " + abbreviate(r.output());
    }

    /** A network.sh command that changes the running network under the load (upgrade-chaincode, renew-certs). */
    private String networkOperation(String command) throws IOException, InterruptedException {
        long began = System.nanoTime();
        Result r = network(OPERATION_SECONDS, command);
        log.println("faults: network.sh " + command + " took " + Math.round((System.nanoTime() - began) / 1e9) + " s");
        return r.exitCode() == 0 ? null : "network.sh " + command + " failed (" + r.exitCode() + "): " + abbreviate(r.output());
    }

    private String startNetwork() throws IOException, InterruptedException {
        Result r = network(START_SECONDS, "start");
        return r.exitCode() == 0 ? null : "network.sh start failed (" + r.exitCode() + "): " + abbreviate(r.output());
    }

    private String killPortal() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(portalPid)).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            return "kill -KILL " + portalPid + " failed: " + out.strip();
        }
        log.println("faults: kill -KILL " + portalPid + " (the portal)");
        // its listening port is free once the process is gone, before the restart binds it again
        ProcessHandle.of(portalPid).ifPresent(p -> p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join());
        return null;
    }

    /** Starts the portal with the run's start script (same data directory and settings) and waits until it is ready. */
    private String restartPortal() throws IOException, InterruptedException {
        Path script = o.portalRestart().orElseThrow();
        // the script writes its own log; its JVM outlives nothing of ours: bench.sh stops it by the pid file the script writes
        Process portal = new ProcessBuilder(script.toString()).redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
        portalPid = portal.pid();
        log.println("faults: " + script + " started the portal again (pid " + portalPid + ")");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < until) {
            if (!portal.isAlive()) {
                return "the portal stopped while starting again (exit " + portal.exitValue() + ")";
            }
            try {
                if (api.get("/health/ready").body().startsWith("{\"status\":\"UP\"")) {
                    return null;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return "the portal was not ready " + START_SECONDS + " s after its restart";
    }

    private PortalView portalView(String recordKey) throws InterruptedException {
        try {
            Answer answer = api.get("/api/records/" + recordKey);
            if (answer.status() != 200) {
                return new PortalView(answer.status(), 0, null, null, 0);
            }
            JsonObject json = answer.json();
            return new PortalView(200, json.getInt("version"), json.getString("hash"), json.getString("ledgerState"),
                    json.getJsonArray("versions").size());
        } catch (IOException | RuntimeException e) {
            return new PortalView(-1, 0, null, null, 0);
        }
    }

    /** Every key's writes on the auditor's peer; keys not found are asked again until the peer has caught up or the time is up. */
    private Map<String, List<LedgerWrite>> readLedger(List<Acknowledged> acks) throws Exception {
        Map<String, List<LedgerWrite>> writes = new HashMap<>();
        List<String> missing = acks.stream().map(Acknowledged::recordKey).toList();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEDGER_CATCH_UP_SECONDS);
        String lastError = null;
        try (RawSubmitter auditor = RawSubmitter.connect(o.connection(), AUDITOR)) {
            while (!missing.isEmpty()) {
                List<String> still = new ArrayList<>();
                for (String key : missing) {
                    try {
                        List<LedgerWrite> history = parseHistory(auditor.evaluate("GetHistory", key));
                        if (history.isEmpty()) {
                            still.add(key);
                        } else {
                            writes.put(key, history);
                        }
                    } catch (Exception e) { // NOT_FOUND until the peer has the block, or the peer not answering yet
                        still.add(key);
                        lastError = e.getMessage();
                    }
                }
                missing = still;
                if (missing.isEmpty() || System.nanoTime() > until) {
                    break;
                }
                Thread.sleep(2000);
            }
        }
        if (!missing.isEmpty()) {
            log.println("faults: " + missing.size() + " keys not on the auditor's ledger after " + LEDGER_CATCH_UP_SECONDS + " s, e.g. "
                    + missing.get(0) + (lastError == null ? "" : " (" + abbreviate(lastError) + ")"));
        }
        for (String key : missing) {
            writes.put(key, List.of());
        }
        return writes;
    }

    record Result(int exitCode, String output) {
    }

    /** Runs deploy/network.sh (the one of the running network) and gives its exit code and output. */
    private Result network(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(o.networkScript().orElseThrow().toString());
        command.addAll(List.of(args));
        return run(timeoutSeconds, command);
    }

    /** Runs a script and gives its exit code and output (-1 and why, if it did not finish in time). */
    private static Result run(long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        // output to a file: processes the script leaves running (network.sh start) must not hold a pipe of ours
        Path output = Files.createTempFile("druk-bench-script-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
