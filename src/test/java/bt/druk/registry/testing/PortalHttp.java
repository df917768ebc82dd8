package bt.druk.registry.testing;

import java.net.http.HttpClient;

/**
 * HTTP clients for tests that talk to a portal. HTTP/1.1, as browsers speak to a plain-HTTP
 * server: the JDK client's default, an h2c upgrade, left Grizzly connections that answered
 * nothing under load (an EOF on /openapi; a booting portal that timed out every probe for 4 min).
 */
public final class PortalHttp {

    private PortalHttp() {
    }

    /** A client builder for HTTP/1.1; add timeouts, cookies and redirects as the test needs. */
    public static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    }
}
