package bt.druk.registry.bench;

import bt.druk.registry.bench.BenchOptions.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar druk-bench.jar …}: runs the scenarios in this order (raw first, so that the
 * portal's figures are set against a raw figure of the same run), prints one table and writes it
 * to {@code --out}. Exit status 0 when every scenario measured something, 1 when one did not, 2
 * for bad arguments.
 */
public final class DrukBench {

    /** What a run measured: the table's rows, the registrations the portal acknowledged and the faults scenario's rows. */
    public record Report(List<Row> rows, List<Registered> acknowledged, int committed, List<FaultOutcome> faults) {

        public Report(List<Row> rows, List<Registered> acknowledged, int committed) {
            this(rows, acknowledged, committed, List.of());
        }

        /** Every row has a positive figure (the caliper line counts when it was measured). */
        public boolean everyRowMeasured() {
            return rows.stream().filter(r -> !r.scenario().equals("caliper") || !Double.isNaN(r.raw()))
                    .allMatch(r -> r.measured() > 0);
        }

        /** Under every fault that ran, every acknowledged registration committed exactly once. */
        public boolean nothingLostOrDuplicated() {
            return faults.stream().allMatch(FaultOutcome::exactlyOnce);
        }
    }

    private static final int WARM_UP = 16;
    /** The reads' warm-up before each scenario's measured runs (at most as long as they are). */
    static final int READ_WARM_UP_SECONDS = 5;

    /** Titles whose pages, hashes and documents the read scenarios mix. */
    private static final int READ_MIX = 50;
    private static final Pattern CALIPER_FIGURE = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(.*)$", Pattern.DOTALL);

    private DrukBench() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status); // gRPC may leave non-daemon threads behind
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (UsageException e) {
            err.println("druk-bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return 2;
        }
        try {
            String started = loadAverage();
            Report report = measure(options, err);
            String table = "Druk Registry benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", run " + options.runId()
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average at start " + started + ", at end "
                    + loadAverage() + (report.rows().isEmpty() ? "" : "\n\n" + table(report.rows()))
                    + (report.faults().isEmpty() ? "" : "\n\nFaults under load (" + options.faultClients() + " clients, kill after "
                    + options.faultSeconds() + " s, restart " + options.faultSeconds() + " s later, load stopped "
                    + options.faultSeconds() + " s after the restart; recovery = restart to the last acknowledged registration COMMITTED)"
                    + "\n\n" + faultsTable(report.faults()));
            out.println(table);
            if (options.out().isPresent()) {
                Files.writeString(options.out().get(), table + "\n", StandardCharsets.UTF_8);
            }
            if (!report.nothingLostOrDuplicated()) {
                err.println("druk-bench: under a fault, an acknowledged registration was lost or duplicated (or the fault could not be run)");
            }
            return report.everyRowMeasured() && report.nothingLostOrDuplicated() ? 0 : 1;
        } catch (Exception e) {
            err.println("druk-bench: " + e);
            return 1;
        }
    }

    /** Runs the chosen scenarios; progress goes to {@code log}. */
    public static Report measure(BenchOptions o, PrintStream log) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<Registered> acknowledged = new ArrayList<>();
        int committed = 0;
        double raw = Double.NaN;
        String prefix = "B" + o.runId();
        try (RawSubmitter submitter = RawSubmitter.connect(o.connection(), o.identity())) {
            if (o.runs("raw")) {
                awaitQuietPortal(o, log, "raw-submit");
                log.println("raw-submit: warm-up, then " + o.inFlight() + " in flight for " + o.rawSeconds() + " s");
                submitter.run("R" + o.runId() + "-W", Math.min(WARM_UP, o.inFlight()), WARM_UP, () -> false);
                CpuMeter cpu = CpuMeter.start(o.portalPid());
                long until = System.nanoTime() + o.rawSeconds() * 1_000_000_000L;
                RawSubmitter.Result r = submitter.run("R" + o.runId(), o.inFlight(), Integer.MAX_VALUE, () -> System.nanoTime() > until);
                raw = r.perSecond();
                rows.add(new Row("raw-submit (" + o.inFlight() + " in flight)", Double.NaN, raw, "tx/s",
                        r.latencies().percentileMillis(50), r.latencies().percentileMillis(99), rss(o),
                        r.committed() + " committed in " + seconds(r.seconds()) + ", " + r.failed() + " failed"
                                + (r.firstFailure() == null ? "" : " (" + r.firstFailure() + ")") + "; " + cpu.since()
                                + String.format(", %.1f ms network CPU per tx", 1000 * cpu.networkSeconds() / Math.max(1, r.committed()))));
            }
            o.caliper().ifPresent(text -> rows.add(caliperRow(text)));
            if (o.portalUrl().isEmpty()) {
                return new Report(rows, acknowledged, committed);
            }
            PortalApi api = new PortalApi(o.portalUrl().get(), o.password().orElseThrow());
            PortalRegister register = new PortalRegister(api, o.identity());
            if (o.runs("portal") || o.runs("read")) {
                log.println("portal-register: warm-up, then " + o.count() + " registrations from " + o.clients() + " clients");
                PortalRegister.Result warm = register.run(prefix + "W", Math.min(WARM_UP, o.count()), o.clients(), o.drainSeconds());
                acknowledged.addAll(warm.acknowledged());
                committed += warm.awaited().done();
                if (o.runs("portal")) {
                    CpuMeter cpu = CpuMeter.start(o.portalPid());
                    PortalRegister.Result r = register.run(prefix, o.count(), o.clients(), o.drainSeconds());
                    acknowledged.addAll(r.acknowledged());
                    committed += r.awaited().done();
                    rows.add(new Row("portal-register (" + o.clients() + " clients)", r.perSecond(), raw, "reg/s",
                            r.ackLatencies().percentileMillis(50), r.ackLatencies().percentileMillis(99), rss(o),
                            r.acknowledged().size() + "/" + r.posted() + " acknowledged, " + r.awaited().done() + " committed in "
                                    + seconds(r.seconds()) + ", " + r.awaited().failed() + " rejected, " + r.notCommitted()
                                    + " not committed within " + o.drainSeconds() + " s" + (r.firstRefusal() == null ? "" : "; refused: " + abbreviate(r.firstRefusal()))
                                    + "; p50/p99 = acknowledgement; " + cpu.since() + perItem(cpu, r.acknowledged().size(), "reg")));
                }
            }
            if (o.runs("read")) {
                List<Registered> mix = acknowledged.subList(0, Math.min(READ_MIX, acknowledged.size()));
                if (mix.isEmpty()) {
                    rows.add(Row.unavailable("read", "no registered title to read"));
                } else {
                    read(o, submitter, rows, log, "land record page", mix, t -> "/records/land.xhtml?pin=" + t.pin());
                    read(o, submitter, rows, log, "verify by hash", mix, t -> "/api/verify/" + t.hash());
                    // Where a certificate's QR code leads: the page a citizen sees, rendered by Faces every time.
                    read(o, submitter, rows, log, "verify page", mix, t -> "/verify.xhtml?hash=" + t.hash());
                    read(o, submitter, rows, log, "public document JSON", mix, t -> "/records/documents/" + t.hash() + ".json");
                }
            }
            if (o.runs("subdivide")) {
                int n = Math.max(5, Math.min(o.count(), 20));
                log.println("subdivide: " + n + " titles registered and divided in two by one clerk, one after another");
                SubdivideRun.Result r = SubdivideRun.run(api, o.identity(), prefix + "S", n, o.drainSeconds());
                rows.add(new Row("subdivide (one clerk)", r.subdivided() / Math.max(r.seconds(), 1e-9), Double.NaN, "sub/s",
                        r.subdivisions().percentileMillis(50), r.subdivisions().percentileMillis(99), rss(o),
                        r.subdivided() + "/" + n + " subdivided, " + r.failed() + " failed" + (r.firstFailure() == null ? ""
                                : " (" + abbreviate(r.firstFailure()) + ")") + "; p50/p99 = POST to parent and both children committed"
                                + " (facts + SubdivideParcel, 2 transactions); first registration POST to committed: p50 "
                                + String.format(Locale.ROOT, "%.0f", r.registrations().percentileMillis(50)) + " ms, p99 "
                                + String.format(Locale.ROOT, "%.0f", r.registrations().percentileMillis(99)) + " ms"));
            }
            if (o.runs("soak")) {
                log.println("soak: rounds of " + o.count() + " registrations and " + o.readSeconds() + " s of record pages for " + o.soakSeconds() + " s");
                CpuMeter cpu = CpuMeter.start(o.portalPid());
                SoakRun.Result r = SoakRun.run(o, register, o.soakSeconds(), log);
                rows.add(new Row("soak (" + o.soakSeconds() + " s)", r.perSecond(), raw, "reg/s", r.ackLatencies().percentileMillis(50),
                        r.ackLatencies().percentileMillis(99), rss(o),
                        r.committed() + "/" + r.acknowledged() + " committed in " + r.samples().size() + " rounds, " + r.notCommitted()
                                + " not committed; " + r.growth() + "; " + cpu.since()));
            }
            if (o.runs("notary")) {
                log.println("notary-batch: warm-up with " + NotaryBatch.WARM_UP + " documents, then " + o.notaryCount() + " documents");
                // The first thousand documents also pay for the JIT compiling the request paths.
                new NotaryBatch(api, "notary.clerk").run(NotaryBatch.WARM_UP, o.drainSeconds());
                CpuMeter cpu = CpuMeter.start(o.portalPid());
                NotaryBatch.Result r = new NotaryBatch(api, "notary.clerk").run(o.notaryCount(), o.drainSeconds());
                rows.add(new Row("notary-batch", r.perSecond(), raw, "doc/s", r.ackLatencies().percentileMillis(50),
                        r.ackLatencies().percentileMillis(99), rss(o),
                        r.awaited().done() + "/" + r.queued() + " anchored with proof in " + seconds(r.seconds()) + ", "
                                + r.refused() + " refused" + (r.firstRefusal() == null ? "" : " (" + abbreviate(r.firstRefusal()) + ")")
                                + "; p50/p99 = acknowledgement of " + NotaryBatch.PER_REQUEST + " hashes from "
                                + NotaryBatch.SENDERS + " clients; " + cpu.since()
                                + perItem(cpu, r.awaited().done(), "doc")));
            }
        }
        List<FaultOutcome> faults = List.of();
        if (o.runs("faults")) {
            log.println("faults: " + String.join(", ", o.faults()) + ", one at a time, under a load of " + o.faultClients() + " clients");
            faults = FaultRun.run(o, new PortalApi(o.portalUrl().get(), o.password().orElseThrow()), log);
        }
        return new Report(rows, List.copyOf(acknowledged), committed, faults);
    }

    /** Waits (up to 120 s) until the portal is quiet, and says how long that took. */
    private static void awaitQuietPortal(BenchOptions o, PrintStream log, String name) throws InterruptedException {
        double quiet = CpuMeter.awaitQuiet(o.portalPid(), 120);
        log.println(quiet < 0 ? name + ": the portal is still busy after 120 s; measuring anyway"
                : String.format(Locale.ROOT, "%s: the portal is quiet after %.0f s", name, quiet));
    }

    /** One read scenario with the network idle, then again while raw submits run. */
    private static void read(BenchOptions o, RawSubmitter submitter, List<Row> rows, PrintStream log, String name,
                             List<Registered> mix, Function<Registered, String> path) throws Exception {
        List<String> paths = mix.stream().map(path).toList();
        String base = o.portalUrl().orElseThrow();
        // A page that answers 200 with "not found" would measure nothing: the first path must show its title.
        Registered sample = mix.get(0);
        PortalApi.Answer answer = new PortalApi(base, "").get(paths.get(0));
        if (answer.status() != 200 || !(answer.body().contains(sample.pin()) || answer.body().contains(sample.hash()))) {
            rows.add(Row.unavailable(name, "GET " + paths.get(0) + " answered " + answer.status() + " without the record"));
            return;
        }
        // The commit follower may still be taking in the blocks of the last write load: idle means idle.
        awaitQuietPortal(o, log, name);
        // Not counted: each path's first request renders what later ones are served from, and the JIT has not
        // compiled the path yet; the raw and portal scenarios warm up too.
        int warmUp = Math.min(READ_WARM_UP_SECONDS, o.readSeconds());
        log.println(name + ": warm-up, wrk " + warmUp + " s");
        WrkRun.run(base, paths, o.readThreads(), o.readConnections(), warmUp);
        log.println(name + ": wrk " + o.readThreads() + " threads, " + o.readConnections() + " connections, " + o.readSeconds() + " s, idle");
        CpuMeter cpu = CpuMeter.start(o.portalPid());
        WrkRun.Result idle = WrkRun.run(base, paths, o.readThreads(), o.readConnections(), o.readSeconds());
        rows.add(readRow(name + " (idle)", idle, rss(o), "; " + cpu.since()));

        log.println(name + ": again while raw submits run");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RawSubmitter.Result> writes = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                writes.set(submitter.run("R" + o.runId() + "-" + name.charAt(0) + rows.size(), o.inFlight(), Integer.MAX_VALUE, stop::get));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "write-load");
        writer.start();
        WrkRun.Result loaded;
        try {
            loaded = WrkRun.run(base, paths, o.readThreads(), o.readConnections(), o.readSeconds());
        } finally {
            stop.set(true);
            writer.join();
        }
        RawSubmitter.Result w = writes.get();
        rows.add(readRow(name + " (raw writes)", loaded, rss(o),
                w == null ? "" : "; write load " + String.format(Locale.ROOT, "%.1f", w.perSecond()) + " tx/s"));
    }

    private static Row readRow(String scenario, WrkRun.Result r, long rss, String more) {
        // wrk's percentiles are 0 when no request completed within its timeout
        boolean none = r.p99Millis() == 0;
        return new Row(scenario, r.perSecond(), Double.NaN, "req/s", none ? Double.NaN : r.p50Millis(), none ? Double.NaN : r.p99Millis(), rss,
                r.requests() + " requests in " + seconds(r.seconds()) + ", " + r.non2xx() + " not 2xx/3xx, " + r.socketErrors()
                        + " socket errors" + more);
    }

    /** {@code --caliper "77.9 TPS, 0 failed"} is a figure measured by Caliper; any other text says why there is none. */
    static Row caliperRow(String text) {
        Matcher m = CALIPER_FIGURE.matcher(text);
        if (m.matches()) {
            return new Row("caliper", Double.NaN, Double.parseDouble(m.group(1)), "tx/s", Double.NaN, Double.NaN, -1, m.group(2).strip());
        }
        return Row.unavailable("caliper", text.strip());
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows in every figure. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** ", 12.3 ms portal and 20.1 ms network CPU per reg" when the CPU times are known. */
    private static String perItem(CpuMeter cpu, int count, String unit) {
        double seconds = cpu.portalSeconds();
        return seconds < 0 || count == 0 ? "" : String.format(", %.1f ms portal and %.1f ms network CPU per %s",
                1000 * seconds / count, 1000 * cpu.networkSeconds() / count, unit);
    }

    private static long rss(BenchOptions o) {
        return PortalApi.rssMiB(o.portalPid()).orElse(-1L);
    }

    /** The table, in Markdown, so that BENCHMARKS.md can take it as it is. */
    public static String table(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"scenario", "portal", "raw", "ratio", "p50 ms", "p99 ms", "RSS MiB", "note"});
        for (Row r : rows) {
            cells.add(new String[] {r.scenario(), figure(r.portal(), r.unit()), figure(r.raw(), r.unit().equals("req/s") ? "" : "tx/s"),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()), millis(r.p50()), millis(r.p99()),
                    r.rssMiB() < 0 ? "-" : Long.toString(r.rssMiB()), r.note()});
        }
        int[] width = new int[8];
        for (String[] row : cells) {
            for (int i = 0; i < 7; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < cells.size(); line++) {
            String[] row = cells.get(line);
            text.append('|');
            for (int i = 0; i < row.length; i++) {
                text.append(' ').append(i < 7 ? String.format("%-" + width[i] + "s", row[i]) : row[i]).append(" |");
            }
            text.append('\n');
            if (line == 0) {
                text.append('|');
                for (int i = 0; i < row.length; i++) {
                    text.append(i < 7 ? "-".repeat(width[i] + 2) : "---").append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The faults scenario's table, in Markdown: fault | acknowledged | committed | lost | duplicated | recovery s | note. */
    public static String faultsTable(List<FaultOutcome> outcomes) {
        StringBuilder text = new StringBuilder("| fault | acknowledged | committed | lost | duplicated | recovery s | note |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (FaultOutcome f : outcomes) {
            String fault = f.killed().equals("-") || f.killed().equals(f.fault()) ? f.fault() : f.fault() + " (" + f.killed() + ")";
            if (!f.ran()) {
                text.append("| ").append(fault).append(" | - | - | - | - | - | ").append(f.note()).append(" |\n");
                continue;
            }
            text.append("| ").append(fault).append(" | ").append(f.acknowledged()).append(" | ").append(f.committed()).append(" | ")
                    .append(f.lost()).append(" | ").append(f.duplicated()).append(" | ")
                    .append(Double.isNaN(f.recoverySeconds()) ? "-" : String.format(Locale.ROOT, "%.1f", f.recoverySeconds()))
                    .append(" | ").append(f.note().replace("|", "/")).append(" |\n");
        }
        return text.toString();
    }

    private static String figure(double value, String unit) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f %s", value, unit).strip();
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
