package bt.druk.registry.bench;

import bt.druk.registry.bench.PortalApi.Answer;
import bt.druk.registry.bench.PortalApi.Awaited;
import bt.druk.registry.bench.PortalApi.Progress;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Documents through {@code POST /api/notary/batch} as a notary clerk, in requests of
 * {@value #PER_REQUEST} hashes, each then awaited until {@code GET /api/notary/batch/<sha256>}
 * says ANCHORED and carries its inclusion proof.
 */
final class NotaryBatch {

    static final int PER_REQUEST = 256;

    /** What one run measured; {@code seconds} runs from the first POST to the last document with its proof. */
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
        LinkedBlockingQueue<String> toAwait = new LinkedBlockingQueue<>();
        Latencies ack = new Latencies();
        int refused = 0;
        String firstRefusal = null;
        long first = System.nanoTime();
        // Sent from one client: a request carries a whole batch, and sending is not what is measured.
        for (int start = 0; start < documents; start += PER_REQUEST) {
            List<String> hashes = new ArrayList<>();
            for (int i = start; i < Math.min(documents, start + PER_REQUEST); i++) {
                hashes.add(RawSubmitter.randomSha256());
            }
            long sent = System.nanoTime();
            try {
                Answer answer = api.post("/api/notary/batch", clerk, "{\"documents\":[\"" + String.join("\",\"", hashes) + "\"]}");
                if (answer.status() == 202) {
                    ack.add(System.nanoTime() - sent);
                    toAwait.addAll(hashes);
                } else {
                    refused += hashes.size();
                    firstRefusal = firstRefusal == null ? answer.status() + " " + answer.body() : firstRefusal;
                }
            } catch (IOException e) {
                refused += hashes.size();
                firstRefusal = firstRefusal == null ? e.toString() : firstRefusal;
            }
        }
        int queued = toAwait.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        Awaited awaited = PortalApi.awaitInOrder(toAwait, () -> false, this::anchored, deadline, 100);
        double seconds = awaited.done() == 0 ? 0 : (awaited.lastDoneNanos() - first) / 1e9;
        return new Result(queued, refused, firstRefusal, awaited, seconds, ack);
    }

    private Progress anchored(String sha256) throws IOException, InterruptedException {
        Answer answer = api.get("/api/notary/batch/" + sha256);
        if (answer.status() != 200) {
            return Progress.PENDING;
        }
        JsonObject json = answer.json();
        return switch (json.getString("state")) {
            case "ANCHORED" -> json.containsKey("inclusionProof") ? Progress.DONE : Progress.FAILED;
            case "TAMPERED" -> Progress.FAILED;
            default -> Progress.PENDING;
        };
    }
}
