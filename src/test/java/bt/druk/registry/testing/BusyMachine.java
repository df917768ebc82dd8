package bt.druk.registry.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps every core of the machine busy while a test runs, as on a loaded server, with one spinning
 * thread per core that takes only what other processes leave idle. Spinners that always spin would
 * take a third or more of a machine that CI already keeps busy (the tests beside this one) and slow
 * those tests down for nothing; these barely run then, and fill the cores when the machine is quiet.
 * Where {@code /proc/stat} cannot be read they always spin.
 */
public final class BusyMachine implements AutoCloseable {

    /** How often the spinners' share is set again from what the machine did in the last slice. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final int cores = Runtime.getRuntime().availableProcessors();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Thread> spinners = new ArrayList<>();
    private final Thread governor;
    private volatile boolean on = true;
    /** The share of each slice every spinner spins, 0 to 1. */
    private volatile double share = 1;
    private double busyCoreSeconds;
    private double ownCoreSeconds;
    private double seconds;

    private BusyMachine() {
        for (int i = 0; i < cores; i++) {
            Thread spinner = new Thread(this::spin, "busy-machine-" + i);
            spinner.setDaemon(true);
            spinners.add(spinner);
        }
        governor = new Thread(this::govern, "busy-machine-governor");
        governor.setDaemon(true);
    }

    public static BusyMachine start() {
        BusyMachine machine = new BusyMachine();
        machine.spinners.forEach(Thread::start);
        machine.governor.start();
        return machine;
    }

    /**
     * The share of each slice a spinner spins so that the cores are busy: what the other processes
     * used ({@code busyCores} measured on the whole machine, less the spinners' own), topped up to
     * every core.
     */
    static double share(double busyCores, double ownCores, int cores) {
        double others = Math.max(0, busyCores - ownCores);
        return Math.min(1, Math.max(0, (cores - others) / cores));
    }

    private void spin() {
        long x = 0;
        while (on) {
            long sliceStart = System.nanoTime();
            long spinUntil = sliceStart + (long) (share * SLICE_NANOS);
            while (System.nanoTime() < spinUntil) {
                x += System.nanoTime() % 7;
            }
            long rest = sliceStart + SLICE_NANOS - System.nanoTime();
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
        }
        if (x == 42) {
            System.out.println(x); // keeps the loop from being optimised away
        }
    }

    private void govern() {
        long[] before = procStat();
        long ownBefore = ownCpuNanos();
        long wallBefore = System.nanoTime();
        while (on) {
            LockSupport.parkNanos(SLICE_NANOS);
            long[] now = procStat();
            long ownNow = ownCpuNanos();
            long wallNow = System.nanoTime();
            double wall = (wallNow - wallBefore) / 1e9;
            double own = (ownNow - ownBefore) / 1e9 / wall;
            if (before != null && now != null && now[0] > before[0]) {
                double busy = cores * (double) (now[1] - before[1]) / (now[0] - before[0]);
                share = share(busy, own, cores);
                synchronized (this) {
                    busyCoreSeconds += busy * wall;
                    ownCoreSeconds += own * wall;
                    seconds += wall;
                }
            }
            before = now;
            ownBefore = ownNow;
            wallBefore = wallNow;
        }
    }

    /** The machine's CPU time since boot in clock ticks: all of it, and the part not idle nor waiting for I/O; null when unreadable. */
    private static long[] procStat() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total, total - idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long ownCpuNanos() {
        long sum = 0;
        for (Thread spinner : spinners) {
            sum += Math.max(0, threads.getThreadCpuTime(spinner.getId()));
        }
        return sum;
    }

    /** How busy the machine was while this ran, and how much of it was the spinners, for the test's output. */
    public synchronized String summary() {
        if (seconds == 0) {
            return "machine load not measured (no /proc/stat)";
        }
        return String.format("the machine's %d cores %.0f %% busy over %.0f s, %.0f %% of them the spinners'",
                cores, 100 * busyCoreSeconds / seconds / cores, seconds, 100 * ownCoreSeconds / seconds / cores);
    }

    @Override
    public void close() throws InterruptedException {
        on = false;
        governor.join();
        for (Thread spinner : spinners) {
            spinner.join();
        }
    }
}
