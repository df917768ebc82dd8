package bt.druk.registry.interfaces.web.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A browser at one address of the loopback range ({@code 127.0.0.5}, {@code 127.0.0.6}, …): each
 * request leaves from that address, so the proxy or portal it reaches sees a client of its own,
 * as a browser elsewhere would be. {@code java.net.http} cannot choose its source address before
 * Java 19, hence a plain socket per request ({@code HTTP/1.0}, {@code Connection: close}), over TLS
 * when given a context. Keeps its cookies (every {@code Set-Cookie} seen is kept in full for the
 * test to read) and the Faces view state and nonce of the last page, as {@link FacesHttpSession} does.
 * Traffic goes to 127.0.0.1 only.
 */
final class LoopbackBrowser {

    /** A response: its status, headers (names in lower case), body and where it came from. */
    record Response(int status, Map<String, List<String>> headers, String body, String path) {

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String first(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        FacesHttpSession.Page page() {
            return new FacesHttpSession.Page(status, URI.create("http://127.0.0.1" + path), body, first("Location"));
        }
    }

    private final InetAddress from;
    private final int port;
    private final SSLContext tls;
    /** Sent with every request, as a client or a proxy before the one reached would add them. */
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** Every Set-Cookie header received, in order. */
    final List<String> setCookies = new ArrayList<>();
    private String viewState;
    private String nonce;

    /**
     * @param from the loopback address the requests leave from
     * @param port the port on 127.0.0.1 they go to (nginx's or the portal's)
     * @param tls TLS to that port with this context, or null for plain HTTP
     */
    LoopbackBrowser(String from, int port, SSLContext tls) throws IOException {
        this.from = InetAddress.getByName(from);
        if (!this.from.isLoopbackAddress()) {
            throw new IllegalArgumentException("a loopback address only: " + from);
        }
        this.port = port;
        this.tls = tls;
    }

    /** Adds this header to every request from now on (a client's own X-Forwarded-For, say). */
    LoopbackBrowser header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** The session cookie's value now, or null. */
    String sessionId() {
        return cookies.get("JSESSIONID");
    }

    /** The {@code Set-Cookie} headers for the session cookie received so far. */
    List<String> sessionCookies() {
        return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    }

    Response get(String path) throws IOException {
        return remember(send("GET", path, null, null));
    }

    /** Opens the sign-in page and signs in; the response to the form's post (a redirect to the staff pages when it worked). */
    Response signIn(String contextPath, String username, String password) throws IOException {
        Response page = get(contextPath + "/login.xhtml");
        if (page.status() != 200 || viewState == null) {
            throw new IllegalStateException("no sign-in page at " + page.path() + ": HTTP " + page.status() + " " + page.body());
        }
        return postSignIn(contextPath, username, password);
    }

    /** Posts the sign-in form of the page opened last (each refusal answers with the page again, to post again). */
    Response postSignIn(String contextPath, String username, String password) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("login:next", "");
        fields.put("login:username", username);
        fields.put("login:password", password);
        fields.put("login:signIn", "");
        fields.put("jakarta.faces.ViewState", viewState);
        if (nonce != null) {
            fields.put("primefaces.nonce", nonce);
        }
        return remember(send("POST", contextPath + "/login.xhtml", "application/x-www-form-urlencoded", FacesHttpSession.formEncoded(fields)));
    }

    /** Whether a sign-in response is the redirect to the staff pages. */
    static boolean signedIn(Response response) {
        String location = response.first("Location");
        return response.status() / 100 == 3 && location != null && URI.create(location).getPath().contains("/clerk/");
    }

    private Response remember(Response response) {
        FacesHttpSession.Page page = response.page();
        if (page.viewState() != null) {
            viewState = page.viewState();
            nonce = page.nonce();
        }
        return response;
    }

    private Response send(String method, String path, String contentType, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n")
                .append("User-Agent: TrustedProxyIT\r\n")
                .append("Accept-Language: en\r\n");
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList())).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(path, readAll(socket.getInputStream()));
        }
    }

    private Socket connect() throws IOException {
        Socket plain = new Socket();
        try {
            plain.bind(new InetSocketAddress(from, 0));
            plain.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            plain.setSoTimeout(120_000);
            if (tls == null) {
                return plain;
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name 127.0.0.1
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private Response parse(String path, byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP response to " + path + ": " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
            setCookies.add(cookie);
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        byte[] content = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            content = unchunked(content);
        }
        return new Response(status, headers, new String(content, StandardCharsets.UTF_8), path);
    }

    /** A chunked body's content (an HTTP/1.0 request should get none, but a server may send one anyway). */
    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }
}
