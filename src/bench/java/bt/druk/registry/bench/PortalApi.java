package bt.druk.registry.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** The portal's REST API over HTTP/1.1 ({@code /api}), as any client would use it. */
final class PortalApi {

    /** One answer: status and body. */
    record Answer(int status, String body) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** Where an awaited item stands. */
    enum Progress { PENDING, DONE, FAILED }

    /** Says where an item stands, by asking the portal. */
    @FunctionalInterface
    interface Probe {
        Progress check(String item) throws IOException, InterruptedException;
    }

    /** Items seen done (and when, nanoTime), and those that failed or were still pending at the deadline. */
    record Awaited(int done, int failed, int stillPending, long lastDoneNanos, String firstFailed) {
    }

    final String base;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    PortalApi(String base, String password) {
        this.base = base;
        this.password = password;
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer postPublic(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer post(String path, String user, String json) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    /**
     * Waits for every item that arrives on {@code queue} until {@code producing} says no more will
     * come and the queue is empty, or the deadline passes. Items are checked in the order they came,
     * and a pending one is asked again every {@code intervalMillis}: items of a pipeline finish
     * roughly in order, so this costs about one request per item and reads the last finish time
     * within one interval.
     */
    static Awaited awaitInOrder(BlockingQueue<String> queue, BooleanSupplier producing, Probe probe, long deadlineNanos,
                                long intervalMillis) throws InterruptedException {
        return awaitInOrder(queue, producing, probe, () -> deadlineNanos, intervalMillis);
    }

    /** As above with a deadline that may move: the faults scenario's deadline starts only when its load stops. */
    static Awaited awaitInOrder(BlockingQueue<String> queue, BooleanSupplier producing, Probe probe, LongSupplier deadline,
                                long intervalMillis) throws InterruptedException {
        int done = 0;
        int failed = 0;
        long lastDone = Long.MIN_VALUE;
        String firstFailed = null;
        while (System.nanoTime() < deadline.getAsLong()) {
            String item = queue.poll(intervalMillis, TimeUnit.MILLISECONDS);
            if (item == null) {
                if (!producing.getAsBoolean() && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            Progress progress = Progress.PENDING;
            while (System.nanoTime() < deadline.getAsLong()) {
                try {
                    progress = probe.check(item);
                } catch (IOException e) {
                    progress = Progress.PENDING; // asked again after the interval
                }
                if (progress != Progress.PENDING) {
                    break;
                }
                Thread.sleep(intervalMillis);
            }
            if (progress == Progress.DONE) {
                done++;
                lastDone = System.nanoTime();
            } else if (progress == Progress.FAILED) {
                failed++;
                firstFailed = firstFailed == null ? item : firstFailed;
            } else {
                queue.add(item);
                break;
            }
        }
        return new Awaited(done, failed, queue.size(), lastDone, firstFailed);
    }

    /** The portal's resident set in MiB from {@code /proc/<pid>/status}, if the pid is known and alive. */
    static Optional<Long> rssMiB(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
