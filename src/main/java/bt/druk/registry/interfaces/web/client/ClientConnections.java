package bt.druk.registry.interfaces.web.client;

import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides a request's client address and whether it came over HTTPS: the sign-in
 * and registration throttles, the public rate limit, bid lodging, the staff activity log, HSTS and
 * the cookies' {@code Secure} all ask here, never {@code getRemoteAddr()} or {@code isSecure()}.
 *
 * <p>A request whose direct peer ({@code getRemoteAddr()}) is not a trusted proxy
 * ({@code druk.http.trustedProxies}, {@link TrustedProxies}) is taken as it came: its peer is the
 * client, and it is HTTPS only if its own connection was. {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are then ignored, since anyone can write them.
 *
 * <p>From a trusted proxy, {@code X-Forwarded-For} is read from the right: each proxy appends the
 * address that connected to it, so the right-most address that is not itself a trusted proxy is the
 * first one no trusted proxy vouches for beyond, the client. Whatever stands left of it was written
 * by that client and is not believed (a client cannot blame its guesses on another address by
 * sending {@code X-Forwarded-For: <their address>}). When every address is a trusted proxy, the
 * left-most is the client; an entry that is not an IP address ends the walk at the proxy that
 * passed it on. {@code X-Forwarded-Proto} says HTTPS when its value at the client's place in the
 * chain (each proxy appending its own), else its last value, is {@code https}.
 */
@ApplicationScoped
public class ClientConnections {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    /** Entries of a forwarded chain read at most: a longer chain is a client's padding, not proxies. */
    static final int MAX_HOPS = 20;

    private final TrustedProxies proxies;

    /** The portal's: the proxies of {@link Setting#HTTP_TRUSTED_PROXIES}; a value that is not addresses and ranges stops the portal with its name. */
    public ClientConnections() {
        this(fromSettings());
    }

    public ClientConnections(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    private static TrustedProxies fromSettings() {
        String value = Setting.HTTP_TRUSTED_PROXIES.configured().orElse("");
        try {
            return TrustedProxies.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Setting.HTTP_TRUSTED_PROXIES.key() + ": " + e.getMessage(), e);
        }
    }

    /** The client behind this request. */
    public ClientConnection of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Optional<InetAddress> direct = TrustedProxies.literal(peer);
        if (direct.isEmpty() || !proxies.trusts(direct.get())) {
            return new ClientConnection(direct.map(TrustedProxies::canonical).orElse(peer), request.isSecure());
        }
        List<String> chain = values(request, FORWARDED_FOR);
        InetAddress client = direct.get();
        int position = chain.size();
        for (int i = chain.size() - 1; i >= 0 && i >= chain.size() - MAX_HOPS; i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(chain.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            position = i;
            if (!proxies.trusts(client)) {
                break;
            }
        }
        return new ClientConnection(TrustedProxies.canonical(client), secure(request, chain.size(), position));
    }

    /** The client's address ({@link #of}). */
    public String address(HttpServletRequest request) {
        return of(request).address();
    }

    /** Whether the client reached the portal, or the trusted proxy in front of it, over HTTPS ({@link #of}). */
    public boolean secure(HttpServletRequest request) {
        return of(request).secure();
    }

    private static boolean secure(HttpServletRequest request, int hops, int position) {
        List<String> protocols = values(request, FORWARDED_PROTO);
        if (protocols.isEmpty()) {
            return request.isSecure();
        }
        String said = protocols.size() == hops && position < hops ? protocols.get(position) : protocols.get(protocols.size() - 1);
        return switch (said.toLowerCase(Locale.ROOT)) {
            case "https" -> true;
            case "http" -> false;
            default -> request.isSecure();
        };
    }

    /** Every comma-separated value of every header of this name, in order. */
    private static List<String> values(HttpServletRequest request, String header) {
        var headers = request.getHeaders(header);
        if (headers == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String line : Collections.list(headers)) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }
}
