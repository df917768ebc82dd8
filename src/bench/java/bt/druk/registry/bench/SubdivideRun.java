package bt.druk.registry.bench;

import bt.druk.registry.bench.PortalApi.Answer;
import java.io.IOException;
import java.util.List;

/**
 * Subdivisions as one land clerk makes them (issue 30: "from form to committed < 3 s"): a title
 * registered and seen committed, then divided in two through {@code POST
 * /api/land/titles/<pin>/subdivisions}, the clock running from the POST until the parent's
 * retiring version and both children are committed. The same clerk's first registration, POST to
 * committed, is timed in the same run as the yardstick. Titles registered without the ledger's
 * parcel facts (every first registration today) need a facts transaction first, so a subdivision
 * here is two ledger transactions one after the other.
 */
final class SubdivideRun {

    /** What the run measured. */
    record Result(int subdivided, int failed, String firstFailure, double seconds, Latencies subdivisions, Latencies registrations) {
    }

    private static final long POLL_MILLIS = 20;

    private SubdivideRun() {
    }

    static Result run(PortalApi api, String clerk, String prefix, int count, int drainSeconds) throws IOException, InterruptedException {
        Latencies subdivisions = new Latencies();
        Latencies registrations = new Latencies();
        int done = 0;
        int failed = 0;
        String firstFailure = null;
        long spent = 0;
        for (int i = 0; i < count; i++) {
            String pin = prefix + "-" + i;
            long posted = System.nanoTime();
            Answer registered = api.post("/api/land/titles", clerk, PortalRegister.body(pin, i));
            if (registered.status() != 202 || !committed(api, List.of("land-title:" + pin), drainSeconds)) {
                failed++;
                firstFailure = firstFailure == null ? "registration of " + pin + ": " + registered.status() + " " + registered.body() : firstFailure;
                continue;
            }
            registrations.add(System.nanoTime() - posted);
            long start = System.nanoTime();
            Answer divided = api.post("/api/land/titles/" + pin + "/subdivisions", clerk, """
                    {"expectedVersion":1,"children":[{"pin":"%1$s-A","areaAcres":"1.25"},{"pin":"%1$s-B","areaAcres":"1.25"}]}"""
                    .formatted(pin));
            if (divided.status() != 202 || !committed(api, List.of("land-title:" + pin, "land-title:" + pin + "-A",
                    "land-title:" + pin + "-B"), drainSeconds)) {
                failed++;
                firstFailure = firstFailure == null ? "subdivision of " + pin + ": " + divided.status() + " " + divided.body() : firstFailure;
                continue;
            }
            long took = System.nanoTime() - start;
            subdivisions.add(took);
            spent += took;
            done++;
        }
        return new Result(done, failed, firstFailure, spent / 1e9, subdivisions, registrations);
    }

    /** Polls until every record's current version is committed; false if one is rejected or the time runs out. */
    private static boolean committed(PortalApi api, List<String> keys, int drainSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
        for (String key : keys) {
            PortalApi.Progress progress = PortalRegister.committed(api, key);
            while (progress == PortalApi.Progress.PENDING && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                progress = PortalRegister.committed(api, key);
            }
            if (progress != PortalApi.Progress.DONE) {
                return false;
            }
        }
        return true;
    }
}
