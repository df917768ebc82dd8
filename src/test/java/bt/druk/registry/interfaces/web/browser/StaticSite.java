package bt.druk.registry.interfaces.web.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few static pages and the portal's own scripts, styles and fonts served on 127.0.0.1 (a secure
 * context, so Web Crypto works) for browser tests that need no portal and no ledger. Every request
 * is recorded, so a test can prove that something sent nothing.
 */
final class StaticSite implements AutoCloseable {

    /** What to answer; null from a handler means 404. */
    record Response(int status, String type, byte[] body) {
        static Response ok(String type, byte[] body) {
            return new Response(200, type, body);
        }

        static Response ok(String type, String body) {
            return ok(type, body.getBytes(StandardCharsets.UTF_8));
        }

        /** A file under src/test/resources, e.g. {@code /holder-shares/holder-shares-test.html}. */
        static Response testResource(String resource, String type) throws IOException {
            try (InputStream in = StaticSite.class.getResourceAsStream(resource)) {
                return in == null ? null : ok(type, in.readAllBytes());
            }
        }

        /** A file of the portal under the project folder, e.g. {@code webapp/resources/druk/js/sealed-envelope.js}. */
        static Response projectFile(String relative, String type) throws IOException {
            Path file = projectDir().resolve(relative).normalize();
            return file.startsWith(projectDir()) && Files.isRegularFile(file) ? ok(type, Files.readAllBytes(file)) : null;
        }
    }

    @FunctionalInterface
    interface Handler {
        Response handle(String method, String path, byte[] body) throws IOException;
    }

    /**
     * Pages that need an inline script fail: a page must work under the portal's rule of no inline
     * scripts. Requests to this origin stay allowed, so that a leak reaches this server and is counted.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self' data:; font-src 'self'";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    final String baseUrl;

    private StaticSite(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestMethod() + " " + path);
            Response response;
            try {
                response = handler.handle(exchange.getRequestMethod(), path, body);
            } catch (IOException | UncheckedIOException e) {
                response = new Response(500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
            }
            respond(exchange, response == null ? new Response(404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8)) : response);
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static StaticSite start(Handler handler) throws IOException {
        return new StaticSite(handler);
    }

    /** Every request so far, as {@code METHOD /path}. */
    List<String> requests() {
        return requests;
    }

    /** The paths requested so far. */
    List<String> paths() {
        return requests.stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
    }

    void clear() {
        requests.clear();
    }

    static Path projectDir() {
        return Path.of(System.getProperty("druk.project.dir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    private static void respond(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.type());
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(response.status(), response.body().length);
        exchange.getResponseBody().write(response.body());
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
