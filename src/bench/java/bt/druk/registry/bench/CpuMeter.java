package bt.druk.registry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU used during one scenario, read from {@code /proc}: the portal process's own time, the Fabric
 * network's (peers, orderers, chaincode services of deploy/network.sh) and the whole machine's busy
 * time, so a row can say which of them used the cores.
 */
final class CpuMeter {

    /** Linux reports process and machine times in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long portalPid;
    private final long portalTicks;
    private final double portalCompilerSeconds;
    private final List<Long> networkPids;
    private final long networkTicks;
    private final long busyTicks;
    private final long totalTicks;

    private CpuMeter(long portalPid) {
        this.portalPid = portalPid;
        this.portalTicks = processTicks(portalPid);
        this.portalCompilerSeconds = compilerSeconds(portalPid);
        this.networkPids = networkPids();
        this.networkTicks = networkPids.stream().mapToLong(CpuMeter::processTicks).filter(t -> t > 0).sum();
        long[] machine = machineTicks();
        this.busyTicks = machine[0];
        this.totalTicks = machine[1];
    }

    static CpuMeter start(long portalPid) {
        return new CpuMeter(portalPid);
    }

    /** "portal CPU 1.2 s (JIT 0.3 s), network CPU 30.1 s, machine 95 % busy", or what of it could be read. */
    String since() {
        long[] machine = machineTicks();
        long total = machine[1] - totalTicks;
        String busy = total <= 0 || busyTicks < 0 ? "machine busy unknown"
                : String.format("machine %.0f %% busy", 100.0 * (machine[0] - busyTicks) / total);
        String network = networkPids.isEmpty() ? "" : String.format("network CPU %.1f s, ", networkSeconds());
        double portal = portalSeconds();
        double compiler = compilerSeconds(portalPid);
        String jit = compiler < 0 || portalCompilerSeconds < 0 ? "" : String.format(" (JIT %.1f s)", compiler - portalCompilerSeconds);
        return (portal < 0 ? "" : String.format("portal CPU %.1f s%s, ", portal, jit)) + network + busy;
    }

    /** Seconds of CPU the network's processes used since the start (those that were running at the start). */
    double networkSeconds() {
        long now = networkPids.stream().mapToLong(CpuMeter::processTicks).filter(t -> t > 0).sum();
        return (now - networkTicks) / TICKS_PER_SECOND;
    }

    /** Processes of deploy/network.sh: peers, orderers and chaincode services, found by their command lines. */
    private static List<Long> networkPids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                try {
                    String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (command.contains("peer node start") || command.matches("\\S*/orderer\\b.*")
                            || command.contains("registry-chaincode.jar")) {
                        pids.add(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /** Seconds of CPU the portal used since the start, or -1 if unknown. */
    double portalSeconds() {
        long portal = processTicks(portalPid);
        return portal < 0 || portalTicks < 0 ? -1 : (portal - portalTicks) / TICKS_PER_SECOND;
    }

    /**
     * Waits until the process uses less than a fifth of a core over a second, at most {@code maxSeconds}.
     * A portal that has just started compiles its hot code and reads every block of the channel since
     * the first (its commit follower starts from block 0 on an empty database): measured meanwhile,
     * raw Fabric would share the cores with that.
     *
     * @return seconds waited (0 if there is no such process to read), or -1 if it was still busy after {@code maxSeconds}
     */
    static double awaitQuiet(long pid, int maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long before = processTicks(pid);
        if (before < 0) {
            return 0;
        }
        while (System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
            Thread.sleep(1000);
            long now = processTicks(pid);
            if (now >= 0 && now - before < 0.2 * TICKS_PER_SECOND) {
                return (System.nanoTime() - start) / 1e9;
            }
            before = now;
        }
        return -1;
    }

    /**
     * Seconds of CPU the process's JIT compiler threads (HotSpot's "C1/C2 CompilerThread") have used
     * since it started, or -1 if unknown: a portal started for the bench is still compiling while it
     * is measured, by an amount that differs from run to run.
     */
    static double compilerSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    ticks += cpuTicks(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of the process (fields 14 and 15 of /proc/pid/stat), -1 if unknown. */
    private static long processTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime from a process's or thread's stat line. */
    private static long cpuTicks(String stat) {
        // The command name in parentheses may hold spaces: count fields after its closing bracket.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {busy, total} ticks of all cores from the first line of /proc/stat; idle and iowait count as not busy. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
