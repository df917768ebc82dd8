package bt.druk.registry.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long steady load that must leave nothing growing (issue 11): rounds of {@code --count} clerks'
 * registrations, each awaited until committed, then {@code --read-seconds} of wrk on the record pages
 * of that round, until the time is up.
 * After every round the portal's resident set, its heap right after a full collection (jcmd) and
 * how many acknowledged registrations are still waiting for the ledger are written down.
 */
final class SoakRun {

    /**
     * A heap space's use in jcmd GC.heap_info: one line under G1 ("garbage-first heap total …K, used
     * …K"), one per generation under the serial and parallel collectors, which the test portals use;
     * Metaspace's lines say "used" without "total".
     */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    /** One round's end: seconds since the start, RSS and heap after GC in MiB (-1 unknown), registrations so far. */
    record Sample(int round, double seconds, long rssMiB, long heapAfterGcMiB, int acknowledged, int committed, int waiting,
                  double readsPerSecond) {
    }

    record Result(List<Sample> samples, int acknowledged, int committed, int notCommitted, double seconds, Latencies ackLatencies) {

        double perSecond() {
            return seconds <= 0 ? Double.NaN : committed / seconds;
        }

        /** "RSS 690 → 702 MiB (max 731), heap after full GC 161 → 158 MiB (max 170)". */
        String growth() {
            if (samples.isEmpty()) {
                return "no round finished";
            }
            Sample first = samples.get(0);
            Sample last = samples.get(samples.size() - 1);
            long maxRss = samples.stream().mapToLong(Sample::rssMiB).max().orElse(-1);
            long maxHeap = samples.stream().mapToLong(Sample::heapAfterGcMiB).max().orElse(-1);
            return String.format("RSS %d → %d MiB (max %d), heap after full GC %d → %d MiB (max %d), waiting for the ledger after the last round %d",
                    first.rssMiB(), last.rssMiB(), maxRss, first.heapAfterGcMiB(), last.heapAfterGcMiB(), maxHeap, last.waiting());
        }
    }

    private SoakRun() {
    }

    static Result run(BenchOptions o, PortalRegister register, int soakSeconds, PrintStream log) throws Exception {
        String base = o.portalUrl().orElseThrow();
        List<Sample> samples = new ArrayList<>();
        Latencies ack = new Latencies();
        int acknowledged = 0;
        int committed = 0;
        int notCommitted = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(soakSeconds);
        for (int round = 1; System.nanoTime() < deadline; round++) {
            PortalRegister.Result r = register.run("S" + o.runId() + "R" + round, o.count(), o.clients(), o.drainSeconds());
            acknowledged += r.acknowledged().size();
            committed += r.awaited().done();
            notCommitted += r.notCommitted();
            ack.addAll(r.ackLatencies());
            double reads = Double.NaN;
            List<String> pages = r.acknowledged().stream().limit(50).map(t -> "/records/land.xhtml?pin=" + t.pin()).toList();
            if (!pages.isEmpty()) {
                reads = WrkRun.run(base, pages, o.readThreads(), o.readConnections(), o.readSeconds()).perSecond();
            }
            Sample sample = new Sample(round, (System.nanoTime() - start) / 1e9, PortalApi.rssMiB(o.portalPid()).orElse(-1L),
                    heapAfterFullGcMiB(o.portalPid()).orElse(-1), acknowledged, committed, acknowledged - committed, reads);
            samples.add(sample);
            log.printf("soak round %d at %.0f s: RSS %d MiB, heap after full GC %d MiB, %d acknowledged, %d committed, %.0f record pages/s%n",
                    round, sample.seconds(), sample.rssMiB(), sample.heapAfterGcMiB(), acknowledged, committed, reads);
        }
        return new Result(List.copyOf(samples), acknowledged, committed, notCommitted, (System.nanoTime() - start) / 1e9, ack);
    }

    /** Asks the portal's JVM for a full collection, then how much of its heap is in use (jcmd GC.run, GC.heap_info). */
    static OptionalLong heapAfterFullGcMiB(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try {
            jcmd(pid, "GC.run");
            return heapUsedMiB(jcmd(pid, "GC.heap_info"));
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The heap in use that jcmd GC.heap_info reports: the sum over its heap spaces, in MiB. */
    static OptionalLong heapUsedMiB(String heapInfo) {
        Matcher used = HEAP_USED.matcher(heapInfo);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? OptionalLong.of(kib / 1024) : OptionalLong.empty();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out.strip());
        }
        return out;
    }
}
