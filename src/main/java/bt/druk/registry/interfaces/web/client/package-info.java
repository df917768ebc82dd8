/**
 * Who is at the other end of a request: the client's address and whether it reached the portal
 * over HTTPS, decided once for the whole portal ({@link bt.druk.registry.interfaces.web.client.ClientConnections}).
 * Behind a reverse proxy listed in {@code druk.http.trustedProxies}, that is what the proxy reports in
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto}; from anyone else, the connection itself.
 */
package bt.druk.registry.interfaces.web.client;
