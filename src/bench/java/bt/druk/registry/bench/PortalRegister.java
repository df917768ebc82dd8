package bt.druk.registry.bench;

import bt.druk.registry.bench.PortalApi.Answer;
import bt.druk.registry.bench.PortalApi.Awaited;
import bt.druk.registry.bench.PortalApi.Progress;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Land clerks' first registrations through {@code POST /api/land/titles} (HTTP Basic), a fixed
 * count from a bounded number of clients, each acknowledged registration then awaited until the
 * portal says COMMITTED ({@code GET /api/records/<key>}).
 */
final class PortalRegister {

    /**
     * What one run measured. {@code seconds} runs from the first POST to the last registration
     * seen committed.
     */
    record Result(int posted, List<Registered> acknowledged, int refused, String firstRefusal, Awaited awaited, double seconds,
                  Latencies ackLatencies) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : awaited.done() / seconds;
        }

        /** Acknowledged and never seen committed or rejected, including those acknowledged after the deadline. */
        int notCommitted() {
            return acknowledged.size() - awaited.done() - awaited.failed();
        }
    }

    private final PortalApi api;
    private final String clerk;

    PortalRegister(PortalApi api, String clerk) {
        this.api = api;
        this.clerk = clerk;
    }

    Result run(String pinPrefix, int count, int clients, int drainSeconds) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        Latencies ack = new Latencies();
        List<Registered> acknowledged = Collections.synchronizedList(new ArrayList<>());
        LinkedBlockingQueue<String> toAwait = new LinkedBlockingQueue<>();
        AtomicInteger running = new AtomicInteger(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        String pin = pinPrefix + "-" + n;
                        long start = System.nanoTime();
                        first.accumulateAndGet(start, Math::min);
                        try {
                            Answer answer = api.post("/api/land/titles", clerk, body(pin, n));
                            long end = System.nanoTime();
                            if (answer.status() == 202) {
                                ack.add(end - start);
                                JsonObject json = answer.json();
                                acknowledged.add(new Registered(pin, json.getString("hash")));
                                toAwait.add(json.getString("recordKey"));
                            } else {
                                refused.incrementAndGet();
                                firstRefusal.compareAndSet(null, answer.status() + " " + answer.body());
                            }
                        } catch (Exception e) {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, e.toString());
                        }
                    }
                } finally {
                    running.decrementAndGet();
                }
            }, "portal-register-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        Awaited awaited = PortalApi.awaitInOrder(toAwait, () -> running.get() > 0, key -> committed(api, key), deadline, 100);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = awaited.done() == 0 ? 0 : (awaited.lastDoneNanos() - first.get()) / 1e9;
        return new Result(count, List.copyOf(acknowledged), refused.get(), firstRefusal.get(), awaited, seconds, ack);
    }

    /** DONE once the portal says the record's current version is COMMITTED, FAILED if REJECTED. */
    static Progress committed(PortalApi api, String recordKey) throws java.io.IOException, InterruptedException {
        Answer answer = api.get("/api/records/" + recordKey);
        if (answer.status() != 200) {
            return Progress.PENDING;
        }
        return switch (answer.json().getString("ledgerState")) {
            case "COMMITTED" -> Progress.DONE;
            case "REJECTED" -> Progress.FAILED;
            default -> Progress.PENDING;
        };
    }

    /** A first registration of the size the clerk's form sends: one parcel, two owners. */
    static String body(String pin, int n) {
        return """
                {"pin":"%s","thramNo":"BENCH-%d","dzongkhag":"Punakha","gewog":"Talo","areaAcres":2.5,"landType":"WETLAND",
                 "owners":[{"name":"Sonam Choden","cid":"115120%05d","share":"1/2"},
                           {"name":"Dorji Wangdi","cid":"115121%05d","share":"1/2"}]}""".formatted(pin, n % 100000, n % 100000, n % 100000);
    }
}
