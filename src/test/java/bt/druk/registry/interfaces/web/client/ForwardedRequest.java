package bt.druk.registry.interfaces.web.client;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as a connection from {@code peer} brings it: plain HTTP unless said, with whatever headers it carries. */
public final class ForwardedRequest {

    private final String peer;
    private boolean secure;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private ForwardedRequest(String peer) {
        this.peer = peer;
    }

    public static ForwardedRequest from(String peer) {
        return new ForwardedRequest(peer);
    }

    /** One more header line of this name (a request may carry several X-Forwarded-For lines). */
    public ForwardedRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    public ForwardedRequest forwardedFor(String chain) {
        return header("X-Forwarded-For", chain);
    }

    public ForwardedRequest forwardedProto(String proto) {
        return header("X-Forwarded-Proto", proto);
    }

    /** The connection itself was TLS. */
    public ForwardedRequest overTls() {
        secure = true;
        return this;
    }

    public HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "isSecure" -> secure;
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                    case "getHeader" -> headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of()).stream().findFirst().orElse(null);
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> "request from " + peer + " " + headers;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
