package bt.druk.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before a test JVM of the fabric execution runs anything: waits for the shared network that the
 * build brings up in the background (pom.xml, network-up), and fails with its log if it did not
 * come up. {@code druk.network.upMarker} names the files the background job keeps: {@code .pending}
 * (its pid, while it runs), {@code .rc} (network.sh's exit status) and {@code .log}. Without the
 * property, or with no job of this build (a network brought up by hand), it does nothing.
 * Then it waits for the other background job, the portals' class archive ({@code
 * <druk.build.dir>/portal-classes.jsa.pending}), so that every portal of the execution boots from it.
 */
public final class AwaitNetworkUp implements LauncherSessionListener {

    private static final Duration AT_MOST = Duration.ofMinutes(15);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String marker = System.getProperty("druk.network.upMarker");
        if (marker == null || marker.isBlank()) {
            return;
        }
        Path pending = Path.of(marker + ".pending");
        Path status = Path.of(marker + ".rc");
        Path log = Path.of(marker + ".log");
        if (!fromThisBuild(pending) && !fromThisBuild(status)) {
            return;
        }
        long started = System.nanoTime();
        try {
            while (Files.exists(pending) && jobAlive(pending)) {
                if (System.nanoTime() - started > AT_MOST.toNanos()) {
                    throw new IllegalStateException("network.sh up still running after " + AT_MOST.toMinutes() + " min: " + tail(log));
                }
                Thread.sleep(500);
            }
            if (!Files.exists(status)) {
                throw new IllegalStateException("network.sh up ended without an exit status (killed?): " + tail(log));
            }
            int exit = Integer.parseInt(Files.readString(status).strip());
            if (exit != 0) {
                throw new IllegalStateException("network.sh up failed with exit status " + exit + ": " + tail(log));
            }
            System.out.printf("[network-up] the shared network is up (waited %.1f s; its log: %s)%n",
                    (System.nanoTime() - started) / 1e9, log);
            awaitClassArchive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for network.sh up", e);
        }
    }

    /** Without the archive a portal still boots (slower), so a job that ran out of time fails nothing here. */
    private static void awaitClassArchive() throws IOException, InterruptedException {
        Path pending = Path.of(System.getProperty("druk.build.dir", "target"), "portal-classes.jsa.pending");
        long started = System.nanoTime();
        while (fromThisBuild(pending) && jobAlive(pending) && System.nanoTime() - started < Duration.ofMinutes(3).toNanos()) {
            Thread.sleep(500);
        }
        if (System.nanoTime() - started > Duration.ofSeconds(1).toNanos()) {
            System.out.printf("[network-up] waited %.1f s for the portals' class archive%n", (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * The build's network-down removes the markers; one left by an interrupted build an hour ago
     * or more says nothing about the network now.
     */
    private static boolean fromThisBuild(Path marker) {
        try {
            return Files.getLastModifiedTime(marker).toInstant().isAfter(java.time.Instant.now().minus(Duration.ofHours(1)));
        } catch (IOException absent) {
            return false;
        }
    }

    /** The job's pid from its marker; a marker not yet written counts as alive. */
    private static boolean jobAlive(Path pending) throws IOException {
        String pid;
        try {
            pid = Files.readString(pending).strip();
        } catch (java.nio.file.NoSuchFileException done) {
            return false;
        }
        if (!pid.matches("[0-9]+")) {
            return true; // not written yet
        }
        return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return log + ", its last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
