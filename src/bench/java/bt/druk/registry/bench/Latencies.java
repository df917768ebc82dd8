package bt.druk.registry.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Adds every latency of {@code other} (a later round of the same measurement). */
    void addAll(Latencies other) {
        long[] theirs;
        synchronized (other) {
            theirs = Arrays.copyOf(other.values, other.size);
        }
        for (long nanos : theirs) {
            add(nanos);
        }
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds; NaN when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }
}
