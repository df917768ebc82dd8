package bt.druk.registry.bench;

import bt.druk.registry.bench.PortalApi.Answer;
import bt.druk.registry.bench.PortalApi.Awaited;
import bt.druk.registry.bench.PortalApi.Progress;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Documents through {@code POST /api/notary/batch} as a notary clerk, in requests of
 * {@value #PER_REQUEST} hashes from {@value #SENDERS} clients at once, each document then awaited
 * until it is ANCHORED and carries its inclusion proof.
 * Every document is asked about, a slice of a request at a time in one
 * {@code POST /api/notary/batch/states} (what an issuer collecting a batch's proofs does), by
 * {@value #CHECKERS} checkers in parallel, so the checking keeps up with the anchoring instead of
 * timing the checker.
 */
final class NotaryBatch {

    static final int PER_REQUEST = 1024;
    static final int SENDERS = 4;
    static final int CHECKERS = 8;
    static final int WARM_UP = 1024;
    private static final int SLICE = 128;

    /** What one run measured; {@code seconds} runs from the first POST to the last document seen with its proof. */
    record Result(int queued, int refused, String firstRefusal, Awaited awaited, double seconds, Latencies ackLatencies) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : awaited.done() / seconds;
        }
    }

    private final PortalApi api;
    private final String clerk;

    NotaryBatch(PortalApi api, String clerk) {
        this.api = api;
        this.clerk = clerk;
    }

    Result run(int documents, int drainSeconds) throws InterruptedException {
        Latencies ack = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger queued = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        AtomicInteger nextRequest = new AtomicInteger();
        int requests = (documents + PER_REQUEST - 1) / PER_REQUEST;
        ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
        List<Future<Awaited>> slices = Collections.synchronizedList(new ArrayList<>());
        long first = System.nanoTime();
        long deadline = first + TimeUnit.SECONDS.toNanos(drainSeconds);
        Thread[] senders = new Thread[SENDERS];
        for (int t = 0; t < SENDERS; t++) {
            senders[t] = new Thread(() -> {
                for (int r = nextRequest.getAndIncrement(); r < requests; r = nextRequest.getAndIncrement()) {
                    List<String> hashes = new ArrayList<>();
                    for (int i = r * PER_REQUEST; i < Math.min(documents, (r + 1) * PER_REQUEST); i++) {
                        hashes.add(RawSubmitter.randomSha256());
                    }
                    long sent = System.nanoTime();
                    try {
                        Answer answer = api.post("/api/notary/batch", clerk, "{\"documents\":[\"" + String.join("\",\"", hashes) + "\"]}");
                        if (answer.status() == 202) {
                            ack.add(System.nanoTime() - sent);
                            queued.addAndGet(hashes.size());
                            for (int from = 0; from < hashes.size(); from += SLICE) {
                                List<String> slice = hashes.subList(from, Math.min(hashes.size(), from + SLICE));
                                slices.add(checkers.submit(() -> awaitSlice(slice, deadline)));
                            }
                        } else {
                            refused.addAndGet(hashes.size());
                            firstRefusal.compareAndSet(null, answer.status() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        refused.addAndGet(hashes.size());
                        firstRefusal.compareAndSet(null, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "notary-sender-" + t);
            senders[t].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        int done = 0;
        int failed = 0;
        int pending = 0;
        long lastDone = Long.MIN_VALUE;
        String firstFailed = null;
        for (Future<Awaited> slice : slices) {
            try {
                Awaited a = slice.get();
                done += a.done();
                failed += a.failed();
                pending += a.stillPending();
                lastDone = Math.max(lastDone, a.lastDoneNanos());
                firstFailed = firstFailed == null ? a.firstFailed() : firstFailed;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a checker failed", e.getCause());
            }
        }
        checkers.shutdown();
        Awaited awaited = new Awaited(done, failed, pending, lastDone, firstFailed);
        double seconds = done == 0 ? 0 : (lastDone - first) / 1e9;
        return new Result(queued.get(), refused.get(), firstRefusal.get(), awaited, seconds, ack);
    }

    /**
     * Asks for the slice's documents in one {@code POST /api/notary/batch/states} until each is
     * anchored with an inclusion proof (done), tampered or missing (failed), or the deadline passes.
     */
    private Awaited awaitSlice(List<String> slice, long deadline) throws InterruptedException {
        Set<String> pending = new LinkedHashSet<>(slice);
        int done = 0;
        int failed = 0;
        long lastDone = Long.MIN_VALUE;
        String firstFailed = null;
        String last = slice.get(slice.size() - 1);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            // Only the slice's last document while it waits (the others were queued before it), then all still pending.
            Collection<String> ask = pending.contains(last) ? List.of(last) : pending;
            int before = pending.size();
            try {
                Answer answer = api.postPublic("/api/notary/batch/states", "{\"documents\":[\"" + String.join("\",\"", ask) + "\"]}");
                if (answer.status() == 200) {
                    JsonObject json = answer.json();
                    for (JsonObject state : json.getJsonArray("documents").getValuesAs(JsonObject.class)) {
                        Progress progress = progress(state);
                        if (progress != Progress.PENDING && pending.remove(state.getString("documentHash"))) {
                            if (progress == Progress.DONE) {
                                done++;
                                lastDone = System.nanoTime();
                            } else {
                                failed++;
                                firstFailed = firstFailed == null ? state.getString("documentHash") : firstFailed;
                            }
                        }
                    }
                    for (JsonString missing : json.getJsonArray("notQueued").getValuesAs(JsonString.class)) {
                        if (pending.remove(missing.getString())) {
                            failed++;
                            firstFailed = firstFailed == null ? missing.getString() : firstFailed;
                        }
                    }
                }
            } catch (IOException e) {
                // asked again after a pause
            }
            if (pending.size() == before) {
                Thread.sleep(100);
            }
        }
        return new Awaited(done, failed, pending.size(), lastDone, firstFailed);
    }

    private static Progress progress(JsonObject state) {
        return switch (state.getString("state")) {
            case "ANCHORED" -> state.containsKey("inclusionProof") ? Progress.DONE : Progress.FAILED;
            case "TAMPERED" -> Progress.FAILED;
            default -> Progress.PENDING;
        };
    }
}
