package bt.druk.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk run (keep-alive) over a mix of paths, round robin per thread; a Lua {@code done} hook
 * prints the figures on one line, which is all that is read of wrk's output.
 */
final class WrkRun {

    /** What wrk measured: requests, duration, latency percentiles and the answers that were not 2xx/3xx or not answers at all. */
    record Result(long requests, double seconds, double p50Millis, double p99Millis, long non2xx, long socketErrors) {
        /** Answers with a 2xx or 3xx status a second: a refusal (429, 503) is no page served. */
        double perSecond() {
            return seconds <= 0 ? Double.NaN : (requests - non2xx) / seconds;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) status=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+)");

    private WrkRun() {
    }

    /** Runs wrk against {@code base} (scheme, host, port and context path) for {@code paths} under it. */
    static Result run(String base, List<String> paths, int threads, int connections, int seconds) throws IOException, InterruptedException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no paths to read");
        }
        URI uri = URI.create(base);
        String prefix = uri.getPath() == null ? "" : uri.getPath();
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append((prefix + path).replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("""
                }
                local i = 0
                setup = function(thread) math.randomseed(os.time()) end
                init = function(args) i = math.random(#paths) end
                request = function()
                  i = (i % #paths) + 1
                  return wrk.format("GET", paths[i])
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status=%d connect=%d read=%d write=%d timeout=%d\\n",
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                    e.status, e.connect, e.read, e.write, e.timeout))
                end
                """);
        Path script = Files.createTempFile("druk-bench-", ".lua");
        Path output = Files.createTempFile("druk-bench-wrk-", ".txt");
        try {
            Files.writeString(script, lua, StandardCharsets.UTF_8);
            String target = uri.getScheme() + "://" + uri.getAuthority() + "/";
            Process wrk = new ProcessBuilder("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(connections),
                    "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(), target)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new IOException("wrk did not finish within " + (seconds + 60) + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher m = LINE.matcher(text);
            if (wrk.exitValue() != 0 || !m.find()) {
                throw new IOException("wrk exited with " + wrk.exitValue() + ": " + text.strip());
            }
            return parse(m);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(output);
        }
    }

    /** The figures of the {@code done} hook's line. */
    static Result parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not a wrk result line: " + line);
        }
        return parse(m);
    }

    private static Result parse(Matcher m) {
        List<Long> n = new ArrayList<>();
        for (int g = 1; g <= 9; g++) {
            n.add(Long.parseLong(m.group(g)));
        }
        return new Result(n.get(0), n.get(1) / 1e6, n.get(2) / 1e3, n.get(3) / 1e3, n.get(4), n.get(5) + n.get(6) + n.get(7) + n.get(8));
    }
}
