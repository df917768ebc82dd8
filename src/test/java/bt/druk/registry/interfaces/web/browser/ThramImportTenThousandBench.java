package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.interfaces.web.browser.FacesHttpSession.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not part of {@code mvn verify} (its name does not end in IT): a 10,000-row import
 * through the page of a portal of its own, while a reader opens the public search page every 250 ms.
 * It prints the time to check the file, the time to register every row, and the reader's slowest and
 * median answer. By default the ledger is off (druk.ledger.enabled=false): the outbox keeps the titles,
 * which is what a slow ledger would see, and the shared network is spared 10,000 transactions. With
 * {@code -Ddruk.importBench.ledger=true} the titles go on to the ledger and the time until the last
 * is committed is printed as well.
 * Run: {@code mvn -o failsafe:integration-test@fabric -Dit.test=ThramImportTenThousandBench}.
 */
class ThramImportTenThousandBench {

    @Test
    void tenThousandRowsAreRegisteredWhileThePagesKeepAnswering() throws Exception {
        int rows = Integer.getInteger("druk.importBench.rows", 10_000);
        boolean ledger = Boolean.getBoolean("druk.importBench.ledger");
        try (PortalUnderTest portal = PortalUnderTest.startOwn("thram-import-bench", Integer.getInteger("druk.importBench.port", 18489),
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_LEDGER_ENABLED", Boolean.toString(ledger)))) {
            ThramImportPortalIT.portal = portal;
            FacesHttpSession clerk = ThramImportPortalIT.clerk();
            StringBuilder csv = new StringBuilder(ThramImportPortalIT.HEADER);
            String run = Long.toString(System.currentTimeMillis() % 100000);
            for (int n = 1; n <= rows; n++) {
                csv.append(ThramImportPortalIT.row("TK" + run + "-" + n, n, "0.5", n % 3 == 0 ? "ཀུན་ལེགས་ Kinley Wangmo" : "Sonam Choden", "Thimphu"));
            }
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();
                while (reading.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/records/search.xhtml"))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies.add((System.nanoTime() - t0) / 1_000_000);
                        } else {
                            latencies.add(-1L);
                        }
                        Thread.sleep(250);
                    } catch (Exception e) {
                        latencies.add(-1L);
                    }
                }
            });
            reader.start();
            long t0 = System.nanoTime();
            Page checked = ThramImportPortalIT.upload(clerk, "ten-thousand.csv", csv.toString());
            long checkMillis = (System.nanoTime() - t0) / 1_000_000;
            ThramImportPortalIT.Summary report = ThramImportPortalIT.summary(checked);
            assertEquals(rows, report.good(), checked::summary);
            long t1 = System.nanoTime();
            ThramImportPortalIT.register(clerk, checked);
            ThramImportPortalIT.Summary done = ThramImportPortalIT.awaitSummary(clerk, report.id(), s -> s.registered() == rows, 1800);
            long registerMillis = (System.nanoTime() - t1) / 1_000_000;
            if (ledger) {
                ThramImportPortalIT.awaitSummary(clerk, report.id(), s -> s.committed() == rows, 3600);
                long committedMillis = (System.nanoTime() - t1) / 1_000_000;
                System.out.printf("[import-bench] %d rows committed on the ledger %.1f s after 'register' (%.1f rows/s)%n",
                        rows, committedMillis / 1000.0, rows * 1000.0 / committedMillis);
            }
            reading.set(false);
            reader.join();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long failures = latencies.stream().filter(l -> l < 0).count();
            System.out.printf("[import-bench] %d rows: checked in %.1f s, registered in %.1f s (%.0f rows/s); search page read %d times"
                            + " meanwhile: median %d ms, slowest %d ms, %d failed%n",
                    rows, checkMillis / 1000.0, registerMillis / 1000.0, rows * 1000.0 / registerMillis, sorted.length,
                    sorted.length == 0 ? -1 : sorted[sorted.length / 2], sorted.length == 0 ? -1 : sorted[sorted.length - 1], failures);
            assertEquals(rows, done.registered());
            assertEquals(0, failures, "every page read during the import answered");
        }
    }
}
