package bt.druk.registry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used during one scenario, read from {@code /proc}: the portal process's own time and the
 * whole machine's busy time, so a row can say whether the portal or everything else (peers,
 * orderer, chaincode, this driver, other work) used the cores.
 */
final class CpuMeter {

    /** Linux reports process and machine times in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long portalPid;
    private final long portalTicks;
    private final long busyTicks;
    private final long totalTicks;

    private CpuMeter(long portalPid) {
        this.portalPid = portalPid;
        this.portalTicks = portalTicks(portalPid);
        long[] machine = machineTicks();
        this.busyTicks = machine[0];
        this.totalTicks = machine[1];
    }

    static CpuMeter start(long portalPid) {
        return new CpuMeter(portalPid);
    }

    /** "portal CPU 1.23 s, machine 95 % busy", or what of it could be read. */
    String since() {
        long[] machine = machineTicks();
        long total = machine[1] - totalTicks;
        String busy = total <= 0 || busyTicks < 0 ? "machine busy unknown"
                : String.format("machine %.0f %% busy", 100.0 * (machine[0] - busyTicks) / total);
        long portal = portalTicks(portalPid);
        return portal < 0 || portalTicks < 0 ? busy
                : String.format("portal CPU %.1f s, %s", (portal - portalTicks) / TICKS_PER_SECOND, busy);
    }

    /** Seconds of CPU the portal used since the start, or -1 if unknown. */
    double portalSeconds() {
        long portal = portalTicks(portalPid);
        return portal < 0 || portalTicks < 0 ? -1 : (portal - portalTicks) / TICKS_PER_SECOND;
    }

    /** utime + stime of the process (fields 14 and 15 of /proc/pid/stat), -1 if unknown. */
    private static long portalTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in parentheses may hold spaces: count fields after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
