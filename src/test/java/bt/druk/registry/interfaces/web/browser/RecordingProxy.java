package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reverse proxy in front of a portal for a test's browser: it forwards every request unchanged
 * and records it, so a test sees exactly what left the browser (e.g. that no request carries a
 * document's bytes). Open pages through {@link #base()}.
 */
final class RecordingProxy implements AutoCloseable {

    private static final Set<String> REQUEST_HOP_HEADERS =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "keep-alive", "transfer-encoding");
    private static final Set<String> RESPONSE_HOP_HEADERS = Set.of("content-length", "transfer-encoding", "connection", ":status");

    /** One request the browser sent: method, path and query, body. */
    record Sent(String method, String target, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final String base;

    /** Starts a proxy on a free port of 127.0.0.1 for the portal at {@code portalBase} (scheme, authority and context path). */
    RecordingProxy(URI portalBase) throws IOException {
        HttpClient http = PortalHttp.builder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String origin = portalBase.getScheme() + "://" + portalBase.getRawAuthority();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        String proxyOrigin = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String target = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
                sent.add(new Sent(exchange.getRequestMethod(), target, body));
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(origin + target)).timeout(Duration.ofSeconds(120))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!REQUEST_HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(v -> forward.header(name, v.replace(proxyOrigin, origin)));
                    }
                });
                HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().map().forEach((name, values) -> {
                    if (!RESPONSE_HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(v -> exchange.getResponseHeaders().add(name, v.replace(origin, proxyOrigin)));
                    }
                });
                byte[] out = response.body();
                exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    exchange.getResponseBody().write(out);
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.err.println("[recording-proxy] " + e);
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        base = proxyOrigin + portalBase.getRawPath();
    }

    /** The portal's base URL through this proxy. */
    String base() {
        return base;
    }

    /** Every request forwarded so far, oldest first (clear it to start counting afresh). */
    List<Sent> sent() {
        return sent;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
