package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.infrastructure.config.Setting;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's public address for links printed on PDFs and in proofs and OCDS releases (QR codes,
 * "verify at"): {@link Setting#PUBLIC_BASE_URL} when set (deploy/up.sh sets it; behind a proxy, the
 * proxy's address). Never the request's {@code Host} header, which any client can forge into a
 * certificate's QR code: without the setting, the address and port the request arrived at on this
 * machine. Never ends with a slash.
 */
public final class PublicBaseUrl {

    private PublicBaseUrl() {
    }

    public static String of(HttpServletRequest request) {
        String base = Setting.PUBLIC_BASE_URL.configured().orElse(null);
        if (base == null) {
            // The connection's own scheme, not ClientConnections': this fallback names the portal's
            // own address and port, which speak what the connection spoke. Behind a proxy the
            // setting names the proxy's address.
            String scheme = request.isSecure() ? "https" : "http";
            String address = request.getLocalAddr();
            if (address.indexOf(':') >= 0) {
                address = "[" + address + "]"; // IPv6
            }
            StringBuilder b = new StringBuilder().append(scheme).append("://").append(address);
            int port = request.getLocalPort();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            if (!defaultPort) {
                b.append(':').append(port);
            }
            base = b.append(request.getContextPath()).toString();
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
