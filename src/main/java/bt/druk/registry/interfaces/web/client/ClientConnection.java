package bt.druk.registry.interfaces.web.client;

/**
 * The client at the other end of a request, as the portal believes it: its IP address (one
 * spelling per address) and whether it reached the portal, or the trusted proxy in front of it,
 * over HTTPS.
 */
public record ClientConnection(String address, boolean secure) {
}
